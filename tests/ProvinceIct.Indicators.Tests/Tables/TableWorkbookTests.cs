using System.IO.Compression;
using System.Xml.Linq;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Tests.Tables;

public sealed class TableWorkbookTests
{
    private static readonly XNamespace S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static Dictionary<string, XDocument> Parts(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            return XDocument.Load(s);
        });
    }

    private static XElement Cell(XDocument sheet, string reference) =>
        sheet.Descendants(S + "c").Single(c => (string?)c.Attribute("r") == reference);

    private static string? NumberFormatOf(Dictionary<string, XDocument> parts, XElement cell)
    {
        var styles = parts["xl/styles.xml"];
        var s = (int?)cell.Attribute("s") ?? 0;
        var xf = styles.Descendants(S + "cellXfs").Single().Elements(S + "xf").ElementAt(s);
        var id = (int)xf.Attribute("numFmtId")!;
        return id == 0 ? "General" : (string?)styles.Descendants(S + "numFmt").Single(f => (int)f.Attribute("numFmtId")! == id).Attribute("formatCode");
    }

    [Fact]
    public void ToBytes_ProvinceTable_TypedCellsAndNumberFormats()
    {
        var parts = Parts(TableWorkbook.ToBytes([TableFixtures.Provinces()]));
        var sheet = parts["xl/worksheets/sheet1.xml"];

        // The header: bold (style 1: font 1), frozen at row 1.
        var header = Cell(sheet, "D1");
        Assert.Equal("inlineStr", (string?)header.Attribute("t"));
        Assert.Equal("Score (points)", header.Value);
        Assert.Equal("1", (string?)header.Attribute("s"));
        var pane = sheet.Descendants(S + "pane").Single();
        Assert.Equal("frozen", (string?)pane.Attribute("state"));
        Assert.Equal("1", (string?)pane.Attribute("ySplit"));

        // Numbers are numbers (no t attribute) at full precision; 0.1 + 0.2 keeps every digit.
        var score = Cell(sheet, "D3");
        Assert.Null(score.Attribute("t"));
        Assert.Equal("0.30000000000000004", score.Element(S + "v")!.Value);
        Assert.Equal("0.00", NumberFormatOf(parts, score));
        Assert.Equal("0.00%", NumberFormatOf(parts, Cell(sheet, "E3")));
        Assert.Equal("0.125", Cell(sheet, "E3").Value);
        Assert.Equal("0", NumberFormatOf(parts, Cell(sheet, "F2")));
        Assert.Equal("General", NumberFormatOf(parts, Cell(sheet, "A3")));

        // Missing values are absent cells; never a formula anywhere.
        Assert.DoesNotContain(sheet.Descendants(S + "c"), c => (string?)c.Attribute("r") is "A4" or "D4");
        Assert.Empty(sheet.Descendants(S + "f"));

        // Text stays as typed (NFD kept); the title and the note go to the Notes sheet.
        Assert.Equal("Đắk Lắk".Normalize(System.Text.NormalizationForm.FormD), Cell(sheet, "C3").Value);
        var names = parts["xl/workbook.xml"].Descendants(S + "sheet").Select(e => (string)e.Attribute("name")!).ToArray();
        Assert.Equal(["ranking", "Notes"], names);
        Assert.Contains("Illustrative index, not the official ICT Index.", parts["xl/worksheets/sheet2.xml"].Descendants(S + "t").Select(t => t.Value));
    }

    [Fact]
    public void ToBytes_FormulaLikeText_IsAStringCell()
    {
        var table = Table.Create(string.Empty, [TableColumn.Text("t", "Text")], [Table.Row("=1+2"), Table.Row("@SUM(A1)"), Table.Row("a\u0001b_x0041_")], name: "t");
        var sheet = Parts(TableWorkbook.ToBytes([table]))["xl/worksheets/sheet1.xml"];
        Assert.Equal("inlineStr", (string?)Cell(sheet, "A2").Attribute("t"));
        Assert.Equal("=1+2", Cell(sheet, "A2").Value);
        Assert.Empty(sheet.Descendants(S + "f"));

        // A control character is Excel's escape; a literal escape has its underscore escaped, so readers get the text back.
        Assert.Equal("a_x0001_b_x005F_x0041_", Cell(sheet, "A4").Value);
        Assert.Equal("a\u0001b_x0041_", XlsxReader.Unescape(Cell(sheet, "A4").Value));
    }

    [Fact]
    public void ToBytes_Infinity_IsTextAndNotANumberCell()
    {
        var table = Table.Create(string.Empty, [TableColumn.Number("x", "X")], [Table.Row(double.PositiveInfinity)], name: "t");
        var sheet = Parts(TableWorkbook.ToBytes([table]))["xl/worksheets/sheet1.xml"];
        Assert.Equal("Infinity", Cell(sheet, "A2").Value);
        Assert.Equal("inlineStr", (string?)Cell(sheet, "A2").Attribute("t"));
    }

    [Theory]
    [InlineData("ranking", "ranking")]
    [InlineData("a/b:c*d?e[f]g\\h", "a_b_c_d_e_f_g_h")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("", "Sheet")]
    [InlineData("history", "history_")]
    [InlineData("Scores and ranks at every level of the index", "Scores and ranks at every level")]
    public void SheetName_Name_ValidExcelName(string name, string expected)
    {
        Assert.Equal(expected, TableWorkbook.SheetName(name, new HashSet<string>()));
    }

    [Fact]
    public void SheetName_TakenCaseInsensitively_SuffixWithinThirtyOneCharacters()
    {
        var taken = new HashSet<string>();
        Assert.Equal("Data", TableWorkbook.SheetName("Data", taken));
        Assert.Equal("data (2)", TableWorkbook.SheetName("data", taken));
        var longName = new string('x', 40);
        Assert.Equal(new string('x', 31), TableWorkbook.SheetName(longName, taken));
        var second = TableWorkbook.SheetName(longName, taken);
        Assert.Equal(new string('x', 27) + " (2)", second);
        Assert.Equal(31, second.Length);
    }

    [Fact]
    public void ToBytes_NoTable_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableWorkbook.ToBytes([]));
    }

    [Fact]
    public void Save_ExistingFile_ReplacedAtomically()
    {
        var dir = Directory.CreateTempSubdirectory("xlsx").FullName;
        try
        {
            var path = Path.Combine(dir, "book.xlsx");
            File.WriteAllText(path, "old");
            TableWorkbook.Save(path, [TableFixtures.Provinces()]);
            Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 0, 2));
            Assert.Equal("book.xlsx", Path.GetFileName(Assert.Single(Directory.GetFiles(dir))));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ExcelFormat_Kinds_ExpectedCodes()
    {
        Assert.Null(XlsxWriter.ExcelFormat(TableColumn.Text("t", "T")));
        Assert.Equal("0.000", XlsxWriter.ExcelFormat(TableColumn.Number("n", "N", NumberFormat.Fixed(3))));
        Assert.Equal("0.00", XlsxWriter.ExcelFormat(TableColumn.Number("n", "N", NumberFormat.UpTo(2))));
        Assert.Equal("General", XlsxWriter.ExcelFormat(TableColumn.Number("n", "N")));
        Assert.Equal("General", XlsxWriter.ExcelFormat(TableColumn.Rank("r", "R")));
        Assert.Equal("0", XlsxWriter.ExcelFormat(TableColumn.Integer("i", "I")));
        Assert.Equal("0.0%", XlsxWriter.ExcelFormat(TableColumn.Percent("p", "P", NumberFormat.Fixed(1))));
    }
}
