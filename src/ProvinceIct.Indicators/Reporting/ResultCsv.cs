using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>Writes every score and rank of a result as CSV, invariant culture, round-trip precision, missing values as empty cells.</summary>
public static class ResultCsv
{
    private static readonly string[] LongHeader = ["unit_code", "unit_name", "node_code", "level", "score", "rank"];

    /// <summary>
    /// Long form: one row per unit and node, <c>unit_code,unit_name,node_code,level,score,rank</c> (level 1 = the
    /// normalised indicator; the rank at that node). Units in dataset order, nodes in compiled order (indicators, then
    /// aggregates level by level).
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    /// <returns>The CSV text.</returns>
    public static string ToLongCsv(IndexResult result, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        ArgumentNullException.ThrowIfNull(result);
        var records = new List<IReadOnlyList<string>> { LongHeader };
        foreach (var unit in result.Units)
        {
            for (var k = 0; k < result.NodeCodes.Length; k++)
            {
                var node = result.NodeCodes[k];
                records.Add([unit.Code, unit.Name, node, result.NodeLevels[k].ToString(CultureInfo.InvariantCulture),
                    RankingTable.Number(result.Score(unit.Code, node)), RankingTable.Number(result.Rank(unit.Code, node))]);
            }
        }

        using var w = new StringWriter(CultureInfo.InvariantCulture);
        CsvTable.Write(w, records, injection: injection);
        return w.ToString();
    }

    /// <summary>
    /// Wide form: one row per unit in ranking order, <c>unit_code,unit_name</c>, then for every node in compiled order
    /// <c>{node}</c> (score) and <c>{node}_rank</c>.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    /// <returns>The CSV text.</returns>
    public static string ToWideCsv(IndexResult result, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        ArgumentNullException.ThrowIfNull(result);
        var header = new List<string> { "unit_code", "unit_name" };
        foreach (var node in result.NodeCodes)
        {
            header.Add(node);
            header.Add(node + "_rank");
        }

        var records = new List<IReadOnlyList<string>> { header };
        foreach (var row in result.Ranking)
        {
            var cells = new List<string> { row.Unit.Code, row.Unit.Name };
            foreach (var node in result.NodeCodes)
            {
                cells.Add(RankingTable.Number(result.Score(row.Unit.Code, node)));
                cells.Add(RankingTable.Number(result.Rank(row.Unit.Code, node)));
            }

            records.Add(cells);
        }

        using var w = new StringWriter(CultureInfo.InvariantCulture);
        CsvTable.Write(w, records, injection: injection);
        return w.ToString();
    }
}
