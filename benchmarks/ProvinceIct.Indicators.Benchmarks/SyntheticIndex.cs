using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Benchmarks;

/// <summary>Deterministic synthetic indices of a given shape, for benchmarks.</summary>
public static class SyntheticIndex
{
    /// <summary>
    /// Builds a methodology and dataset: <paramref name="units"/> units, <paramref name="indicators"/> indicators
    /// spread evenly over <paramref name="groupsPerLevel"/> aggregates per level (from level 2 upwards), one index on top,
    /// about 3 % of values missing, every fifth indicator negative.
    /// </summary>
    public static (Methodology Methodology, Dataset Dataset) Create(int units, int indicators, int[] groupsPerLevel, int seed = 1)
    {
        var rng = new Random(seed);
        var nodes = new List<FrameworkNode>();
        var levelCodes = groupsPerLevel.Select((g, level) => Enumerable.Range(0, g).Select(i => $"L{level + 2}_{i}").ToArray()).ToList();
        for (var j = 0; j < indicators; j++)
        {
            var parent = levelCodes[0][j * levelCodes[0].Length / indicators];
            var def = IndicatorDefinition.Create("ind" + j.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), "Indicator " + j, IndicatorKind.Real, j % 5 == 4 ? Direction.Negative : Direction.Positive);
            nodes.Add(FrameworkNode.ForIndicator(def, parent, 0.5 + rng.NextDouble()));
        }

        for (var level = 0; level < levelCodes.Count; level++)
        {
            var codes = levelCodes[level];
            for (var i = 0; i < codes.Length; i++)
            {
                var parent = level + 1 < levelCodes.Count ? levelCodes[level + 1][i * levelCodes[level + 1].Length / codes.Length] : "INDEX";
                nodes.Add(FrameworkNode.Aggregate(codes[i], codes[i], parent, 1));
            }
        }

        nodes.Add(FrameworkNode.Aggregate("INDEX", "Index"));
        var framework = Framework.Create(nodes);
        var values = new double[units, indicators];
        for (var u = 0; u < units; u++)
        {
            for (var j = 0; j < indicators; j++)
            {
                values[u, j] = rng.NextDouble() < 0.03 ? double.NaN : Math.Round(rng.NextDouble() * 1000, 2);
            }
        }

        var unitList = Enumerable.Range(0, units).Select(u => Unit.Create("U" + u.ToString("D5", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var dataset = Dataset.Create(unitList, framework.Indicators.Select(i => i.Code), values);
        return (Methodology.Create("synthetic", "Synthetic index", framework), dataset);
    }
}
