using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Presets;

/// <summary>The presets reproduce every figure in TestData/published (copied from the published record) that the published inputs allow.</summary>
public class PublishedFiguresTests
{
    private static readonly string[] DtiMain =
        ["nhan_thuc_so", "the_che_so", "ha_tang_so", "nhan_luc_so", "an_toan_thong_tin_mang", "hoat_dong_cqs", "hoat_dong_kts", "hoat_dong_xhs"];

    private static Dataset Build(IEnumerable<IReadOnlyDictionary<string, string>> rows, string nameColumn, ProvinceGeography geography, string[] columns)
    {
        var list = rows.ToList();
        var units = list.Select(r => PublishedData.Province(r[nameColumn], geography).ToUnit()).ToList();
        return Dataset.FromColumns(units, columns.Select(c => KeyValuePair.Create(c, list.Select(r => PublishedData.Number(r[c])).ToArray())));
    }

    [Fact]
    public void Dti2022_TopFive_ReproducesPublishedPdtiAndRanks()
    {
        // The file gives the eight main indices (4 decimals) and the DTI for the top 5 only.
        var rows = PublishedData.Read("dti_2022.csv").Where(r => DtiMain.All(c => !double.IsNaN(PublishedData.Number(r[c])))).ToList();
        Assert.Equal(["TP. Đà Nẵng", "TP. Hồ Chí Minh", "Quảng Ninh", "Thừa Thiên - Huế", "TP. Cần Thơ"], rows.Select(r => r["province_as_published"]));
        var data = Build(rows, "province_as_published", ProvinceGeography.Provinces2016, DtiMain);
        var result = IndexCalculator.Compute(PresetCatalog.Get("dti-2022"), data);

        // Đà Nẵng: 0.1 * (1 + 0.9 + 0.8253 + 0.8487 + 0.7578) + 0.2 * 0.8575 + 0.15 * (0.7836 + 0.5197)
        //        = 0.43318 + 0.1715 + 0.195495 = 0.800175 -> 0.8002
        AssertNumeric.Close(0.800175, result.Score(data.Units[0].Code), 1e-12);

        // Computed, rounded to 4 decimals; TP Hồ Chí Minh computes 0.716355 -> 0.7164 against 0.7163 published (the
        // main indices are rounded to 4 decimals, so a last-digit difference is within the published precision).
        double[] expected = [0.8002, 0.7164, 0.7024, 0.6975, 0.6924];
        for (var i = 0; i < rows.Count; i++)
        {
            var code = data.Units[i].Code;
            var score = result.Score(code);
            var published = PublishedData.Number(rows[i]["pdti"]);
            Assert.Equal(expected[i], Math.Round(score, 4));
            Assert.True(Math.Abs(score - published) <= 0.0001 + 1e-12, $"{rows[i]["province_as_published"]}: computed {score:R}, published {published:R}");
            Assert.Equal(double.Parse(rows[i]["dti_rank"], System.Globalization.CultureInfo.InvariantCulture), result.Rank(code));
        }
    }

    [Fact]
    public void Dti2022_PillarsPublishedBesideIt_AreNotItsInputs()
    {
        // Trà Vinh 2022 (no main indices published): pillar values 0.6683, 0.6647, 0.5991 have mean 0.6440, the
        // published DTI is 0.6077; the DTI is not the mean of the pillars, as the preset's description says.
        var tv = PublishedData.Read("dti_2022.csv").Single(r => r["province_as_published"] == "Trà Vinh");
        var pillarMean = new[] { "cqs_pillar_value", "kts_pillar_value", "xhs_pillar_value" }.Average(c => PublishedData.Number(tv[c]));
        AssertNumeric.Close(0.6440, pillarMean, 1e-4);
        Assert.True(Math.Abs(pillarMean - PublishedData.Number(tv["pdti"])) > 0.03);
    }

    [Fact]
    public void Dti2022_EveryPublishedName_MatchesACatalogueProvince()
    {
        var rows = PublishedData.Read("dti_2022.csv");
        var codes = rows.Select(r => PublishedData.Province(r["province_as_published"], ProvinceGeography.Provinces2016).Code).ToList();
        Assert.Equal(63, codes.Distinct().Count());
    }

