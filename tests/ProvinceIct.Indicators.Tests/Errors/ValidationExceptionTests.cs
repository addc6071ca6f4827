using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;

namespace ProvinceIct.Indicators.Tests.Errors;

public sealed class ValidationExceptionTests
{
    private static ValidationException Failure() =>
        WideCsv.Read(new StringReader("uCode,i1\nHN,x\n"), new WideCsvOptions { SourceName = "d.csv" }).Exception!;

    [Fact]
    public void MessageIn_Vietnamese_HeadAndProblemTranslated()
    {
        var ex = Failure();

        Assert.Equal("d.csv không hợp lệ: 1 lỗi.\n" + ex.Report.Problems[0].Describe(CultureInfo.GetCultureInfo("vi")), ex.MessageIn(CultureInfo.GetCultureInfo("vi")));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("")]
    public void MessageIn_OtherCulture_SameAsMessage(string culture)
    {
        var ex = Failure();

        Assert.Equal(ex.Message, ex.MessageIn(CultureInfo.GetCultureInfo(culture)));
        Assert.Equal(ex.Message, ex.MessageIn(null));
    }

    [Fact]
    public void InvalidParameter_UserExpectedInVietnamese_FrameTranslatedTextsAsGiven()
    {
        var ex = ValidationException.InvalidParameter("mine", "k", "an odd number", "4");

        Assert.Equal("mine: k must be an odd number, found 4.", ex.Report.Problems[0].Message);
        Assert.Equal("mine: k phải là an odd number, nhưng gặp 4.", ex.Report.Problems[0].MessageIn(CultureInfo.GetCultureInfo("vi-VN")));
    }
}
