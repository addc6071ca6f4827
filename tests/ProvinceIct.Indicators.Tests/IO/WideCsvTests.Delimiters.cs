using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Tests.IO;

/// <summary>CSV as Vietnamese and European Excel saves it (<see cref="WideCsvOptions.DelimiterPolicy"/>), and data keyed by province name.</summary>
public partial class WideCsvTests
{
    private static readonly WideCsvOptions Detect = Named with { DelimiterPolicy = CsvDelimiterPolicy.Detect };

    [Fact]
    public void Read_SemicolonVietnameseNumbersDetected_ReadAsVietnamese()
    {
        // 15,875 = 15.875; 3.339 = 3339 (a thousands dot); 92,3% = 92.3 (percent scale).
        var ds = Read("uCode;uName;a;b;c\nA;Alpha;15,875;3.339;92,3%\nB;Bravo;1,5;12;7%\n", Detect with { NumberCulture = NumberCulture.Vietnamese }).Value;
        Assert.Equal(["a", "b", "c"], ds.IndicatorCodes.ToArray());
        Assert.Equal((15.875, 3339, 92.3), (ds.Value("A", "a"), ds.Value("A", "b"), ds.Value("A", "c")));
        Assert.Equal((1.5, 12, 7), (ds.Value("B", "a"), ds.Value("B", "b"), ds.Value("B", "c")));
    }

    [Fact]
    public void Read_TabSeparatedDetected_ReadAsTabs()
    {
        var ds = Read("uCode\tuName\tx\nA\tAlpha, the first\t1.5\n", Detect).Value;
        Assert.Equal("Alpha, the first", ds.Units[0].Name);
        Assert.Equal(1.5, ds.Value("A", "x"));
    }

    [Fact]
    public void Read_CommaFileWithSemicolonInAHeaderDetected_CommaSplitsOffUCode()
    {
        // Split on ';' the first field would be 'uCode,a' (no unit code column); on ',' it is uCode.
        var ds = Read("uCode,a;b\nA,1\n", Detect).Value;
        Assert.Equal(["a;b"], ds.IndicatorCodes.ToArray());
    }

    [Fact]
    public void Read_AmbiguousHeaderDetected_UnsupportedInputNamingBothCandidates()
    {
        var p = Assert.Single(Read("code,name;value\nA,1;2\n", Detect).Report.Problems);
        Assert.Equal(ProblemCode.UnsupportedInput, p.Code);
        Assert.Equal(("data.csv", 1), (p.Source, p.Row));
        Assert.Equal("The delimiter of the header line is ambiguous: comma gives 2 columns (code | name;value); semicolon gives 2 columns (code,name | value).", p.Message);
        Assert.Equal("comma, semicolon", p.Found);
    }

    [Fact]
    public void Read_SemicolonFileReadWithComma_NoUnitCodeColumnSaysSemicolons()
    {
        var p = Assert.Single(Read("uCode;uName;x\nA;Alpha;1\n").Report.Problems);
        Assert.Equal(ProblemCode.MissingColumn, p.Code);
        Assert.Contains("likely separated by semicolons, not commas", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SemicolonFileByPathDetected_ReadAndStreamed()
    {
        var path = Path.Combine(Path.GetTempPath(), "semicolon-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "uCode;x\nA;2,5\n");
        try
        {
            var ds = WideCsv.Read(path, Detect with { NumberCulture = NumberCulture.Vietnamese }).Value;
            Assert.Equal(2.5, ds.Value("A", "x"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("Tỉnh/Thành phố")]
    [InlineData("Province")]
    [InlineData("TỈNH, THÀNH PHỐ")]
    [InlineData("Tên tỉnh")]
    public void Read_ProvinceNameColumnWithoutUCode_MatchedThroughTheCatalogue(string header)
    {
        var ds = Read($"\"{header}\",x\nTP. Hồ Chí Minh,1\nBinh Phuoc,2\n").Value;
        Assert.Equal(["79", "70"], ds.Units.Select(u => u.Code));
        Assert.Equal("Bình Phước", ds.Units[1].Name);
        Assert.Equal(2, ds.Value("70", "x"));
    }

    [Fact]
    public void Read_ProvinceNameColumnIn2025_MatchedInThatGeography()
    {
        var p = Assert.Single(Read("Province,x\nBình Phước,1\n", Named with { ProvinceColumnGeography = ProvinceGeography.Provinces2025 }).Report.Problems);
        Assert.Equal(ProblemCode.UnknownValue, p.Code);
        Assert.Contains("did you mean 75 Đồng Nai?", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownProvinceNameInProvinceColumn_ListsCandidatesWithLineAndColumn()
    {
        var p = Assert.Single(Read("Tỉnh/Thành phố,x\nHà Nội,1\nBinh Phuc,2\n").Report.Problems);
        Assert.Equal(ProblemCode.UnknownValue, p.Code);
        Assert.Equal((3, 1), (p.Row, p.Column));
        Assert.Contains("did you mean 70 Bình Phước", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UCodeAndProvinceColumns_ProvinceColumnIsTheName()
    {
        var ds = Read("uCode,Province,x\nHN,Hà Nội,1\n").Value;
        Assert.Equal(("HN", "Hà Nội"), (ds.Units[0].Code, ds.Units[0].Name));
        Assert.Equal(["x"], ds.IndicatorCodes.ToArray());
    }

    [Fact]
    public void Read_SemicolonProvinceFileDetected_ProvinceColumnIsTheKey()
    {
        var ds = Read("Tỉnh/Thành phố;x\nĐà Nẵng;3,5\n", Detect with { NumberCulture = NumberCulture.Vietnamese }).Value;
        Assert.Equal("48", ds.Units[0].Code);
        Assert.Equal(3.5, ds.Value("48", "x"));
    }
}
