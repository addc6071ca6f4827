using System.Collections.Immutable;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// The k units most similar to a unit on its normalised indicators. The distance between units u and v is the
/// Euclidean distance over the m indicators present for both, scaled to the full set of p indicators:
/// <c>sqrt(sum over shared i of (x_ui - x_vi)^2 * p / m)</c>, so that a unit with missing values does not look closer
/// merely because fewer terms are summed. Units sharing no indicator with the unit are left out. Ties in distance are
/// broken by unit code (ordinal). Immutable.
/// </summary>
public sealed class Peers
{
    private Peers(Unit unit, ImmutableArray<Peer> rows)
    {
        Unit = unit;
        Rows = rows;
    }

    /// <summary>The unit whose peers these are.</summary>
    public Unit Unit { get; }

    /// <summary>The peers, closest first (at most k).</summary>
    public ImmutableArray<Peer> Rows { get; }

    /// <summary>Finds the k units closest to a unit.</summary>
    /// <param name="result">The result (normalised indicator values).</param>
    /// <param name="unitCode">The unit.</param>
    /// <param name="k">How many peers (default 5), at least 1.</param>
    /// <returns>The peers (fewer than k when fewer units share an indicator with the unit).</returns>
    /// <exception cref="KeyNotFoundException">When the unit is not in the result.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When k is below 1.</exception>
    public static Peers Find(IndexResult result, string unitCode, int k = 5)
    {
        ArgumentNullException.ThrowIfNull(result);
        Internal.Preconditions.NotBlank(unitCode);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var fw = result.Methodology.Framework;
        var units = result.Units;
        var u = units.IndexOf(units.FirstOrDefault(x => x.Code == unitCode) ?? throw new KeyNotFoundException($"The result has no unit '{unitCode}'."));
        var columns = result.NodeCodes.Where(c => fw[c].IsIndicator).Select(c => result.Scores(c).ToArray()).ToArray();
        var p = columns.Length;
        var index = result.IndexScores.ToArray();
        var ranks = result.Ranks(result.IndexCode).ToArray();
        var rows = new List<Peer>();
        for (var v = 0; v < units.Length; v++)
        {
            if (v == u)
            {
                continue;
            }

            var shared = 0;
            var sum = 0.0;
            foreach (var col in columns)
            {
                if (!double.IsNaN(col[u]) && !double.IsNaN(col[v]))
                {
                    shared++;
                    sum += (col[u] - col[v]) * (col[u] - col[v]);
                }
            }

            if (shared > 0)
            {
                rows.Add(new Peer(units[v], Math.Sqrt(sum * p / shared), shared, index[v], ranks[v]));
            }
        }

        return new Peers(units[u], [.. rows.OrderBy(r => r.Distance).ThenBy(r => r.Unit.Code, StringComparer.Ordinal).Take(k)]);
    }

    /// <summary>A Markdown table: peer, distance, shared indicators, index score and rank.</summary>
    /// <returns>The Markdown text (LF, no trailing newline).</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown() => "Peers of " + AnalysisMath.Md(Unit.ToString()) + "\n\n" + ToTable().ToMarkdownGrid();

    /// <summary>
    /// The peers as a table (name <c>peers</c>), closest first: <c>unit</c> (the peer's code, shown to readers with its
    /// name), <c>distance</c> (3 decimals), <c>shared</c> (indicators present for both), <c>index_score</c> (2 decimals)
    /// and <c>index_rank</c>; NaN is missing.
    /// </summary>
    /// <returns>The table; <see cref="ToMarkdown"/> shows its grid.</returns>
    public Table ToTable()
    {
        var table = new TableBuilder(
            "Peers of " + Unit,
            [TableColumn.Label("unit", "unit"), TableColumn.Number("distance", "distance", NumberFormat.Fixed(3)), TableColumn.Integer("shared", "shared"),
             TableColumn.Number("index_score", "index score", NumberFormat.Fixed(2)), TableColumn.Rank("index_rank", "index rank")],
            "peers");
        foreach (var r in Rows)
        {
            table.AddRow(TableCell.Text(r.Unit.Code).WithDisplay(r.Unit.ToString()), r.Distance, r.SharedIndicators, r.IndexScore, r.IndexRank);
        }

        table.AddNote("Distance: Euclidean on the normalised indicators present for both units, scaled to the full set of indicators.");
        return table.Build();
    }

    /// <summary>Formats as <c>Peers of 01 Hà Nội: 79, 31, 48</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => "Peers of " + Unit + ": " + string.Join(", ", Rows.Select(r => r.Unit.Code));
}
