using System.Globalization;
using ProvinceIct.Indicators.Cli;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>The CLI's own texts: CliStrings.resx (English) and its translations.</summary>
public class CliStringsTests
{
    private static readonly string Folder = RepositoryPaths.Get("src/ProvinceIct.Indicators.Cli");

    /// <summary>
    /// The Vietnamese texts that are rightly the same as the English ones: no word to translate, only placeholders and
    /// punctuation.
    /// </summary>
    internal static readonly string[] SameInVietnamese = ["Msg_ValueExpected"];

    internal static Dictionary<string, string> Read(string file) => ResxFiles.Read(Path.Combine(Folder, file));

    private static string[] TranslationFiles() => ResxFiles.Translations(Folder, "CliStrings");

    public static TheoryData<string> Translations() => [.. TranslationFiles()];

    [Fact]
    public void Translations_Found_IncludesVietnamese() => Assert.Contains("CliStrings.vi.resx", TranslationFiles());

    [Theory]
    [MemberData(nameof(Translations))]
    public void Resx_EveryTranslation_SameKeysAndPlaceholdersAsNeutral(string file) =>
        ResxFiles.AssertParity(Folder, "CliStrings", file);

    [Fact]
    public void Resx_Vietnamese_EveryTextTranslatedExceptTheListedOnes()
    {
        var neutral = Read("CliStrings.resx");
        var vi = Read("CliStrings.vi.resx");
        var same = neutral.Keys.Where(k => neutral[k] == vi[k]).Order(StringComparer.Ordinal);
        Assert.Equal(SameInVietnamese, same);
    }

    [Fact]
    public void Get_OutsideARun_English() =>
        Assert.Equal("error: ", CliStrings.Get("Msg_ErrorPrefix"));

    [Fact]
    public void Use_Vietnamese_GetReadsTheSatelliteUntilDisposed()
    {
        using (CliStrings.Use(CultureInfo.GetCultureInfo("vi")))
        {
            Assert.True(CliStrings.IsVietnamese);
            Assert.Equal("lỗi: ", CliStrings.Get("Msg_ErrorPrefix"));
            Assert.Equal(" Có phải ý bạn là '--top'?", CliStrings.Format("Msg_DidYouMeanOne", "--top"));
        }

        Assert.False(CliStrings.IsVietnamese);
        Assert.Equal("error: ", CliStrings.Get("Msg_ErrorPrefix"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("fr-FR")]
    public void In_OtherCulture_FallsBackToEnglish(string culture) =>
        Assert.Equal("Usage:", CliStrings.In(CultureInfo.GetCultureInfo(culture), "HelpHeading_Usage"));

    [Fact]
    public void In_UnknownKey_Throws() =>
        Assert.Throws<InvalidOperationException>(() => CliStrings.In(CultureInfo.InvariantCulture, "No_Such_Key"));

    [Theory]
    [InlineData("Help_Command_Rank", "Xếp hạng 63 tỉnh/thành phố")]
    [InlineData("Help_Input_Normalise", "Phương pháp chuẩn hoá")]
    [InlineData("Help_Input_Aggregate", "Phương pháp tổng hợp")]
    [InlineData("Help_Input_ComponentWeights", "chỉ số thành phần")]
    [InlineData("Help_Analysis_WeightsNoise", "trọng số")]
    [InlineData("Help_Command_Provinces", "đơn vị hành chính cấp tỉnh")]
    public void In_Vietnamese_UsesTheOfficialTerms(string key, string term) =>
        Assert.Contains(term, CliStrings.In(CultureInfo.GetCultureInfo("vi-VN"), key), StringComparison.Ordinal);

    [Theory]
    [InlineData("Help_Analysis_NormaliseChoices", "minmax(L,U) (hoặc minmax:L:U)")]
    [InlineData("Help_Input_ComponentWeights", "--preset vn-ict-index-2006")]
    [InlineData("Help_Input_ComponentWeights", "htkt=W,htnl=W,ud=W,sxkd=W,mt_tccs=W")]
    [InlineData("Help_Command_Template", "compute --data FILE.xlsx")]
    [InlineData("Help_Kind", "samples/data/kinds-meta.csv")]
    public void In_Vietnamese_KeepsNamesAndCodes(string key, string name) =>
        Assert.Contains(name, CliStrings.In(CultureInfo.GetCultureInfo("vi"), key), StringComparison.Ordinal);
}
