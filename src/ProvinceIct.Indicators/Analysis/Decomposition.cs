using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// Each unit's score at a node (the index by default) split exactly into its indicators' contributions.
/// <para>
/// Additive (every aggregate from the node down is a weighted arithmetic mean, or a power mean of order 1): the
/// contribution of indicator i to unit u is <c>w_ui x_ui</c>, x the normalised value and w_ui the unit's effective
/// weight: the product, from the indicator up to the node, of <c>sign * w / sum(w of the siblings present for u)</c>.
/// This is the aggregators' missing-data rule applied per unit: a missing child (NaN, or an aggregate left without a
/// score) drops out and its siblings' weights are re-normalised, so a unit with missing data gives its other
/// indicators more weight than the nominal one. An aggregate with a negative direction gives its subtree sign -1.
/// The contributions sum to the unit's score (up to rounding, about 1e-14 relative).
/// </para>
/// <para>
/// Logarithmic (every aggregate is a weighted geometric mean, or a power mean of order 0): the contributions
/// <c>w_ui ln x_ui</c> sum to ln(score). Any other aggregator below the node (harmonic, power, minimum, median,
/// mean-min, Mazziotta-Pareto, Copeland, or arithmetic mixed with geometric) has no exact decomposition and is refused.
/// </para>
/// A unit without a score at the node has NaN contributions and weights. The decomposition uses the weights of the
/// result's methodology; a result produced with other weights (a workspace whose weights were changed) is refused when
/// the contributions do not add up. Immutable.
/// </summary>
[ProvinceIct.Indicators.Internal.TypeFormatterSource(typeof(ProvinceIct.Indicators.Internal.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class Decomposition
{
    private static readonly string[] CsvHeader = ["unit", "indicator", "unit_weight", "contribution"];

    private readonly double[] _weights;      // unit * k + indicator
    private readonly double[] _contributions;
    private readonly double[] _scores;
    private readonly FrozenDictionary<string, int> _unit;
    private readonly FrozenDictionary<string, int> _indicator;

    private Decomposition(string nodeCode, DecompositionKind kind, ImmutableArray<Unit> units, ImmutableArray<string> indicators, double[] weights, double[] contributions, double[] scores, ImmutableArray<VarianceShare> shares)
    {
        NodeCode = nodeCode;
        Kind = kind;
        Units = units;
        IndicatorCodes = indicators;
        _weights = weights;
        _contributions = contributions;
        _scores = scores;
        VarianceShares = shares;
        _unit = units.Select((u, i) => KeyValuePair.Create(u.Code, i)).ToFrozenDictionary(StringComparer.Ordinal);
        _indicator = indicators.Select((c, i) => KeyValuePair.Create(c, i)).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The node decomposed.</summary>
    public string NodeCode { get; }

    /// <summary>Additive (contributions sum to the score) or logarithmic (they sum to ln(score)).</summary>
    public DecompositionKind Kind { get; }

    /// <summary>The units, in result order.</summary>
    public ImmutableArray<Unit> Units { get; }

    /// <summary>The indicators below the node, in result (compiled) order.</summary>
    public ImmutableArray<string> IndicatorCodes { get; }

    /// <summary>Each indicator's share of the node's variance next to its nominal weight, in <see cref="IndicatorCodes"/> order.</summary>
    public ImmutableArray<VarianceShare> VarianceShares { get; }

    /// <summary>
    /// Decomposes a node's scores. See the type's remarks for the rules.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="nodeCode">The aggregate to decompose, or null for the index.</param>
    /// <returns>The decomposition.</returns>
    /// <exception cref="KeyNotFoundException">When the node does not exist.</exception>
    /// <exception cref="ArgumentException">When the node is an indicator.</exception>
    /// <exception cref="CalculationException">
    /// <see cref="ProblemCode.UnsupportedInput"/> naming the first aggregate whose method has no exact decomposition
    /// (or that mixes arithmetic and geometric means); <see cref="ProblemCode.InvalidParameter"/> when the contributions
    /// do not add up to the result's scores (a result computed with weights other than its methodology's).
    /// </exception>
    public static Decomposition Compute(IndexResult result, string? nodeCode = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var fw = result.Methodology.Framework;
        var node = nodeCode ?? fw.IndexCode;
        if (fw[node].IsIndicator)
        {
            throw new ArgumentException("Only an aggregate can be decomposed.", nameof(nodeCode));
        }

        var kind = KindOf(result.Methodology, node);
        var indicators = result.NodeCodes.Where(c => fw[c].IsIndicator && IsBelow(fw, c, node)).ToImmutableArray();
        var position = indicators.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
        var n = result.Units.Length;
        var k = indicators.Length;
        var weights = new double[n * k];
        var contributions = new double[n * k];
        var scores = result.Scores(node).ToArray();
        var values = indicators.Select(c => result.Scores(c).ToArray()).ToArray();
        for (var u = 0; u < n; u++)
        {
            var row = weights.AsSpan(u * k, k);
            if (double.IsNaN(scores[u]))
            {
                row.Fill(double.NaN);
                contributions.AsSpan(u * k, k).Fill(double.NaN);
                continue;
            }

            Walk(result, fw, node, u, 1.0, row, position);
            var total = 0.0;
            for (var i = 0; i < k; i++)
            {
                var w = row[i];
                var x = values[i][u];
                var c = w == 0 ? 0 : kind == DecompositionKind.Additive ? w * x : w * Math.Log(x);
                contributions[(u * k) + i] = c;
                total += c;
            }

            var target = kind == DecompositionKind.Additive ? scores[u] : Math.Log(scores[u]);
            if (!(Math.Abs(total - target) <= 1e-9 * Math.Max(1, Math.Abs(target))))
            {
                throw new CalculationException(ProblemCode.InvalidParameter, new ProblemText("Calc_DecompositionMismatch", node, result.Units[u].Code), node, result.Units[u].Code, value: scores[u]);
            }
        }

        var nominal = NominalWeights(fw, node, indicators);
        var r2 = values.Select(v => Math.Pow(AnalysisMath.Correlate(v, scores, CorrelationMethod.Pearson).Coefficient, 2)).ToArray();
        var sum = r2.Where(x => !double.IsNaN(x)).Sum();
        var shares = indicators.Select((c, i) => new VarianceShare(c, nominal[i], r2[i], sum > 0 ? r2[i] / sum : double.NaN)).ToImmutableArray();
        return new Decomposition(node, kind, result.Units, indicators, weights, contributions, scores, shares);
    }

    private static DecompositionKind KindOf(Methodology m, string node)
    {
        var fw = m.Framework;
        var aggregates = new List<string>();
        Collect(fw, node, aggregates);
        var first = m.AggregatorFor(node);
        var kind = AnalysisMath.IsArithmetic(first) ? DecompositionKind.Additive
            : AnalysisMath.IsGeometric(first) ? DecompositionKind.Logarithmic
            : throw Unsupported(node, first.ToString(), new ProblemText("Calc_NoExactDecomposition"));
        foreach (var a in aggregates)
        {
            var agg = m.AggregatorFor(a);
            var ok = kind == DecompositionKind.Additive ? AnalysisMath.IsArithmetic(agg) : AnalysisMath.IsGeometric(agg);
            if (!ok)
            {
                throw Unsupported(a, agg.ToString(), AnalysisMath.IsArithmetic(agg) || AnalysisMath.IsGeometric(agg)
                    ? new ProblemText("Calc_MixedMeans", node)
                    : new ProblemText("Calc_NoExactDecomposition"));
            }

            if (kind == DecompositionKind.Logarithmic && a != node && fw[a].Direction == Direction.Negative)
            {
                throw Unsupported(a, agg.ToString(), new ProblemText("Calc_NegativeUnderGeometric"));
            }
        }

        return kind;
    }

    private static CalculationException Unsupported(string node, string method, ProblemText why) =>
        new(ProblemCode.UnsupportedInput, new ProblemText("Calc_Unsupported", node, method, why), node);

    private static void Collect(Framework fw, string node, List<string> aggregates)
    {
        aggregates.Add(node);
        foreach (var c in fw.Children(node).Where(c => !c.IsIndicator))
        {
            Collect(fw, c.Code, aggregates);
        }
    }

    private static bool IsBelow(Framework fw, string code, string ancestor)
    {
        var current = fw[code];
        while (current.ParentCode is { } p)
        {
            if (p == ancestor)
            {
                return true;
            }

            current = fw[p];
        }

        return false;
    }

    private static void Walk(IndexResult result, Framework fw, string node, int u, double factor, Span<double> row, Dictionary<string, int> position)
    {
        var present = fw.Children(node).Where(c => c.Weight > 0 && !double.IsNaN(result.Scores(c.Code)[u])).ToArray();
        var sum = Weighting.Weights.ScaledSum(present.Select(c => c.Weight), out var max);
        foreach (var c in present)
        {
            var sign = !c.IsIndicator && c.Direction == Direction.Negative ? -1.0 : 1.0;
            var f = factor * sign * (c.Weight / max) / sum;
            if (c.IsIndicator)
            {
                row[position[c.Code]] = f;
            }
            else
            {
                Walk(result, fw, c.Code, u, f, row, position);
            }
        }
    }

    private static double[] NominalWeights(Framework fw, string node, ImmutableArray<string> indicators) =>
        indicators.Select(code =>
        {
            var w = 1.0;
            var current = fw[code];
            while (current.Code != node && current.ParentCode is { } p)
            {
                w *= Weighting.Weights.Share(current.Weight, fw.Children(p).Select(s => s.Weight));
                current = fw[p];
            }

            return w;
        }).ToArray();

    /// <summary>A unit's contribution from one indicator: <c>w x</c> (additive) or <c>w ln x</c> (logarithmic); 0 for a missing or zero-weight indicator; NaN when the unit has no score at the node.</summary>
    /// <param name="unitCode">The unit.</param>
    /// <param name="indicatorCode">The indicator.</param>
    /// <returns>The contribution.</returns>
    /// <exception cref="KeyNotFoundException">When the unit or indicator is not in the decomposition.</exception>
    public double Contribution(string unitCode, string indicatorCode) => _contributions[(UnitIndex(unitCode) * IndicatorCodes.Length) + IndicatorIndex(indicatorCode)];

    /// <summary>A unit's contributions, parallel to <see cref="IndicatorCodes"/>.</summary>
    /// <param name="unitCode">The unit.</param>
    /// <returns>A read-only view.</returns>
    /// <exception cref="KeyNotFoundException">When the unit is not in the decomposition.</exception>
    public ReadOnlySpan<double> Contributions(string unitCode) => _contributions.AsSpan(UnitIndex(unitCode) * IndicatorCodes.Length, IndicatorCodes.Length);

    /// <summary>A unit's effective weight on one indicator after its own missing-data re-normalisation (0 for a missing indicator; NaN when the unit has no score).</summary>
    /// <param name="unitCode">The unit.</param>
    /// <param name="indicatorCode">The indicator.</param>
    /// <returns>The weight.</returns>
    /// <exception cref="KeyNotFoundException">When the unit or indicator is not in the decomposition.</exception>
    public double UnitWeight(string unitCode, string indicatorCode) => _weights[(UnitIndex(unitCode) * IndicatorCodes.Length) + IndicatorIndex(indicatorCode)];

    /// <summary>A unit's score at the node (NaN when missing).</summary>
    /// <param name="unitCode">The unit.</param>
    /// <returns>The score.</returns>
    public double Score(string unitCode) => _scores[UnitIndex(unitCode)];

    /// <summary>The sum of a unit's contributions: its score (additive) or ln(score) (logarithmic); NaN when it has no score.</summary>
    /// <param name="unitCode">The unit.</param>
    /// <returns>The total.</returns>
    public double Total(string unitCode)
    {
        var s = 0.0;
        foreach (var c in Contributions(unitCode))
        {
            s += c;
        }

        return s;
    }

    private int UnitIndex(string code) => _unit.TryGetValue(code, out var i) ? i : throw new KeyNotFoundException($"The decomposition has no unit '{code}'.");

    private int IndicatorIndex(string code) => _indicator.TryGetValue(code, out var i) ? i : throw new KeyNotFoundException($"The decomposition has no indicator '{code}'.");

    /// <summary>A Markdown table of one unit's contributions, largest first (ties in indicator order), with its weights, values and share of the total.</summary>
    /// <param name="unitCode">The unit.</param>
    /// <returns>The Markdown text (LF, no trailing newline).</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown(string unitCode)
    {
        var u = UnitIndex(unitCode);
        var k = IndicatorCodes.Length;
        var total = Total(unitCode);
        var sb = new StringBuilder();
        sb.Append("Contributions to ").Append(Internal.MarkdownText.Code(NodeCode)).Append(" of ").Append(AnalysisMath.Md(Units[u].ToString())).Append(": ")
            .Append(Kind == DecompositionKind.Additive ? "score " : "ln(score) ").Append(AnalysisMath.F(total, 4)).Append("\n\n");
        sb.Append("| indicator | unit weight | contribution | share |\n|---|---:|---:|---:|");
        foreach (var i in Enumerable.Range(0, k).OrderByDescending(i => _contributions[(u * k) + i]))
        {
            var c = _contributions[(u * k) + i];
            sb.Append("\n| ").Append(AnalysisMath.Md(IndicatorCodes[i])).Append(" | ").Append(AnalysisMath.F(_weights[(u * k) + i], 4)).Append(" | ")
                .Append(AnalysisMath.F(c, 4)).Append(" | ").Append(total == 0 ? "-" : AnalysisMath.F(100 * c / total, 1) + "%").Append(" |");
        }

        return sb.ToString();
    }

    /// <summary>CSV in long form: <c>unit,indicator,unit_weight,contribution</c>, units in result order; NaN is an empty cell.</summary>
    /// <returns>The invariant CSV text (LF, no trailing newline).</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        var records = new List<IReadOnlyList<string>> { CsvHeader };
        var k = IndicatorCodes.Length;
        for (var u = 0; u < Units.Length; u++)
        {
            for (var i = 0; i < k; i++)
            {
                records.Add([Units[u].Code, IndicatorCodes[i], AnalysisMath.Num(_weights[(u * k) + i]), AnalysisMath.Num(_contributions[(u * k) + i])]);
            }
        }

        return AnalysisMath.Csv(records, injection);
    }

    /// <summary>
    /// The contributions as a wide table (name <c>decomposition</c>): one row per unit in result order with its code,
    /// name and the total of its contributions, then one column per indicator (keyed by its code), 2 decimals; NaN is missing.
    /// </summary>
    /// <returns>The table.</returns>
    public Table ToTable()
    {
        var f = NumberFormat.Fixed(2);
        List<TableColumn> columns = [TableColumn.Text("unit_code", "Code"), TableColumn.Label("unit_name", "Unit"), TableColumn.Number("total", "Total", f)];
        columns.AddRange(IndicatorCodes.Select(c => TableColumn.Number(c, c, f)));
        var title = "Contributions to " + NodeCode + " (" + (Kind == DecompositionKind.Additive ? "score" : "ln(score)") + ")";
        var table = new TableBuilder(title, columns, "decomposition");
        foreach (var unit in Units)
        {
            List<TableCell> cells = [unit.Code, unit.Name, Total(unit.Code)];
            foreach (var c in Contributions(unit.Code))
            {
                cells.Add(c);
            }

            table.AddRow([.. cells]);
        }

        return table.Build();
    }

    /// <summary>Formats as <c>Decomposition index (Additive): 63 units x 12 indicators</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Decomposition {NodeCode} ({Kind}): {Units.Length} units x {IndicatorCodes.Length} indicators");
}
