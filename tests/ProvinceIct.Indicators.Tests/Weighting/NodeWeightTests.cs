using ProvinceIct.Indicators.Weighting;

namespace ProvinceIct.Indicators.Tests.Weighting;

public class NodeWeightTests
{
    [Fact]
    public void ToString_Row_IsInvariantRoundTrip() =>
        Assert.Equal("i2: w=1, relative=0.25, effective=0.16666666666666666", new NodeWeight("i2", "P1", 1, 1, 0.25, 1.0 / 6).ToString());
}
