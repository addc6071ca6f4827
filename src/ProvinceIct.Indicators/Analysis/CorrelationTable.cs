using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// A square table of correlations with two-sided p-values between columns (indicators, or every node of a result),
/// each pair over its pairwise-complete observations (units where both values are present; NaN is missing).
/// Pearson and Spearman p-values use t = r sqrt((n - 2) / (1 - r^2)) with n - 2 degrees of freedom (Spearman's
/// ties get their average rank, as R's <c>cor(method = "spearman")</c>); Kendall's tau-b p-value uses the normal
/// approximation z = S / sqrt(var S) with the tie-corrected variance of S (R's <c>cor.test(exact = FALSE,
/// continuity = FALSE)</c>). A coefficient is NaN when fewer than 2 pairs remain or a column is constant over them; a
/// p-value is NaN when fewer than 3 pairs remain. The diagonal holds each column with itself (r = 1 unless constant).
/// Built from a result, the table also holds each node's correlation with its parent and the index, and the JRC's
/// flags. Immutable.
/// </summary>
public sealed class CorrelationTable
{
    private static readonly string[] CsvHeader = ["a", "b", "coefficient", "p_value", "pairs"];

    private readonly CorrelationEstimate[] _cells;
    private readonly FrozenDictionary<string, int> _index;

    private CorrelationTable(CorrelationMethod method, ImmutableArray<string> codes, CorrelationEstimate[] cells, ImmutableArray<NodeCorrelation> nodes, ImmutableArray<CorrelationFlag> flags, double collinearity, double significance)
    {
        Method = method;
        Codes = codes;
        _cells = cells;
        NodeCorrelations = nodes;
        Flags = flags;
        CollinearityThreshold = collinearity;
        SignificanceLevel = significance;
        _index = codes.Select((c, i) => KeyValuePair.Create(c, i)).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The coefficient used.</summary>
    public CorrelationMethod Method { get; }

    /// <summary>The columns, in table order.</summary>
    public ImmutableArray<string> Codes { get; }

    /// <summary>For a table built from a result: every non-root node's correlation with its parent and the index, in result node order; otherwise empty.</summary>
    public ImmutableArray<NodeCorrelation> NodeCorrelations { get; }

    /// <summary>For a table built from a result: the JRC flags (collinear siblings first, then weak links to parents and the index); otherwise empty.</summary>
    public ImmutableArray<CorrelationFlag> Flags { get; }

    /// <summary>The |r| above which two children of one node are flagged as collinear (NaN when no flags were computed).</summary>
    public double CollinearityThreshold { get; }

    /// <summary>The significance level below which a correlation with the parent counts as significant (NaN when no flags were computed).</summary>
    public double SignificanceLevel { get; }

    /// <summary>
    /// One correlation between two columns over their pairwise-complete observations (see the type's remarks for the
    /// NaN policy and the p-values).
    /// </summary>
    /// <param name="x">The first column; NaN is missing.</param>
    /// <param name="y">The second column, as long as the first.</param>
    /// <param name="method">The coefficient (default Pearson).</param>
    /// <returns>The coefficient, p-value and number of pairs.</returns>
    /// <exception cref="ArgumentException">When the lengths differ.</exception>
    public static CorrelationEstimate Correlate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, CorrelationMethod method = CorrelationMethod.Pearson) =>
        AnalysisMath.Correlate(x, y, method);

    /// <summary>The table of every pair of the given columns. Empty input gives an empty table.</summary>
    /// <param name="codes">The column codes (unique).</param>
    /// <param name="columns">The columns, parallel to the codes, all of one length; NaN is missing.</param>
    /// <param name="method">The coefficient (default Pearson).</param>
    /// <returns>The table (no flags).</returns>
    /// <exception cref="ArgumentException">When counts or lengths differ or a code repeats.</exception>
    public static CorrelationTable FromColumns(IReadOnlyList<string> codes, IReadOnlyList<double[]> columns, CorrelationMethod method = CorrelationMethod.Pearson)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(columns);
        Internal.Preconditions.SameLength(codes.Count, columns.Count, nameof(columns));
        if (codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
        {
            throw new ArgumentException("Column codes must be unique.", nameof(codes));
        }

        return new CorrelationTable(method, codes.ToImmutableArray(), Matrix(columns, method), [], [], double.NaN, double.NaN);
    }

