using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Tests.Tables;

public class TableTests
{
    private static readonly TableColumn[] Columns = [TableColumn.Text("code", "Code"), TableColumn.Number("x", "X")];

    [Fact]
    public void Create_RowWithTooFewCells_ThrowsNamingTheRow()
    {
        var ex = Assert.Throws<ArgumentException>(() => Table.Create("t", Columns, [Table.Row("a", 1.0), Table.Row("b")]));
        Assert.Contains("Row 2 has 1 cells; expected one per column, 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TextInNumericColumn_ThrowsNamingColumn()
    {
        var ex = Assert.Throws<ArgumentException>(() => Table.Create("t", Columns, [Table.Row("a", "1.5")]));
        Assert.Contains("column 'x': expected a number, found the text '1.5'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FractionInIntegerColumn_Throws()
    {
        Assert.Throws<ArgumentException>(() => Table.Create("t", [TableColumn.Integer("n", "N")], [Table.Row(1.5)]));
    }

    [Fact]
    public void Create_DuplicateKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => Table.Create("t", [TableColumn.Text("a", "A"), TableColumn.Number("a", "B")], []));
    }

    [Fact]
    public void Create_MissingCellsOfEitherKind_AreValidAnywhere()
    {
        var t = Table.Create("t", Columns, [Table.Row(TableCell.Missing, double.NaN), Table.Row((string?)null, TableCell.Missing)]);
        Assert.All(t.Rows.SelectMany(r => r.Cells), c => Assert.True(c.IsMissing));
    }

    [Fact]
    public void Indexer_RowAndColumn_ReturnsTheCell()
    {
        var t = TableFixtures.Provinces();
        Assert.Equal(71.234, t[0, 3].NumberValue);
        Assert.Equal("DL", t[1, 1].TextValue);
        Assert.Equal("Table ranking: 6 columns x 3 rows", t.ToString());
    }

    [Fact]
    public void Render_EveryFormat_EqualsTheNamedMethod()
    {
        var t = TableFixtures.Provinces();
        Assert.Equal(t.ToText(), t.Render(TableFormat.Text));
        Assert.Equal(t.ToMarkdown(), t.Render(TableFormat.Markdown));
        Assert.Equal(t.ToHtml(), t.Render(TableFormat.Html));
        Assert.Equal(t.ToCsv(), t.Render(TableFormat.Csv));
        Assert.Equal(t.ToTsv(), t.Render(TableFormat.Tsv));
    }

    [Fact]
    public void Render_EmptyTable_HasHeaderOnly()
    {
        var t = Table.Create(string.Empty, Columns, []);
        Assert.Equal("Code  X\n----  -", t.ToText());
        Assert.Equal("code,x\n", t.ToCsv());
    }
}
