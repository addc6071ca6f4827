using System.Globalization;
using ProvinceIct.Indicators.Reporting;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class ReportOptionsTests
{
    [Fact]
    public void Constructor_Null_Throws() => Assert.Throws<ArgumentNullException>(() => new ReportOptions(null!));

    [Fact]
    public void Default_Invariant_English()
    {
        Assert.Same(CultureInfo.InvariantCulture, ReportOptions.Default.Culture);
        Assert.Equal("en", ReportOptions.Default.Language);
        Assert.False(ReportOptions.Default.IsVietnamese);
    }

    [Fact]
    public void Vietnamese_ViVn_DecimalComma()
    {
        Assert.Equal("vi-VN", ReportOptions.Vietnamese.Culture.Name);
        Assert.Equal("vi", ReportOptions.Vietnamese.Language);
        Assert.True(ReportOptions.Vietnamese.IsVietnamese);
        Assert.Equal("72,31", ReportOptions.Vietnamese.Score(72.3149));
        Assert.Equal("2,5", ReportOptions.Vietnamese.Rank(2.5));
        Assert.Equal("-", ReportOptions.Vietnamese.Score(double.NaN));
        Assert.Equal("72.31", ReportOptions.Default.Score(72.3149));
    }

    [Theory]
    [InlineData("en", "invariant")]
    [InlineData("EN", "invariant")]
    [InlineData("vi", "vi-VN")]
    [InlineData(" vi ", "vi-VN")]
    [InlineData("vi-VN", "vi-VN")]
    [InlineData("en-GB", "en-GB")]
    public void ForLanguage_Known_GivesCulture(string language, string expected) =>
        Assert.Equal("ReportOptions " + expected, ReportOptions.ForLanguage(language).ToString());

    [Fact]
    public void ForLanguage_Blank_Throws() => Assert.Throws<ArgumentException>(() => ReportOptions.ForLanguage(" "));

    [Fact]
    public void ForLanguage_Unknown_Throws() => Assert.Throws<CultureNotFoundException>(() => ReportOptions.ForLanguage("xx-nonsense"));

    [Fact]
    public void ToString_Vietnamese_Invariant() => Assert.Equal("ReportOptions vi-VN", ReportOptions.Vietnamese.ToString());
}
