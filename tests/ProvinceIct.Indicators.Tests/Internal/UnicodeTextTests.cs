using ProvinceIct.Indicators.Internal;

namespace ProvinceIct.Indicators.Tests.Internal;

public class UnicodeTextTests
{
    // Test data cannot carry a lone surrogate (xUnit serialises it away), so "<XXXX>" spells a UTF-16 code unit.
    internal static string Decode(string spelled) => System.Text.RegularExpressions.Regex.Replace(
        spelled, "<([0-9A-F]{4})>", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    [Theory]
    [InlineData("abc", -1)]
    [InlineData("Hồ Chí Minh", -1)]
    [InlineData("a<D83D><DE00>b", -1)]
    [InlineData("<D800>", 0)]
    [InlineData("ab<DC00>", 2)]
    [InlineData("a<D83D><DE00><D83D>x", 3)]
    [InlineData("<D83D>", 0)]
    public void FirstLoneSurrogate_Text_IndexOfFirstUnpaired(string text, int expected) =>
        Assert.Equal(expected, UnicodeText.FirstLoneSurrogate(Decode(text)));

    [Fact]
    public void Nfc_Decomposed_Composed() =>
        Assert.Equal("\u1EC7", UnicodeText.Nfc("e\u0323\u0302"));

    [Fact]
    public void Nfd_LoneSurrogate_ReplacementCharacterNotException() =>
        Assert.Equal("\u1EB9\u0302\uFFFD".Normalize(System.Text.NormalizationForm.FormD), UnicodeText.Nfd("\u1EC7\uD800"));

    [Fact]
    public void Nfc_PairedSurrogates_Kept() =>
        Assert.Equal("x\uD83D\uDE00", UnicodeText.Nfc("x\uD83D\uDE00"));

    [Fact]
    public void Fold_LoneSurrogate_NoException() =>
        Assert.Equal("hanoi", VietnameseText.Fold("Hà Nội\uDC00"));
}