    [Fact]
    public void IctIndex2016_RowsWithAllComponents_MeanMatchesPublishedIndex()
    {
        var rows = PublishedData.Read("ictindex_2016.csv");
        var data = Build(rows, "province_as_published", ProvinceGeography.Provinces2016, ["htkt", "htnl", "ud"]);
        var result = IndexCalculator.Compute(PresetCatalog.Get("vn-ict-index-2016"), data);
        var checkedRows = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var code = data.Units[i].Code;
            var complete = new[] { "htkt", "htnl", "ud" }.All(c => !double.IsNaN(PublishedData.Number(rows[i][c])));
            if (!complete)
            {
                // A missing (or only approximate) component leaves the index missing: the preset needs all three.
                Assert.True(double.IsNaN(result.Score(code)), rows[i]["province_as_published"]);
                continue;
            }

            // Components are published to 2 decimals (each within 0.005 of the true value), so their mean is too.
            var published = PublishedData.Number(rows[i]["ict_index"]);
            Assert.True(Math.Abs(result.Score(code) - published) <= 0.005, $"{rows[i]["province_as_published"]}: computed {result.Score(code):R}, published {published:R}");
            checkedRows++;
        }

        Assert.Equal(1, checkedRows);

        // Đà Nẵng: (0.84 + 0.76 + 0.89) / 3 = 2.49 / 3 = 0.83, published 0.8321
        var danang = PublishedData.Province("Đà Nẵng", ProvinceGeography.Provinces2016).Code;
        AssertNumeric.Close(0.83, result.Score(danang), 1e-12);
        Assert.Equal(1, result.Rank(danang));
    }

    [Fact]
    public void IctIndex2016_EveryPublishedName_MatchesACatalogueProvince()
    {
        var rows = PublishedData.Read("ictindex_2016.csv");
        Assert.Equal(rows.Count, rows.Select(r => PublishedData.Province(r["province_as_published"], ProvinceGeography.Provinces2016).Code).Distinct().Count());
    }

    [Fact]
    public void Dti2024_PublishedUnits_MatchTheNewUnitsAndMergedOnesHavePredecessors()
    {
        // The 2024 file publishes only DTI values (no main indices), so no value can be recomputed. What it allows:
        // every named unit is one of the 34 units of 2025, and the units noted as merged have several predecessors,
        // whose main indices the remapper averages before the preset is applied.
        var rows = PublishedData.Read("dti_2024.csv").Where(r => !r["province_2025"].StartsWith('(')).ToList();
        var units = rows.Select(r => PublishedData.Province(r["province_2025"], ProvinceGeography.Provinces2025)).ToList();
        Assert.Equal(rows.Count, units.Select(u => u.Code).Distinct().Count());
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i]["note"].Contains("merged", StringComparison.Ordinal))
            {
                Assert.True(ProvinceCatalog.Default.Predecessors(units[i].Code).Length > 1, rows[i]["province_2025"]);
            }
        }

        // The published values of ranks 1-4 are in rank order.
        var values = rows.Where(r => r["dti_value"].Length > 0).Select(r => PublishedData.Number(r["dti_value"])).ToList();
        Assert.Equal(4, values.Count);
        Assert.Equal(values.OrderDescending(), values);
    }

    [Fact]
    public void Dti2024_MeanOfPredecessorsMainIndices_EqualsMeanOfTheirDti()
    {
        // The preset is a weighted sum with weights summing to 1, so on complete data the DTI of a merged unit (the
        // mean of its predecessors' main indices) equals the mean of the predecessors' DTIs: a remapped result can be
        // checked against published predecessor values either way. Seeded random main indices in [0, 1].
        var m = PresetCatalog.Get("dti-2024");
        var rng = new Random(2024);
        for (var trial = 0; trial < 50; trial++)
        {
            var k = rng.Next(2, 4);
            var rows = Enumerable.Range(0, k).Select(_ => DtiMain.Select(_ => rng.NextDouble()).ToArray()).ToList();
            var mean = DtiMain.Select((_, j) => rows.Average(r => r[j])).ToArray();
            var all = rows.Append(mean).ToList();
            var data = Dataset.FromColumns(
                all.Select((_, i) => Unit.Create("u" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                DtiMain.Select((c, j) => KeyValuePair.Create(c, all.Select(r => r[j]).ToArray())));
            var r = IndexCalculator.Compute(m, data);
            var predecessorMean = Enumerable.Range(0, k).Average(i => r.Score("u" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            AssertNumeric.Close(predecessorMean, r.Score("u" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)), 1e-12);
        }
    }
}
