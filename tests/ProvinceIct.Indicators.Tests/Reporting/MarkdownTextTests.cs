using ProvinceIct.Indicators.Internal;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class MarkdownTextTests
{
    [Theory]
    [InlineData("Hà Nội", "Hà Nội")]
    [InlineData("internet_pct", "internet_pct")]                 // intraword underscore kept
    [InlineData("_x_", "\\_x\\_")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("R&D", "R&amp;D")]
    [InlineData("a|b", "a\\|b")]
    [InlineData("*x*", "\\*x\\*")]
    [InlineData("[a](javascript:b)", "\\[a\\](javascript:b)")]
    [InlineData("![i](u)", "!\\[i\\](u)")]
    [InlineData("`c`", "\\`c\\`")]
    [InlineData("~~s~~", "\\~\\~s\\~\\~")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("line1\r\nline2\nline3\rx", "line1 line2 line3 x")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("", "")]
    public void Text_UserText_Escaped(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Text(text));

    [Theory]
    [InlineData("internet_pct", "`internet_pct`")]
    [InlineData("a|b", "a\\|b")]
    [InlineData("a`b", "a\\`b")]
    [InlineData("<b>", "&lt;b&gt;")]
    public void Code_PlainOrEscaped(string code, string expected) =>
        Assert.Equal(expected, MarkdownText.Code(code));

    [Fact]
    public void Sentence_CodesAndText_EachEscaped() =>
        Assert.Equal("Removing `i1` moves &lt;b&gt; most; x\\|y, \\`tail", MarkdownText.Sentence("Removing `i1` moves <b> most; `x|y`, `tail"));
}
