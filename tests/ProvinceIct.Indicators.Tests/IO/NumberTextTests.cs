using ProvinceIct.Indicators.IO;

namespace ProvinceIct.Indicators.Tests.IO;

public class NumberTextTests
{
    [Theory]
    [InlineData("3.339", 3339)]
    [InlineData("15,875", 15.875)]
    [InlineData("92,3%", 92.3)]
    [InlineData("92,3 %", 92.3)]
    [InlineData("68,32%", 68.32)]
    [InlineData("1.234.567,8", 1234567.8)]
    [InlineData("1.493", 1493)]
    [InlineData("15.000", 15000)]
    [InlineData("3339", 3339)]
    [InlineData("07", 7)]
    [InlineData("0,5", 0.5)]
    [InlineData("-2,5", -2.5)]
    [InlineData("+1.000", 1000)]
    [InlineData(" 100% ", 100)]
    [InlineData("1234567,8", 1234567.8)]
    [InlineData("999.999.999", 999999999)]
    public void TryParse_VietnameseText_Value(string text, double expected)
    {
        Assert.True(NumberText.TryParse(text, NumberCulture.Vietnamese, out var value, out var reason), reason);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.5")] // a '.' group must have three digits
    [InlineData("12.34")]
    [InlineData("1.2345")]
    [InlineData("1234.567")] // first group longer than three digits
    [InlineData("0.500")] // grouped number starting with 0: an English decimal point?
    [InlineData("1,234.5")] // English style: '.' after the decimal comma
    [InlineData("1,2,3")] // two decimal commas
    [InlineData("15,")]
    [InlineData(",5")]
    [InlineData("1e3")] // no exponent
    [InlineData("abc")]
    [InlineData("%")]
    [InlineData("")]
    [InlineData("1 234")]
    [InlineData("-")]
    [InlineData("1.234.56")]
    public void TryParse_VietnameseMalformed_FalseWithReason(string text)
    {
        Assert.False(NumberText.TryParse(text, NumberCulture.Vietnamese, out var value, out var reason));
        Assert.True(double.IsNaN(value));
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Theory]
    [InlineData("3.339", 3.339)]
    [InlineData("15.875", 15.875)]
    [InlineData("1e3", 1000)]
    [InlineData("-0.5", -0.5)]
    [InlineData(" 12.25 ", 12.25)]
    public void TryParse_InvariantText_Value(string text, double expected)
    {
        Assert.True(NumberText.TryParse(text, NumberCulture.Invariant, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("15,875")]
    [InlineData("92.3%")]
    [InlineData("1.234.567,8")]
    public void TryParse_InvariantWithVietnameseSeparators_FalseNeverGuessed(string text)
    {
        Assert.False(NumberText.TryParse(text, NumberCulture.Invariant, out var value, out var reason));
        Assert.True(double.IsNaN(value));
        Assert.NotNull(reason);
    }

    [Fact]
    public void TryParse_SameTextDifferentCulture_DifferentNumbers()
    {
        // The policy, not the text, decides: 3.339 is 3.339 or 3339.
        Assert.Equal(3.339, NumberText.Parse("3.339", NumberCulture.Invariant));
        Assert.Equal(3339, NumberText.Parse("3.339", NumberCulture.Vietnamese));
    }

    [Fact]
    public void Parse_Malformed_FormatExceptionWithReason()
    {
        var e = Assert.Throws<FormatException>(() => NumberText.Parse("1.5", NumberCulture.Vietnamese));
        Assert.Contains("three digits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_UndefinedCulture_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberText.TryParse("1", (NumberCulture)7, out _));

    [Fact]
    public void Describe_EachCulture_NamesSeparators()
    {
        Assert.Contains("invariant", NumberText.Describe(NumberCulture.Invariant), StringComparison.Ordinal);
        Assert.Contains("decimal comma", NumberText.Describe(NumberCulture.Vietnamese), StringComparison.Ordinal);
    }
}
