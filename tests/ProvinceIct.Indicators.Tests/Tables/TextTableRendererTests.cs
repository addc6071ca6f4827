using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Tables;

public class TextTableRendererTests
{
    [Fact]
    public void ToText_CombiningMarks_AlignByPerceivedCharacters()
    {
        // "Đắk Lắk" given in NFD is 11 UTF-16 units but 7 perceived characters, "Hà Nội" 6: the right-aligned Coverage
        // column must end at the same perceived position on the header and on both rows.
        var lines = TableFixtures.Provinces().ToText().Split('\n');
        Assert.Contains("Đắk Lắk", lines[4], StringComparison.Ordinal); // written in NFC
        Assert.Equal(
            [EndOf(lines[1], "Coverage"), EndOf(lines[1], "Coverage"), EndOf(lines[1], "Coverage")],
            new[] { EndOf(lines[1], "Coverage"), EndOf(lines[3], "100%"), EndOf(lines[4], "12.5%") });
    }

    [Fact]
    public void ToText_Missing_ShowsDashAndRightAlignsNumbers()
    {
        var lines = TableFixtures.Provinces().ToText().Split('\n');
        Assert.Equal("Illustrative ranking", lines[0]);
        Assert.StartsWith("   -  XX", lines[5], StringComparison.Ordinal); // rank column is "Rank" wide, "-" right-aligned
        Assert.Equal("Illustrative index, not the official ICT Index.", lines[6]);
    }

    [Fact]
    public void ToText_CustomMissingText_IsUsed() =>
        Assert.Contains(" n/a ", TableFixtures.Provinces().ToText(new TableRenderOptions(missingText: "n/a")), StringComparison.Ordinal);

    [Fact]
    public void ToText_LineBreakInCell_StaysOnOneLine()
    {
        var t = new TableBuilder("t", [TableColumn.Text("a", "A")]).AddRow("x\ny").Build();
        Assert.Equal("t\nA\n---\nx y", t.ToText());
    }

    [Fact]
    public void ToText_Provinces_MatchesSnapshot() => Snapshot.Match(TableFixtures.Provinces().ToText());

    /// <summary>The perceived-character position just after <paramref name="text"/> in the line.</summary>
    private static int EndOf(string line, string text)
    {
        var i = line.IndexOf(text, StringComparison.Ordinal);
        Assert.True(i >= 0, text + " not in: " + line);
        return new System.Globalization.StringInfo(line[..(i + text.Length)]).LengthInTextElements;
    }
}
