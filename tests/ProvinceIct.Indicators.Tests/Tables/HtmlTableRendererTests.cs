using System.Xml.Linq;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Tables;

public class HtmlTableRendererTests
{
    [Fact]
    public void ToHtml_HostileText_IsEncodedAndWellFormed()
    {
        var t = new TableBuilder(TableFixtures.Hostile, [TableColumn.Label("name", TableFixtures.Hostile)], name: "x\" onclick=\"y")
            .AddClassedRow("a\"b", TableFixtures.Hostile).AddNote(TableFixtures.Hostile).Build();
        var html = t.ToHtml();
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick=\"", html, StringComparison.Ordinal);
        var root = XElement.Parse(html);
        Assert.Empty(root.Descendants("img"));
        Assert.Empty(root.Descendants("script"));
        Assert.Equal(TableFixtures.Hostile, root.Descendants("caption").Single().Value);
        Assert.Equal(TableFixtures.Hostile, root.Descendants("tbody").Single().Descendants("th").Single().Value);
    }

    [Fact]
    public void ToHtml_Provinces_MarksNumbersLabelsAndMissingRows()
    {
        var root = XElement.Parse(TableFixtures.Provinces().ToHtml());
        var rows = root.Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal("missing", (string?)rows[2].Attribute("class"));
        Assert.Equal(["-", "XX", "Không rõ", "-", "0%", "0"], rows[2].Elements().Select(e => e.Value));
        Assert.Equal("row", (string?)rows[0].Element("th")!.Attribute("scope"));
        Assert.Equal(["num", null, null, "num", "num", "num"], rows[0].Elements().Select(e => (string?)e.Attribute("class")));
        Assert.Equal("71.23", rows[0].Elements().ElementAt(3).Value);
    }

    [Fact]
    public void ToHtml_Provinces_MatchesSnapshot() => Snapshot.Match(TableFixtures.Provinces().ToHtml(), "html");
}
