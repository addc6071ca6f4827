using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Tests.IO;

public sealed class DataTemplateTests : IDisposable
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly string _dir = Directory.CreateTempSubdirectory("data-template").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    /// <summary>lit: percent [0, 100]; pc: count (whole, >= 0); sc: score [1, 7]; gdp: real, denominated by pop.</summary>
    private static Framework SmallFramework() => Framework.Create(
    [
        FrameworkNode.Aggregate("idx", "Index"),
        FrameworkNode.ForIndicator(IndicatorDefinition.Create("lit", "Literacy", IndicatorKind.Percent, nameVi: "Tỷ lệ biết chữ", unit: "%"), "idx"),
        FrameworkNode.ForIndicator(IndicatorDefinition.Create("pc", "Computers", IndicatorKind.Count), "idx"),
        FrameworkNode.ForIndicator(IndicatorDefinition.Create("sc", "Score", IndicatorKind.BoundedScore(1, 7)), "idx"),
        FrameworkNode.ForIndicator(IndicatorDefinition.Create("gdp", "GDP", IndicatorKind.Real) with { DenominatorCode = "pop" }, "idx"),
    ]);

    private static Unit[] ThreeUnits() => [Unit.Create("01", "Hà Nội", "Ha Noi"), Unit.Create("79", "TP. Hồ Chí Minh", "Ho Chi Minh City"), Unit.Create("48", "Đà Nẵng", "Da Nang")];

    private static XDocument Part(byte[] book, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(book), ZipArchiveMode.Read);
        using var s = zip.GetEntry(part)!.Open();
        return XDocument.Load(s);
    }

    [Fact]
    public void ToBytes_SmallFramework_SheetsInstructionsDataIndicators()
    {
        var path = PathOf("t.xlsx");
        File.WriteAllBytes(path, DataTemplate.ToBytes(SmallFramework(), ThreeUnits()));

        Assert.Equal(["Hướng dẫn - Instructions", "iData", "Chỉ số - Indicators"], XlsxData.ReadSheetNames(path).Value);
    }

    [Fact]
    public void ToBytes_SmallFramework_DataValidationPerIndicatorColumnOnTheUnitRows()
    {
        var sheet = Part(DataTemplate.ToBytes(SmallFramework(), ThreeUnits()), "xl/worksheets/sheet2.xml");

        // Columns: A uCode, B uName, C uNameEn, D lit, E pc, F sc, G gdp, H pop; unit rows 5 to 7 (four header rows).
        var rules = sheet.Root!.Element(Main + "dataValidations")!.Elements(Main + "dataValidation").ToList();
        Assert.Equal("5", sheet.Root!.Element(Main + "dataValidations")!.Attribute("count")!.Value);
        string Describe(XElement v) => string.Join("|", v.Attribute("sqref")!.Value, v.Attribute("type")!.Value, (string?)v.Attribute("operator") ?? "between",
            v.Element(Main + "formula1")!.Value, (string?)v.Element(Main + "formula2") ?? "-", v.Attribute("allowBlank")!.Value);
        Assert.Equal(
            [
                "D5:D7|decimal|between|0|100|1",
                "E5:E7|whole|greaterThanOrEqual|0|-|1",
                "F5:F7|decimal|between|1|7|1",
                "G5:G7|decimal|between|-9.99E+307|9.99E+307|1",
                "H5:H7|decimal|greaterThanOrEqual|5E-324|-|1",
            ],
            rules.Select(Describe));
        Assert.Equal("Tỷ lệ biết chữ / Literacy (%). Phần trăm trong [0, 100] / A percent in [0, 100]. Để trống nếu không có số liệu. / Leave blank when missing.", rules[0].Attribute("prompt")!.Value);
        Assert.Equal("Giá trị phải là phần trăm trong [0, 100]. / The value must be a percent in [0, 100].", rules[0].Attribute("error")!.Value);

        // The rules follow the cells, as the schema orders a worksheet's children.
        Assert.Equal("dataValidations", sheet.Root!.Elements().Last().Name.LocalName);
    }

    [Fact]
    public void ToBytes_SmallFramework_NoteRowsWithNamesAndUnitsAndFrozenPane()
    {
        var sheet = Part(DataTemplate.ToBytes(SmallFramework(), ThreeUnits()), "xl/worksheets/sheet2.xml");

        var rows = sheet.Descendants(Main + "row").Select(r => r.Elements(Main + "c").Select(c => c.Value).ToArray()).ToList();
        Assert.Equal(["uCode", "uName", "uNameEn", "lit", "pc", "sc", "gdp", "pop"], rows[0]);
        Assert.Equal(["#vi", "Tên chỉ số (tiếng Việt)", "Tên tiếng Anh ở dòng dưới", "Tỷ lệ biết chữ", "Computers", "Score", "GDP", "Mẫu số pop"], rows[1]);
        Assert.Equal(["#en", "Indicator name (English)", "Names in the row above are Vietnamese", "Literacy", "Computers", "Score", "GDP", "Denominator pop"], rows[2]);
        Assert.Equal("%; phần trăm trong [0, 100] / a percent in [0, 100]", rows[3][3]);
        Assert.Equal(["01", "Hà Nội", "Ha Noi"], rows[4]);
        var pane = sheet.Descendants(Main + "pane").Single();
        Assert.Equal(("2", "4", "C5", "frozen"), (pane.Attribute("xSplit")!.Value, pane.Attribute("ySplit")!.Value, pane.Attribute("topLeftCell")!.Value, pane.Attribute("state")!.Value));
    }

    [Fact]
    public void ToBytes_SmallFramework_OpenXmlSdkReadsItWithoutSchemaErrors()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(DataTemplate.ToBytes(SmallFramework(), ThreeUnits())), isEditable: false);

        var errors = new OpenXmlValidator().Validate(doc).Select(e => e.Path?.XPath + ": " + e.Description).ToList();
        Assert.Empty(errors);
        var book = doc.WorkbookPart!;
        var data = book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "iData");
        var part = (WorksheetPart)book.GetPartById(data.Id!);
        var rules = part.Worksheet.Elements<DataValidations>().Single().Elements<DataValidation>().ToList();
        Assert.Equal(5, rules.Count);
        Assert.Equal(DataValidationValues.Decimal, rules[0].Type!.Value);
        Assert.Equal("D5:D7", rules[0].SequenceOfReferences!.InnerText);
        Assert.Equal("100", rules[0].Formula2!.Text);
        Assert.Equal(DataValidationValues.Whole, rules[1].Type!.Value);
        Assert.Equal(DataValidationOperatorValues.GreaterThanOrEqual, rules[1].Operator!.Value);
    }

    [Fact]
    public void Save_Dti2022Provinces_OneRowPerProvinceOneColumnPerIndicator()
    {
        var path = PathOf("dti.xlsx");
        var framework = PresetCatalog.Get("dti-2022").Framework;

        DataTemplate.Save(path, framework, DataTemplate.Provinces(ProvinceGeography.Provinces2016));

        // Read back empty: 63 units (note rows skipped), every indicator column, every value missing.
        var read = XlsxData.ReadDataset(path, new WideCsvOptions { Framework = framework }).Value;
        Assert.Equal(63, read.UnitCount);
        Assert.Equal(framework.Indicators.Select(d => d.Code), read.IndicatorCodes);
        Assert.All(read.IndicatorCodes, c => Assert.All(read.Column(c).ToArray(), x => Assert.True(double.IsNaN(x))));
        Assert.Equal("Hà Nội", read.Units[0].Name);
        Assert.Equal("01", read.Units[0].Code);
    }

    [Fact]
    public void Save_PrefilledWithDti2022Sample_ReadsBackTheSameValues()
    {
        var info = PresetCatalog.Info("dti-2022");
        var sample = info.Sample!;
        var path = PathOf("filled.xlsx");

        DataTemplate.Save(path, info.Methodology.Framework, DataTemplate.Provinces(info.Geography), sample);

        var read = XlsxData.ReadDataset(path, new WideCsvOptions { Framework = info.Methodology.Framework }).Value;
        foreach (var u in sample.Units)
        {
            foreach (var c in sample.IndicatorCodes)
            {
                // Bitwise: the template holds the doubles at full precision.
                Assert.Equal(sample.Value(u.Code, c), read.Value(u.Code, c));
            }
        }
    }

    [Fact]
    public void Save_FilledWithInvalidValues_EveryCellReportedWithSheetRowAndColumn()
    {
        var framework = SmallFramework();
        var units = ThreeUnits();

        // lit 150 (row 5, D), pc 2.5 (row 6, E), sc 0 (row 7, F): each outside its kind.
        var bad = Dataset.Create(units, ["lit", "pc", "sc", "gdp", "pop"], new double[,] { { 150, 1, 2, 3, 4 }, { 50, 2.5, 2, 3, 4 }, { 50, 1, 0, 3, 4 } });
        var path = PathOf("bad.xlsx");
        DataTemplate.Save(path, framework, units, bad);

        var read = XlsxData.ReadDataset(path, new WideCsvOptions { Framework = framework });

        Assert.False(read.Success);
        var lines = read.Report.Problems.Select(p => p.ToString()).ToList();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("bad.xlsx!iData D5: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("a percent in [0, 100]", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("bad.xlsx!iData E6: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("bad.xlsx!iData F7: ", lines[2], StringComparison.Ordinal);
        Assert.All(read.Report.Problems, p => Assert.Equal(ProblemCode.ValueOutOfRange, p.Code));
    }

    [Fact]
    public void ToBytes_NoUnits_Throws()
    {
        Assert.Throws<ArgumentException>(() => DataTemplate.ToBytes(SmallFramework(), []));
    }

    [Fact]
    public void ToBytes_DuplicateUnitCode_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => DataTemplate.ToBytes(SmallFramework(), [Unit.Create("01", "A"), Unit.Create("01", "B")]));
        Assert.Contains("'01'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("count", "số nguyên không âm (số đếm)")]
    [InlineData("percent", "phần trăm trong [0, 100]")]
    [InlineData("rate", "tỷ lệ không âm trên 10,000 người")]
    [InlineData("score", "điểm trong [0, 10]")]
    [InlineData("service", "mức độ 1, 2, 3 hoặc 4")]
    public void ExpectedVi_Kind_VietnameseText(string kind, string expected)
    {
        var k = kind switch
        {
            "count" => IndicatorKind.Count,
            "percent" => IndicatorKind.Percent,
            "rate" => IndicatorKind.RatePer(10_000),
            "score" => IndicatorKind.BoundedScore(0, 10),
            _ => IndicatorKind.ServiceLevel,
        };
        Assert.Equal(expected, DataTemplate.ExpectedVi(k));
    }
}
