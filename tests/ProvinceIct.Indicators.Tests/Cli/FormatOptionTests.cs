using System.Xml.Linq;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

public class FormatOptionTests : CliRunner
{
    [Fact]
    public void Rank_FormatHtml_PrintsTheRankingTableFragment()
    {
        var (code, output, _) = Run("rank", "--format", "html", "--top", "3");
        Assert.Equal(0, code);
        var root = XElement.Parse(output);
        Assert.Equal("ranking", (string?)root.Attribute("class"));
        Assert.Equal(3, root.Descendants("tbody").Single().Elements("tr").Count());
    }

    [Fact]
    public void Rank_FormatTsv_HasTheCsvKeysSeparatedByTabs()
    {
        var (code, output, _) = Run("rank", "--format", "tsv", "--top", "2");
        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("rank\tunit_code\tunit_name\tscore\t", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Uncertainty_FormatMarkdown_PrintsTheUncertaintyTable()
    {
        var (code, output, _) = Run("uncertainty", "--runs", "50", "--seed", "3", "--threads", "1", "--weights-noise", "0.25", "--format", "markdown");
        Assert.Equal(0, code);
        Assert.StartsWith("### Rank uncertainty of ", output, StringComparison.Ordinal);
        Assert.Contains("| Nominal rank | Code | Unit | Median rank |", output, StringComparison.Ordinal);
    }
}
