using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Tests.Model;

public class ObservationTests
{
    [Fact]
    public void Equals_NaNValuesAndDifferentLines_Equal()
    {
        var a = Observation.Create("70", "x", double.NaN, 2012) with { Line = 2 };
        var b = Observation.Create("70", "x", double.NaN, 2012) with { Line = 9 };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentQuote_NotEqual() =>
        Assert.NotEqual(Observation.Create("70", "x", 1) with { Quote = "a" }, Observation.Create("70", "x", 1) with { Quote = "b" });

    [Fact]
    public void Create_CodesTrimmedEmptyTextNull()
    {
        var o = Observation.Create(" 70 ", " x ", 1, source: "") with { Qualifier = "" };
        Assert.Equal(("70", "x", (string?)null, (string?)null), (o.UnitCode, o.IndicatorCode, o.Source, o.Qualifier));
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Create_InfiniteValue_Throws(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Observation.Create("70", "x", value));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_BlankCode_Throws(string code)
    {
        Assert.Throws<ArgumentException>(() => Observation.Create(code, "x", 1));
        Assert.Throws<ArgumentException>(() => Observation.Create("70", code, 1));
    }

    [Fact]
    public void ToString_WithAndWithoutYear_Invariant()
    {
        Assert.Equal("70 computers 2012 = 3339", Observation.Create("70", "computers", 3339, 2012).ToString());
        Assert.Equal("70 x = NaN", Observation.Create("70", "x", double.NaN).ToString());
    }
}
