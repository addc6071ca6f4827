using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Tests.Tables;

public class TableBuilderTests
{
    [Fact]
    public void AddRow_WrongWidth_ThrowsNamingTheRowNumber()
    {
        var b = new TableBuilder("t", [TableColumn.Text("a", "A"), TableColumn.Number("b", "B")]).AddRow("x", 1).AddRow("y", 2);
        var ex = Assert.Throws<ArgumentException>(() => b.AddRow("z"));
        Assert.Contains("Row 3 has 1 cells", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, b.RowCount);
    }

    [Fact]
    public void Build_RowsNotesAndClasses_AreKept()
    {
        var t = TableFixtures.Provinces();
        Assert.Equal(3, t.Rows.Length);
        Assert.Equal("missing", t.Rows[2].Class);
        Assert.Null(t.Rows[0].Class);
        Assert.Equal(["Illustrative index, not the official ICT Index."], t.Notes.ToArray());
        Assert.Equal("ranking", t.Name);
    }

    [Fact]
    public void Build_BlankNote_IsIgnored()
    {
        var t = new TableBuilder("t", [TableColumn.Text("a", "A")]).AddNote("  ").Build();
        Assert.Empty(t.Notes);
    }
}
