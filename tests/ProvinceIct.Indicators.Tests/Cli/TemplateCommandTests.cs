using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary><c>ictindex template</c>: the data-collection workbook, and reading it back with compute.</summary>
public sealed class TemplateCommandTests : CliRunner
{
    [Fact]
    public void Template_Dti2022_WritesSixtyThreeProvincesAndSaysHowToReadItBack()
    {
        var book = Path.Combine(Dir, "template.xlsx");

        var (code, output, err) = Run("template", "--preset", "dti-2022", "--output", book);

        Assert.True(code == 0, err);
        Assert.Contains("63 provinces (2016 geography) x 8 indicators", output, StringComparison.Ordinal);
        Assert.Contains("ictindex compute --data template.xlsx --preset dti-2022", output, StringComparison.Ordinal);
        Assert.Equal(["Hướng dẫn - Instructions", "iData", "Chỉ số - Indicators"], XlsxData.ReadSheetNames(book).Value);
    }

    [Fact]
    public void Template_Dti2024_Uses2025Geography()
    {
        var book = Path.Combine(Dir, "t.xlsx");

        var (code, output, err) = Run("template", "--preset", "dti-2024", "--output", book);

        Assert.True(code == 0, err);
        Assert.Contains("34 provinces (2025 geography)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_PrefilledWithSample_ComputeReadsItBackAsTheSampleRanks()
    {
        var data = Path.Combine(Dir, "d.csv");
        var book = Path.Combine(Dir, "filled.xlsx");
        Assert.Equal(0, Run("sample", "--preset", "dti-2022", "--output", data).Code);

        var (code, _, err) = Run("template", "--preset", "dti-2022", "--prefill", data, "--output", book);
        Assert.True(code == 0, err);
        var (c1, fromBook, e1) = Run("compute", "--preset", "dti-2022", "--data", book, "--format", "csv");
        var (c2, fromCsv, _) = Run("compute", "--preset", "dti-2022", "--data", data, "--format", "csv");

        Assert.True(c1 == 0, e1);
        Assert.Equal(0, c2);
        // Every row of the five sample provinces (ranks, scores) is the same; the other 58 rows are empty in the template.
        Assert.All(fromCsv.Split('\n').Where(l => l.Length > 0), l => Assert.Contains(l, fromBook, StringComparison.Ordinal));
    }

    [Fact]
    public void Template_NoPresetNorMeta_UsageError()
    {
        var (code, _, err) = Run("template", "--output", Path.Combine(Dir, "t.xlsx"));
        Assert.Equal(2, code);
        Assert.Contains("Give exactly one of --preset NAME or --meta FILE.", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_CsvOutput_UsageErrorAsksForXlsx()
    {
        var (code, _, err) = Run("template", "--preset", "dti-2022", "--output", Path.Combine(Dir, "t.csv"));
        Assert.Equal(2, code);
        Assert.Contains("give a file ending in .xlsx", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Dir, "t.csv")));
    }

    [Fact]
    public void Run_OutputNotXlsxVietnamese_VietnameseAndEnglish()
    {
        var target = Path.Combine(Dir, "t.csv");
        var (code, _, err) = Run("template", "--preset", "dti-2022", "--output", target, "--language", "vi");
        Assert.Equal(2, code);
        Assert.Equal("lỗi: --output: mẫu nhập liệu là một sổ tính Excel; hãy cho một tệp có đuôi .xlsx (nhận được 't.csv').\n", err);
        var (englishCode, _, englishErr) = Run("template", "--preset", "dti-2022", "--output", target);
        Assert.Equal(2, englishCode);
        Assert.Equal("error: --output: a template is an Excel workbook; give a file ending in .xlsx (found 't.csv').\n", englishErr);
    }

    [Fact]
    public void Run_TemplateVietnamese_WroteLineInVietnamese()
    {
        var book = Path.Combine(Dir, "mau.xlsx");
        var (code, output, err) = Run("template", "--preset", "dti-2022", "--output", book, "--language", "vi");
        Assert.True(code == 0, err);
        Assert.StartsWith("đã ghi " + book + ": 63 tỉnh/thành phố (địa giới hành chính 2016) x 8 chỉ tiêu của ", output, StringComparison.Ordinal);
        Assert.Contains("hãy điền trang iData, rồi chạy: ictindex compute --data mau.xlsx --preset dti-2022", output, StringComparison.Ordinal);
    }
}
