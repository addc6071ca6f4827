using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Tests.Presets;

public class CatalogIndicatorTests
{
    [Fact]
    public void Create_WithComponent_CodeAndToString()
    {
        var e = CatalogIndicator.Create(IndicatorDefinition.Create("servers", "Servers", IndicatorKind.Count), IctComponent.TechnicalInfrastructure);
        Assert.Equal(("servers", "htkt"), (e.Code, e.ComponentCode));
        Assert.Equal("servers (Servers, count, +) [htkt]", e.ToString());
    }

    [Fact]
    public void Create_NoComponent_DashInToString() =>
        Assert.EndsWith("[-]", CatalogIndicator.Create(IndicatorDefinition.Create("r", "Rank", IndicatorKind.BoundedScore(1, 63)), null).ToString(), StringComparison.Ordinal);

    [Fact]
    public void Create_UndefinedComponent_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CatalogIndicator.Create(IndicatorDefinition.Create("r", "R", IndicatorKind.Real), (IctComponent)5));
}
