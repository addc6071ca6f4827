using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Weighting;

namespace ProvinceIct.Indicators.Tests.Weighting;

public partial class WeightsTests
{
    private static Framework HugeWeights() => Framework.Create(
    [
        FrameworkNode.ForIndicator(IndicatorDefinition.Create("i1", "I1", IndicatorKind.Real), "IDX", 1.7e308),
        FrameworkNode.ForIndicator(IndicatorDefinition.Create("i2", "I2", IndicatorKind.Real), "IDX", 0.85e308),
        FrameworkNode.Aggregate("IDX", "Index"),
    ]);

    [Fact]
    public void EffectiveWeights_WeightsNearMaxValue_SharesOfTheirRatio()
    {
        // 1.7e308 : 0.85e308 = 2 : 1 (the sum 2.55e308 overflows): 2/3 and 1/3
        var t = Weights.EffectiveWeights(HugeWeights());
        AssertNumeric.Close(2.0 / 3, t.Effective("i1"));
        AssertNumeric.Close(1.0 / 3, t.Effective("i2"));
    }

    [Fact]
    public void EffectiveWeight_WeightsNearMaxValue_SharesOfTheirRatio() =>
        AssertNumeric.Close(2.0 / 3, HugeWeights().EffectiveWeight("i1"));
}
