namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary><c>--csv-injection</c>: text cells a spreadsheet would run as formulas, in the CLI's CSV output.</summary>
public sealed partial class IctIndexCliTests
{
    private string DtiWithFormulaName()
    {
        var data = Path.Combine(Dir, "dti.csv");
        File.WriteAllText(data, "uCode,uName,nhan_thuc_so,the_che_so,ha_tang_so,nhan_luc_so,an_toan_thong_tin_mang,hoat_dong_cqs,hoat_dong_kts,hoat_dong_xhs\n" +
            "48,=HYPERLINK(\"http://x\"),1.0000,0.9000,0.8253,0.8487,0.7578,0.8575,0.7836,0.5197\n79,-1+2,0.8917,0.9000,0.8258,0.6267,0.5580,0.8406,0.7611,0.3590\n");
        return data;
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("long-csv")]
    public void Compute_FormulaUnitNameDefault_NeutralisedWithApostrophe(string format)
    {
        var (code, output, err) = Run("compute", "--preset", "dti-2022", "--data", DtiWithFormulaName(), "--format", format);
        Assert.True(code == 0, err);
        Assert.Contains("48,\"'=HYPERLINK(\"\"http://x\"\")\",", output, StringComparison.Ordinal);
        Assert.Contains("79,\"'-1+2\",", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_FormulaUnitNameNone_WrittenAsIs()
    {
        var (code, output, err) = Run("compute", "--preset", "dti-2022", "--data", DtiWithFormulaName(), "--format", "csv", "--csv-injection", "none");
        Assert.True(code == 0, err);
        Assert.Contains("48,\"=HYPERLINK(\"\"http://x\"\")\",", output, StringComparison.Ordinal);
        Assert.Contains("79,-1+2,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_CsvInjectionUnknownValue_Exit2()
    {
        var (code, _, _) = Run("compute", "--preset", "dti-2022", "--data", DtiWithFormulaName(), "--format", "csv", "--csv-injection", "strip");
        Assert.Equal(2, code);
    }
}
