using System.IO.Compression;
using System.Text;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.IO;

public sealed class XlsxDataTests : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly string _dir = Directory.CreateTempSubdirectory("xlsx-data").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static Framework SmallFramework() => Framework.Create(
    [
        FrameworkNode.Aggregate("idx", "Index"),
        FrameworkNode.ForIndicator(IndicatorDefinition.Create("lit", "Literacy", IndicatorKind.Percent), "idx"),
        FrameworkNode.ForIndicator(IndicatorDefinition.Create("pc", "Computers", IndicatorKind.Count), "idx"),
    ]);

    /// <summary>A workbook whose only sheet, iData, has the given sheetData rows (raw XML).</summary>
    private string Handmade(string name, string sheetData, string sheetName = "iData")
    {
        var path = PathOf(name);
        var seed = Table.Create(string.Empty, [TableColumn.Text("uCode", "uCode")], [Table.Row("x")], name: sheetName);
        TableWorkbook.Save(path, [seed]);
        Rewrite(path, "xl/worksheets/sheet1.xml", _ => $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData></worksheet>");
        return path;
    }

    private static void Rewrite(string path, string part, Func<string, string> change)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry(part)!;
        string text;
        using (var r = new StreamReader(entry.Open()))
        {
            text = r.ReadToEnd();
        }

        entry.Delete();
        using var w = new StreamWriter(zip.CreateEntry(part).Open(), new UTF8Encoding(false));
        w.Write(change(text));
    }

    private static string Text(string cell, string text) => $"<c r=\"{cell}\" t=\"inlineStr\"><is><t>{text}</t></is></c>";

    private static string Number(string cell, string value) => $"<c r=\"{cell}\"><v>{value}</v></c>";

    [Fact]
    public void Save_AsemDataAndMeta_ReadsBackTheSameDatasetAndMeta()
    {
        var meta = MetaCsv.Load(RepositoryPaths.Get("tests/ProvinceIct.Indicators.Tests/TestData/coinr/" + "ASEM_iMeta.csv"));
        var data = WideCsv.Load(RepositoryPaths.Get("tests/ProvinceIct.Indicators.Tests/TestData/coinr/" + "ASEM_iData.csv"), new WideCsvOptions { GroupColumns = [.. meta.GroupCodes] });
        var path = PathOf("asem.xlsx");

        XlsxData.Save(path, data, meta);

        var sheets = XlsxData.ReadSheetNames(path).Value;
        Assert.Equal(["iData", "iMeta"], sheets);
        var meta2 = XlsxData.ReadMeta(path).Value;
        var data2 = XlsxData.ReadDataset(path, new WideCsvOptions { Framework = meta2.Framework }).Value;
        Assert.Equal(meta.Framework.Nodes.Select(n => (n.Code, n.Name, n.ParentCode, n.Weight, n.Direction)), meta2.Framework.Nodes.Select(n => (n.Code, n.Name, n.ParentCode, n.Weight, n.Direction)));
        Assert.Equal(meta.Framework.Indicators.Select(d => d.Kind), meta2.Framework.Indicators.Select(d => d.Kind));
        static string Describe(Unit u) => u.Code + "|" + u.Name + "|" + u.NameEn + "|" + string.Join(";", u.Groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "=" + g.Value));
        Assert.Equal(data.Units.Select(Describe), data2.Units.Select(Describe));
        Assert.Equal(string.Join(",", data.IndicatorCodes), string.Join(",", data2.IndicatorCodes));
        for (var j = 0; j < data.IndicatorCount; j++)
        {
            // Bitwise: numbers travel at full precision, missing values as empty cells.
            Assert.Equal(data.Column(data.IndicatorCodes[j]).ToArray(), data2.Column(data.IndicatorCodes[j]).ToArray());
        }
    }

    [Fact]
    public void ReadDataset_TextCells_ReadAsTheCsvReaderReadsFields()
    {
        var path = Handmade("text.xlsx",
            "<row r=\"1\">" + Text("A1", "uCode") + Text("B1", "lit") + Text("C1", "pc") + "</row>"
            + "<row r=\"2\">" + Text("A2", "01") + Text("B2", "92,3") + Number("C2", "3339") + "</row>"
            + "<row r=\"3\">" + Number("A3", "2") + Text("B3", "NA") + "<c r=\"C3\" t=\"e\"><v>#N/A</v></c></row>");

        var ds = XlsxData.ReadDataset(path, new WideCsvOptions { NumberCulture = NumberCulture.Vietnamese }).Value;

        // "92,3" is text read under the Vietnamese culture; 3339 is a numeric cell (no culture); #N/A and NA are missing.
        Assert.Equal(92.3, ds.Value("01", "lit"));
        Assert.Equal(3339, ds.Value("01", "pc"));
        Assert.Equal("2", ds.Units[1].Code);
        Assert.True(double.IsNaN(ds.Value("2", "lit")));
        Assert.True(double.IsNaN(ds.Value("2", "pc")));
    }

    [Fact]
    public void ReadDataset_BadCells_LocatedAsExcelNamesThem()
    {
        var path = Handmade("data.xlsx",
            "<row r=\"1\">" + Text("A1", "uCode") + Text("B1", "lit") + Text("C1", "pc") + "</row>"
            + "<row r=\"6\">" + Text("A6", "01") + Text("B6", "abc") + "<c r=\"C6\" t=\"b\"><v>1</v></c></row>"
            + "<row r=\"7\">" + Text("A7", "02") + "<c r=\"B7\" t=\"e\"><v>#DIV/0!</v></c>" + Number("C7", "4") + "</row>");

        var result = XlsxData.ReadDataset(path);

        Assert.False(result.Success);
        var lines = result.Report.Problems.Select(p => p.ToString()).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("data.xlsx!iData B6: [NotANumber]", lines[0], StringComparison.Ordinal);
        Assert.Contains("found abc", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("data.xlsx!iData C6: [NotANumber]", lines[1], StringComparison.Ordinal);
        Assert.Contains("found TRUE", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("data.xlsx!iData B7: [NotANumber]", lines[2], StringComparison.Ordinal);
        Assert.Contains("#DIV/0!", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDataset_BadCellInVietnamese_ExcelCellKeptMessageTranslated()
    {
        var path = Handmade("data.xlsx",
            "<row r=\"1\">" + Text("A1", "uCode") + Text("B1", "lit") + "</row>"
            + "<row r=\"6\">" + Text("A6", "01") + Text("B6", "abc") + "</row>");

        var p = Assert.Single(XlsxData.ReadDataset(path).Report.Problems);

        var vi = p.Describe(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        Assert.StartsWith("data.xlsx!iData B6: [NotANumber] Ô ở cột 2 ('lit') của đơn vị '01' không phải là số: 'abc'.", vi, StringComparison.Ordinal);
        Assert.EndsWith("(đơn vị 01, chỉ tiêu lit, cần một số (định dạng bất biến: dấu '.' thập phân, không có dấu phân cách hàng nghìn) hoặc ô trống, NA, NaN hay .., gặp abc)", vi, StringComparison.Ordinal);
        Assert.StartsWith("data.xlsx!iData B6: [NotANumber] The cell in column 2 ('lit') for unit '01' is not a number: 'abc'.", p.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDataset_FrameworkCheck_RelocatedToTheCell()
    {
        var path = Handmade("kind.xlsx",
            "<row r=\"1\">" + Text("A1", "uCode") + Text("B1", "lit") + Text("C1", "pc") + "</row>"
            + "<row r=\"2\">" + Text("A2", "01") + Number("B2", "104.2") + Number("C2", "5") + "</row>");

        var result = XlsxData.ReadDataset(path, new WideCsvOptions { Framework = SmallFramework() });

        var p = Assert.Single(result.Report.Problems);
        Assert.Equal(ProblemCode.ValueOutOfRange, p.Code);
        Assert.StartsWith("kind.xlsx!iData B2: ", p.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDataset_NotAZip_MalformedInputProblem()
    {
        var path = PathOf("fake.xlsx");
        File.WriteAllText(path, "uCode,lit\n01,5\n");

        var result = XlsxData.ReadDataset(path);

        var p = Assert.Single(result.Report.Problems);
        Assert.Equal(ProblemCode.MalformedInput, p.Code);
        Assert.Contains("not a zip archive", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDataset_NotAZipVietnamese_VietnameseMessage()
    {
        var path = PathOf("fake-vi.xlsx");
        File.WriteAllText(path, "uCode,lit\n01,5\n");

        var p = Assert.Single(XlsxData.ReadDataset(path).Report.Problems);

        Assert.Equal(
            "Tệp không phải là sổ làm việc Excel (.xlsx): tệp không phải là tệp nén zip. Hãy lưu lại từ Excel dưới dạng 'Excel Workbook (*.xlsx)', hoặc dùng một tệp CSV.",
            p.MessageIn(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
        Assert.Equal("The file is not an Excel workbook (.xlsx): it is not a zip archive. Save it from Excel as 'Excel Workbook (*.xlsx)', or give a CSV file.", p.Message);
    }

    [Fact]
    public void ReadDataset_MissingSheet_ListsTheSheets()
    {
        var path = PathOf("one.xlsx");
        XlsxData.Save(path, WideCsv.Load(new StringReader("uCode,lit\n01,5\n")));

        var result = XlsxData.ReadDataset(path, sheet: "Data2024");

        var p = Assert.Single(result.Report.Problems);
        Assert.Contains("no sheet 'Data2024'; it has 'iData'", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDataset_MissingSheetVietnamese_ListsTheSheetsInVietnamese()
    {
        var path = PathOf("one-vi.xlsx");
        XlsxData.Save(path, WideCsv.Load(new StringReader("uCode,lit\n01,5\n")));

        var p = Assert.Single(XlsxData.ReadDataset(path, sheet: "Data2024").Report.Problems);

        Assert.Equal("Sổ làm việc không có trang tính 'Data2024'; các trang tính hiện có: 'iData'.", p.MessageIn(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
    }

    [Theory]
    [InlineData("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", "outside an Excel sheet")]
    [InlineData("<row r=\"1048577\"><c><v>1</v></c></row>", "outside an Excel sheet")]
    [InlineData("<row r=\"1\"><c r=\"A1\"><v>abc</v></c></row>", "stored as a number")]
    [InlineData("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>", "shared string")]
    [InlineData("<row r=\"1\"><c r=\"A1\"><v>1</v></row>", "not well-formed XML")]
    public void ReadDataset_HostileSheet_LocatedProblemNoException(string sheetData, string expected)
    {
        var path = Handmade("hostile.xlsx", sheetData);

        var result = XlsxData.ReadDataset(path);

        var p = Assert.Single(result.Report.Problems);
        Assert.Equal(ProblemCode.MalformedInput, p.Code);
        Assert.Contains(expected, p.Message, StringComparison.Ordinal);
        Assert.StartsWith("hostile.xlsx!iData", p.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", "Tham chiếu ô 'XFE1' nằm ngoài phạm vi một trang tính Excel (A1 đến XFD1048576).")]
    [InlineData("<row r=\"1048577\"><c><v>1</v></c></row>", "Số hàng '1048577' nằm ngoài phạm vi một trang tính Excel (hàng 1 đến 1048576).")]
    [InlineData("<row r=\"1\"><c r=\"A1\"><v>abc</v></c></row>", "Ô A1 được lưu dưới dạng số nhưng chứa 'abc'.")]
    [InlineData("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>", "Ô A1 tham chiếu tới chuỗi dùng chung '7', nhưng sổ làm việc không có chuỗi này.")]
    [InlineData("<row r=\"1\"><c r=\"A1\" t=\"q\"><v>7</v></c></row>", "Ô A1 có kiểu dữ liệu không xác định 'q'.")]
    public void ReadDataset_HostileSheetVietnamese_VietnameseMessage(string sheetData, string expected)
    {
        var path = Handmade("hostile-vi.xlsx", sheetData);

        var p = Assert.Single(XlsxData.ReadDataset(path).Report.Problems);

        Assert.Equal(expected, p.MessageIn(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
    }

    [Fact]
    public void ReadDataset_Dtd_Refused()
    {
        var path = Handmade("dtd.xlsx", string.Empty);
        Rewrite(path, "xl/worksheets/sheet1.xml", _ =>
            "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>");

        var p = Assert.Single(XlsxData.ReadDataset(path).Report.Problems);

        Assert.Equal(ProblemCode.MalformedInput, p.Code);
    }

    [Fact]
    public void Open_PartLargerThanTheBound_Refused()
    {
        var bytes = TableWorkbook.ToBytes([XlsxData.DataTable(WideCsv.Load(new StringReader("uCode,lit\n01,5\n02,6\n")))]);
        var ex = Assert.Throws<XlsxFormatException>(() => XlsxReader.Open(new MemoryStream(bytes), maxPartBytes: 300));

        Assert.Contains("bytes uncompressed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDataset_ZipBomb_StopsAtTheBound()
    {
        // 300 MiB of blanks inside the sheet compress to about 300 KiB; the declared size is over the 256 MiB bound.
        var path = PathOf("bomb.xlsx");
        TableWorkbook.Save(path, [Table.Create(string.Empty, [TableColumn.Text("uCode", "uCode")], [Table.Row("x")], name: "iData")]);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            var head = Encoding.UTF8.GetBytes($"<worksheet xmlns=\"{Main}\"><sheetData>");
            s.Write(head);
            var blanks = new byte[1 << 20];
            Array.Fill(blanks, (byte)' ');
            for (var i = 0; i < 300; i++)
            {
                s.Write(blanks);
            }
        }

        var p = Assert.Single(XlsxData.ReadDataset(path).Report.Problems);

        Assert.Equal(ProblemCode.MalformedInput, p.Code);
        Assert.Contains("uncompressed", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yyyy-mm-dd", true)]
    [InlineData("[$-409]d/m/yy h:mm AM/PM", true)]
    [InlineData("0.00", false)]
    [InlineData("0.00\" days\"", false)]
    [InlineData("[Red]0.00", false)]
    public void IsDateFormat_Code_Expected(string code, bool expected)
    {
        Assert.Equal(expected, XlsxReader.IsDateFormat(code));
    }

    [Fact]
    public void ReadMeta_AsemCsvAndSheet_SameProblemsAtTheirCells()
    {
        var path = PathOf("meta.xlsx");
        var bad = Table.Create(string.Empty,
            new[] { "iCode", "iName", "Level", "Parent", "Direction", "Weight", "Type" }.Select(h => h is "Level" or "Direction" or "Weight" ? TableColumn.Number(h, h) : TableColumn.Text(h, h)),
            [Table.Row("idx", "Index", 2, null, 1, 1, "Aggregate"), Table.Row("a", "A", 1, "idx", 1, double.NaN, "Indicator"), Table.Row("b", "B", 1, "idx", 3, 1, "Indicator")],
            name: "iMeta");
        TableWorkbook.Save(path, [bad]);

        var result = XlsxData.ReadMeta(path);

        var lines = result.Report.Problems.Select(p => p.ToString()).ToArray();
        Assert.Contains(lines, l => l.StartsWith("meta.xlsx!iMeta F3: [MissingValue]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("meta.xlsx!iMeta E4: [UnknownValue]", StringComparison.Ordinal));
    }
}
