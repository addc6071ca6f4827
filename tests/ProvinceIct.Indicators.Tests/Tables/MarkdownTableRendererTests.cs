using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Tables;

public class MarkdownTableRendererTests
{
    [Fact]
    public void ToMarkdown_HostileText_IsEscapedEverywhere()
    {
        var t = new TableBuilder(TableFixtures.Hostile, [TableColumn.Label("name", TableFixtures.Hostile)]).AddRow(TableFixtures.Hostile).AddNote(TableFixtures.Hostile).Build();
        var md = t.ToMarkdown();
        Assert.DoesNotContain("<img", md, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;\\|\\*x\\*", md, StringComparison.Ordinal);
        Assert.Equal(3, md.Split('\n').Count(l => l.StartsWith('|'))); // header, rule, one row: no line break or extra row from the text
    }

    [Fact]
    public void ToMarkdown_HeadingLevelAndAlignment_FollowOptionsAndKinds()
    {
        var md = TableFixtures.Provinces().ToMarkdown(new TableRenderOptions(headingLevel: 2));
        Assert.StartsWith("## Illustrative ranking\n\n| Rank | Code | Unit | Score (points) | Coverage | Indicators |\n|---:|---|---|---:|---:|---:|\n", md, StringComparison.Ordinal);
        Assert.Contains("| - | XX | Không rõ | - | 0% | 0 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_Provinces_MatchesSnapshot() => Snapshot.Match(TableFixtures.Provinces().ToMarkdown(), "md");
}
