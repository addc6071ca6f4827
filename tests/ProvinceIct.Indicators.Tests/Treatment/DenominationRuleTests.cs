using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class DenominationRuleTests
{
    [Fact]
    public void Create_Values_KeptAndFormatted()
    {
        var r = DenominationRule.Create("students", "pop", 10);
        Assert.Equal(("students", "pop", 10.0), (r.IndicatorCode, r.DenominatorCode, r.Scale));
        Assert.Equal("students = 10 * students / pop", r.ToString());
    }

    [Fact]
    public void Create_OwnDenominator_Throws() =>
        Assert.Throws<ArgumentException>(() => DenominationRule.Create("a", "a"));

    [Theory]
    [InlineData(0)]
    [InlineData(double.NaN)]
    public void Create_BadScale_Throws(double scale) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DenominationRule.Create("a", "pop", scale));

    [Fact]
    public void Create_BlankCode_Throws() =>
        Assert.Throws<ArgumentException>(() => DenominationRule.Create(" ", "pop"));
}
