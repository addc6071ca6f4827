using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Tests.Presets;

/// <summary>The presets' embedded samples: <see cref="PresetCatalog.Sample"/>, <see cref="PresetInfo.Sample"/> and <see cref="PresetInfo.SampleNote"/>.</summary>
public class PresetSampleTests
{
    public static TheoryData<string> PresetNames() => [.. PresetCatalog.Names];

    [Theory]
    [InlineData("dti-2022", 5)]
    [InlineData("open-readiness-2016", 63)]
    [InlineData("vn-ict-index-2016", 3)]
    public void Sample_PresetWithPublishedInputs_HasItsUnitsAndNote(string name, int units)
    {
        var info = PresetCatalog.Info(name);
        var sample = info.Sample;
        Assert.NotNull(sample);
        Assert.Equal(units, sample.UnitCount);
        Assert.StartsWith(units.ToString(System.Globalization.CultureInfo.InvariantCulture) + " provinces", info.SampleNote, StringComparison.Ordinal);
        Assert.Same(sample, PresetCatalog.Sample(name.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("dti-2020")]
    [InlineData("dti-2024")]
    [InlineData("itu-idi-2017")]
    public void Sample_PresetWithoutPublishedInputs_IsNullWithNoNote(string name)
    {
        Assert.Null(PresetCatalog.Sample(name));
        Assert.Null(PresetCatalog.Info(name).SampleNote);
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Sample_EveryPresetWithASample_HoldsEveryIndicatorOfItsFramework(string name)
    {
        var info = PresetCatalog.Info(name);
        if (info.Sample is not { } sample)
        {
            Assert.Null(info.SampleNote);
            return;
        }

        var result = IndexCalculator.Compute(info.Methodology, sample);
        Assert.Equal(sample.UnitCount, result.Ranking.Length);
        foreach (var indicator in info.Methodology.Framework.Indicators)
        {
            Assert.Contains(indicator.Code, sample.IndicatorCodes);
        }
    }

    [Theory]
    [InlineData("48", 0.8002, 1)]
    [InlineData("79", 0.7163, 2)]
    [InlineData("22", 0.7024, 3)]
    [InlineData("46", 0.6975, 4)]
    [InlineData("92", 0.6924, 5)]
    public void Sample_Dti2022_ReproducesThePublishedDtiAndRank(string code, double published, int rank)
    {
        var result = IndexCalculator.Compute(PresetCatalog.Get("dti-2022"), PresetCatalog.Sample("dti-2022")!);
        var row = result.Ranking.Single(r => r.Unit.Code == code);
        Assert.Equal(rank, row.Rank);
        Assert.Equal(published, row.Score, 0.0002);
    }

    [Theory]
    [InlineData("48", (0.84 + 0.76 + 0.89) / 3, 1)]
    [InlineData("22", (0.70 + 0.56 + 0.75) / 3, 2)]
    [InlineData("10", (0.52 + 0.6 + 0.75) / 3, 3)]
    public void Sample_VnIctIndex2016_IsTheMeanOfThePublishedComponents(string code, double expected, int rank)
    {
        var result = IndexCalculator.Compute(PresetCatalog.Get("vn-ict-index-2016"), PresetCatalog.Sample("vn-ict-index-2016")!);
        var row = result.Ranking.Single(r => r.Unit.Code == code);
        Assert.Equal(rank, row.Rank);
        Assert.Equal(expected, row.Score, 1e-12);
    }

    [Fact]
    public void Sample_OpenReadiness2016_IsTheEmbeddedDataset() =>
        Assert.Same(OpenReadiness2016.Dataset, PresetCatalog.Sample(OpenReadiness2016.PresetName));

    [Fact]
    public void Sample_UnknownName_ThrowsListingTheNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => PresetCatalog.Sample("nope"));
        Assert.Contains("dti-2022", ex.Message, StringComparison.Ordinal);
    }
}
