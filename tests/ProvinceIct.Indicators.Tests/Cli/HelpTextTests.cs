using System.Globalization;
using ProvinceIct.Indicators.Cli;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>The headings and labels System.CommandLine writes in --help, in the command line's language.</summary>
public class HelpTextTests
{
    private const string English = "Description:\n  Options: in a description stay.\n\nUsage:\n  ictindex rank [options]\n\nOptions:\n  --top <top>  Show. [default: 3]\n  --to <to> (REQUIRED)  Target.\n";

    [Fact]
    public void Localise_English_Unchanged() => Assert.Equal(English, HelpText.Localise(English));

    [Fact]
    public void Localise_Vietnamese_HeadingsAndLabels()
    {
        using var scope = CliStrings.Use(CultureInfo.GetCultureInfo("vi"));
        Assert.Equal(
            "Mô tả:\n  Options: in a description stay.\n\nCách dùng:\n  ictindex rank [tuỳ chọn]\n\nTuỳ chọn:\n  --top <top>  Show. [mặc định: 3]\n  --to <to> (BẮT BUỘC)  Target.\n",
            HelpText.Localise(English));
    }

    [Fact]
    public void Localise_CarriageReturns_Kept()
    {
        using var scope = CliStrings.Use(CultureInfo.GetCultureInfo("vi"));
        Assert.Equal("Lệnh:\r\n  rank\r\n", HelpText.Localise("Commands:\r\n  rank\r\n"));
    }
}