    /// <summary>The table of a dataset's columns (raw values, before any direction flip or normalisation).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="indicatorCodes">The columns, or null for every column.</param>
    /// <param name="method">The coefficient (default Pearson).</param>
    /// <returns>The table (no flags).</returns>
    /// <exception cref="KeyNotFoundException">When a code is not a column.</exception>
    public static CorrelationTable FromDataset(Dataset dataset, IEnumerable<string>? indicatorCodes = null, CorrelationMethod method = CorrelationMethod.Pearson)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var codes = (indicatorCodes ?? dataset.IndicatorCodes).ToArray();
        return FromColumns(codes, codes.Select(c => dataset.Column(c).ToArray()).ToArray(), method);
    }

    /// <summary>
    /// The table of every node of a result (normalised indicator values, then aggregate scores, in the result's node
    /// order), each non-root node's correlation with its parent and with the index, and the JRC flags:
    /// <see cref="CorrelationFlagKind.Collinear"/> for two children of one node with |r| &gt; <paramref name="collinearity"/>;
    /// <see cref="CorrelationFlagKind.NegativeWithParent"/> for a node with r &lt; 0 with its parent (whatever the p-value);
    /// <see cref="CorrelationFlagKind.InsignificantWithParent"/> for a node with r &gt;= 0 and p &gt;= <paramref name="significance"/>,
    /// or with a correlation that cannot be computed (NaN); and, for nodes below the pillars, the same two tests against
    /// the index (<see cref="CorrelationFlagKind.NegativeWithIndex"/>, <see cref="CorrelationFlagKind.InsignificantWithIndex"/>).
    /// Flags are listed collinear pairs first, then per node in result order. A child is read as its parent reads it: an aggregate with a
    /// negative direction is multiplied by -1 for the parent and index correlations.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="method">The coefficient (default Pearson).</param>
    /// <param name="collinearity">The |r| threshold for collinear siblings (default 0.9), in [0, 1].</param>
    /// <param name="significance">The significance level (default 0.05), in (0, 1).</param>
    /// <returns>The table with node correlations and flags.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When a threshold is out of range.</exception>
    public static CorrelationTable FromResult(IndexResult result, CorrelationMethod method = CorrelationMethod.Pearson, double collinearity = 0.9, double significance = 0.05)
    {
        ArgumentNullException.ThrowIfNull(result);
        Internal.Preconditions.InRange(collinearity, 0, 1);
        if (!(significance > 0 && significance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(significance), significance, "The significance level must be strictly between 0 and 1.");
        }
        var fw = result.Methodology.Framework;
        var codes = result.NodeCodes;
        var columns = codes.Select(c => result.Scores(c).ToArray()).ToArray();
        var cells = Matrix(columns, method);
        var index = result.IndexScores;
        var nodes = ImmutableArray.CreateBuilder<NodeCorrelation>();
        var flags = new List<CorrelationFlag>();
        foreach (var code in codes)
        {
            var node = fw[code];
            if (node.ParentCode is not { } parent)
            {
                continue;
            }

            var read = AnalysisMath.AsParentReads(result, node);
            var withParent = AnalysisMath.Correlate(read, result.Scores(parent), method);
            var withIndex = parent == fw.IndexCode ? withParent : AnalysisMath.Correlate(read, index, method);
            nodes.Add(new NodeCorrelation(code, fw.Level(code), parent, withParent, withIndex));
        }

        foreach (var aggregate in codes.Where(c => !fw[c].IsIndicator))
        {
            var children = fw.Children(aggregate).Select(c => c.Code).ToArray();
            for (var a = 0; a < children.Length; a++)
            {
                for (var b = a + 1; b < children.Length; b++)
                {
                    var e = cells[(codes.IndexOf(children[a]) * codes.Length) + codes.IndexOf(children[b])];
                    if (Math.Abs(e.Coefficient) > collinearity)
                    {
                        flags.Add(new CorrelationFlag(CorrelationFlagKind.Collinear, aggregate, children[a], children[b], e));
                    }
                }
            }
        }

        foreach (var nc in nodes)
        {
            var r = nc.WithParent;
            if (r.Coefficient < 0)
            {
                flags.Add(new CorrelationFlag(CorrelationFlagKind.NegativeWithParent, nc.NodeCode, nc.NodeCode, nc.ParentCode, r));
            }
            else if (!r.IsSignificant(significance))
            {
                flags.Add(new CorrelationFlag(CorrelationFlagKind.InsignificantWithParent, nc.NodeCode, nc.NodeCode, nc.ParentCode, r));
            }

            if (nc.ParentCode == fw.IndexCode)
            {
                continue;
            }

            var i = nc.WithIndex;
            if (i.Coefficient < 0)
            {
                flags.Add(new CorrelationFlag(CorrelationFlagKind.NegativeWithIndex, nc.NodeCode, nc.NodeCode, fw.IndexCode, i));
            }
            else if (!i.IsSignificant(significance))
            {
                flags.Add(new CorrelationFlag(CorrelationFlagKind.InsignificantWithIndex, nc.NodeCode, nc.NodeCode, fw.IndexCode, i));
            }
        }

        return new CorrelationTable(method, codes, cells, nodes.ToImmutable(), [.. flags], collinearity, significance);
    }

    private static CorrelationEstimate[] Matrix(IReadOnlyList<double[]> columns, CorrelationMethod method)
    {
        var k = columns.Count;
        var cells = new CorrelationEstimate[k * k];
        for (var a = 0; a < k; a++)
        {
            ArgumentNullException.ThrowIfNull(columns[a], nameof(columns));
            Internal.Preconditions.SameLength(columns[0].Length, columns[a].Length, nameof(columns));
            for (var b = a; b < k; b++)
            {
                var e = AnalysisMath.Correlate(columns[a], columns[b], method);
                cells[(a * k) + b] = e;
                cells[(b * k) + a] = e;
            }
        }

        return cells;
    }

    /// <summary>The correlation between two columns of the table.</summary>
    /// <param name="a">The first code.</param>
    /// <param name="b">The second code.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="KeyNotFoundException">When a code is not in the table.</exception>
    public CorrelationEstimate this[string a, string b] => _cells[(Position(a) * Codes.Length) + Position(b)];

    /// <summary>The coefficient between two columns; NaN when not computable.</summary>
    /// <param name="a">The first code.</param>
    /// <param name="b">The second code.</param>
    /// <returns>The coefficient.</returns>
    /// <exception cref="KeyNotFoundException">When a code is not in the table.</exception>
    public double Coefficient(string a, string b) => this[a, b].Coefficient;

    /// <summary>The two-sided p-value between two columns; NaN when not computable.</summary>
    /// <param name="a">The first code.</param>
    /// <param name="b">The second code.</param>
    /// <returns>The p-value.</returns>
    /// <exception cref="KeyNotFoundException">When a code is not in the table.</exception>
    public double PValue(string a, string b) => this[a, b].PValue;

    private int Position(string code) =>
        _index.TryGetValue(code, out var i) ? i : throw new KeyNotFoundException($"The correlation table has no column '{code}'.");

    /// <summary>
    /// A Markdown matrix of coefficients (2 decimals, <c>-</c> for NaN, <c>*</c> after a coefficient with p &lt; 0.05),
    /// followed, for a table built from a result, by the node-parent table and the flags in plain language.
    /// </summary>
    /// <returns>The Markdown text (LF line ends, no trailing newline).</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown()
    {
        var sb = new StringBuilder(ToMatrixTable().ToMarkdownGrid());
        if (!NodeCorrelations.IsEmpty)
        {
            sb.Append("\n\n").Append(NodeTableMarkdown());
            sb.Append("\n\n").Append(FlagsMarkdown());
        }

        return sb.ToString();
    }

    internal string NodeTableMarkdown() => ToNodeTable().ToMarkdownGrid();

    internal string FlagsMarkdown() =>
        Flags.IsEmpty ? "No correlation flags." : string.Join("\n", Flags.Select(f => "- " + Internal.MarkdownText.Sentence(f.Describe())));

    /// <summary>CSV of every pair a &lt;= b in table order: <c>a,b,coefficient,p_value,pairs</c>; NaN is an empty cell, numbers round-trip.</summary>
    /// <returns>The invariant CSV text (LF line ends, no trailing newline): <see cref="ToTable"/> as CSV.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise) => ToTable().ToCsv(new TableRenderOptions(injection: injection)).TrimEnd('\n');

    /// <summary>
    /// Every pair a &lt;= b in table order as a long table (name <c>correlations</c>): <c>a</c>, <c>b</c>,
    /// <c>coefficient</c> (2 decimals), <c>p_value</c> (3 decimals, <c>&lt;0.001</c> below 0.001) and <c>pairs</c> (the
    /// units where both are present); NaN is missing.
    /// </summary>
    /// <returns>The table; <see cref="ToCsv"/> is its CSV.</returns>
    public Table ToTable()
    {
        var table = new TableBuilder(
            Method + " correlations",
            [TableColumn.Text(CsvHeader[0], "a"), TableColumn.Text(CsvHeader[1], "b"), TableColumn.Number(CsvHeader[2], "r", NumberFormat.Fixed(2)), TableColumn.Number(CsvHeader[3], "p", NumberFormat.Fixed(3)), TableColumn.Integer(CsvHeader[4], "n")],
            "correlations");
        for (var a = 0; a < Codes.Length; a++)
        {
            for (var b = a; b < Codes.Length; b++)
            {
                var e = _cells[(a * Codes.Length) + b];
                table.AddRow(Codes[a], Codes[b], e.Coefficient, PCell(e.PValue), e.Pairs);
            }
        }

        return table.Build();
    }

    /// <summary>
    /// The square matrix of coefficients as a table (name <c>correlation-matrix</c>): a first column naming the row
    /// (header: the method), then one column per code, keyed by the code; coefficients to 2 decimals, shown with a
    /// <c>*</c> when p &lt; 0.05 off the diagonal; NaN is missing.
    /// </summary>
    /// <returns>The table; <see cref="ToMarkdown"/> starts with its grid.</returns>
    public Table ToMatrixTable()
    {
        var f = NumberFormat.Fixed(2);
        var rowKey = Codes.Contains("code", StringComparer.Ordinal) ? "code_" : "code";
        List<TableColumn> columns = [TableColumn.Label(rowKey, Method.ToString())];
        columns.AddRange(Codes.Select(c => TableColumn.Number(c, c, f)));
        var table = new TableBuilder(Method + " correlation matrix", columns, "correlation-matrix");
        for (var a = 0; a < Codes.Length; a++)
        {
            List<TableCell> cells = [Codes[a]];
            for (var b = 0; b < Codes.Length; b++)
            {
                var e = _cells[(a * Codes.Length) + b];
                cells.Add(a != b && e.IsSignificant(0.05) ? TableCell.Number(e.Coefficient).WithDisplay(f.Format(e.Coefficient) + "*") : TableCell.Number(e.Coefficient));
            }

            table.AddRow([.. cells]);
        }

        table.AddNote("* p < 0.05 (two-sided); each pair over the units where both values are present.");
        return table.Build();
    }

    /// <summary>
    /// Each node's correlation with its parent and with the index as a table (name <c>node-correlations</c>), empty for
    /// a table not built from a result: <c>node</c>, <c>level</c>, <c>parent</c>, <c>r_parent</c> and <c>r_index</c> (2
    /// decimals), <c>p_parent</c> and <c>p_index</c> (3 decimals, <c>&lt;0.001</c> below 0.001) and <c>n</c> (pairs with
    /// the parent); NaN is missing.
    /// </summary>
    /// <returns>The table.</returns>
    public Table ToNodeTable()
    {
        var r = NumberFormat.Fixed(2);
        var p = NumberFormat.Fixed(3);
        var table = new TableBuilder(
            "Correlation of each node with its parent and the index",
            [TableColumn.Label("node", "node"), TableColumn.Integer("level", "level"), TableColumn.Text("parent", "parent"), TableColumn.Number("r_parent", "r (parent)", r),
             TableColumn.Number("p_parent", "p", p), TableColumn.Number("r_index", "r (index)", r), TableColumn.Number("p_index", "p", p), TableColumn.Integer("n", "n")],
            "node-correlations");
        foreach (var n in NodeCorrelations)
        {
            table.AddRow(n.NodeCode, n.Level, n.ParentCode, n.WithParent.Coefficient, PCell(n.WithParent.PValue), n.WithIndex.Coefficient, PCell(n.WithIndex.PValue), n.WithParent.Pairs);
        }

        return table.Build();
    }

    /// <summary>
    /// The tables of this result, by name: <c>correlation-matrix</c>, <c>correlations</c> and, for a table built from a
    /// result, <c>node-correlations</c>. Several tables because the matrix, the long list of pairs and the node table have
    /// different columns; the flags stay sentences (<see cref="CorrelationFlag.Describe"/>).
    /// </summary>
    /// <returns>The tables, in that order.</returns>
    public ImmutableArray<Table> ToTables() =>
        NodeCorrelations.IsEmpty ? [ToMatrixTable(), ToTable()] : [ToMatrixTable(), ToTable(), ToNodeTable()];

    private static TableCell PCell(double p) => p < 0.001 ? TableCell.Number(p).WithDisplay("<0.001") : TableCell.Number(p);

    /// <summary>Formats as <c>CorrelationTable Pearson: 17 columns, 3 flags</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"CorrelationTable {Method}: {Codes.Length} columns, {Flags.Length} flags");
}
