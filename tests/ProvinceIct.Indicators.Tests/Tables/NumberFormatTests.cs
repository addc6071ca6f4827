using System.Globalization;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Tests.Tables;

public class NumberFormatTests
{
    [Theory]
    [InlineData(3.14159, "3.14")]
    [InlineData(2, "2.00")]
    [InlineData(-0.001, "0.00")] // rounds to -0.00: written without the sign
    [InlineData(0.125, "0.13")] // an exact midpoint rounds away from zero, as the report tables always did
    public void Format_Fixed2_RoundsToTwoDecimals(double x, string expected) => Assert.Equal(expected, NumberFormat.Fixed(2).Format(x));

    [Theory]
    [InlineData(3, "3")]
    [InlineData(2.5, "2.5")]
    [InlineData(2.345, "2.35")] // 2.345 is 2.34500000000000019984 in binary: rounds up
    public void Format_UpTo2_DropsTrailingZeros(double x, string expected) => Assert.Equal(expected, NumberFormat.UpTo(2).Format(x));

    [Theory]
    [InlineData(1234.5, "1235")]
    [InlineData(99.874, "99.87")]
    [InlineData(0.345, "0.3450")]
    [InlineData(12345.6, "12346")]
    [InlineData(9.99996, "10.00")] // magnitude 0 -> 3 decimals -> 10.000; the carry adds a digit, so 2 decimals
    public void Format_Significant4_KeepsFourDigits(double x, string expected) => Assert.Equal(expected, NumberFormat.Significant(4).Format(x));

    [Fact]
    public void Format_NaN_IsNullAndInfinityIsNamed()
    {
        Assert.Null(NumberFormat.Fixed(2).Format(double.NaN));
        Assert.Equal("-Infinity", NumberFormat.Significant(4).Format(double.NegativeInfinity));
    }

    [Theory]
    [InlineData(0.665, 3, "0,665")] // decimal comma
    [InlineData(12345.6, 1, "12.345,6")] // '.' between groups of three
    [InlineData(-1234567.891, 2, "-1.234.567,89")]
    [InlineData(999, 0, "999")] // three digits: no group separator
    [InlineData(-0.001, 2, "0,00")] // negative zero after rounding loses its sign
    public void Format_Vietnamese_DecimalCommaAndDotGroups(double x, int decimals, string expected) =>
        Assert.Equal(expected, NumberFormat.Fixed(decimals).FormatIn(x, CultureInfo.GetCultureInfo("vi-VN")));

    [Theory]
    [InlineData(12345.6)]
    [InlineData(0.665)]
    [InlineData(-1234567.891)]
    public void Format_InvariantCulture_SameAsWithoutCulture(double x) =>
        Assert.Equal(NumberFormat.Significant(4).Format(x), NumberFormat.Significant(4).FormatIn(x, CultureInfo.InvariantCulture));

    [Fact]
    public void Format_VietnameseNaN_IsNull() => Assert.Null(NumberFormat.Fixed(2).FormatIn(double.NaN, CultureInfo.GetCultureInfo("vi-VN")));

    [Fact]
    public void Fixed_TooManyDecimals_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => NumberFormat.Fixed(16));

    [Fact]
    public void ToString_NamesStyleAndDigits() => Assert.Equal("significant(4)", NumberFormat.Significant(4).ToString());
}
