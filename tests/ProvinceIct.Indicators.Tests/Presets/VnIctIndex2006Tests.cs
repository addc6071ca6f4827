using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Presets;

public class VnIctIndex2006Tests
{
    private static Dictionary<string, double> Weights(double htkt = 1, double htnl = 1, double ud = 1, double sxkd = 1, double mt = 1) =>
        new() { ["htkt"] = htkt, ["htnl"] = htnl, ["ud"] = ud, ["sxkd"] = sxkd, ["mt_tccs"] = mt };

    [Fact]
    public void Create_NoWeights_RefusesNamingEveryComponent()
    {
        var e = Assert.Throws<ValidationException>(() => VnIctIndex2006.Create(null));
        Assert.Equal(ProblemCode.InvalidParameter, e.Code);
        Assert.Equal(["htkt", "htnl", "ud", "sxkd", "mt_tccs"], e.Report.Problems.Select(p => p.Parameter));
        Assert.Contains("official 2006-2015 weights were not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_OneWeightMissing_RefusesNamingIt()
    {
        var w = Weights();
        w.Remove("sxkd");
        var e = Assert.Throws<ValidationException>(() => VnIctIndex2006.Create(w));
        var p = Assert.Single(e.Report.Problems);
        Assert.Equal(("sxkd", "none"), (p.Parameter, p.Found));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void ValidateWeights_BadWeight_OneProblem(double bad) =>
        Assert.Equal("ud", Assert.Single(VnIctIndex2006.ValidateWeights(Weights(ud: bad)).Problems).Parameter);

    [Fact]
    public void ValidateWeights_UnknownCodeOrAllZero_Problems()
    {
        var w = Weights();
        w["x"] = 1;
        Assert.Equal("x", Assert.Single(VnIctIndex2006.ValidateWeights(w).Problems).Parameter);
        Assert.Equal(ProblemCode.ZeroWeightSum, Assert.Single(VnIctIndex2006.ValidateWeights(Weights(0, 0, 0, 0, 0)).Problems).Code);
        Assert.True(VnIctIndex2006.ValidateWeights(Weights()).IsValid);
    }

    [Fact]
    public void Create_UserWeights_WeightedMeanOfTheFiveComponents()
    {
        // TP HCM 2006 components (published row): 0.65, 0.54, 0.67, 0.89, 1. With user weights 2, 1, 1, 1, 0 (illustrative,
        // not official): (2 x 0.65 + 0.54 + 0.67 + 0.89 + 0 x 1) / 5 = 3.4 / 5 = 0.68.
        // With equal weights: (0.65 + 0.54 + 0.67 + 0.89 + 1) / 5 = 3.75 / 5 = 0.75.
        var data = Dataset.Create([Unit.Create("79", "Hồ Chí Minh")], ["htkt", "htnl", "ud", "sxkd", "mt_tccs"], new double[,] { { 0.65, 0.54, 0.67, 0.89, 1 } });
        AssertNumeric.Close(0.68, IndexCalculator.Compute(VnIctIndex2006.Create(Weights(htkt: 2, mt: 0)), data).Score("79"), 1e-12);
        var equal = VnIctIndex2006.Create(Weights());
        AssertNumeric.Close(0.75, IndexCalculator.Compute(equal, data).Score("79"), 1e-12);
        Assert.Equal(VnIctIndex2006.PresetName, equal.Code);
        Assert.Equal(5, equal.Framework.Indicators.Length);
    }
}
