using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed partial class IctIndexCliTests
{
    private static readonly string AsemData = RepositoryPaths.Get("tests/ProvinceIct.Indicators.Tests/TestData/coinr/ASEM_iData.csv");
    private static readonly string AsemMeta = RepositoryPaths.Get("tests/ProvinceIct.Indicators.Tests/TestData/coinr/ASEM_iMeta.csv");

    [Fact]
    public void Compute_AsemFormatXlsx_WorkbookOfEveryStageReadsBack()
    {
        var book = Path.Combine(Dir, "asem.xlsx");

        var (code, output, err) = Run("compute", "--data", AsemData, "--meta", AsemMeta, "--format", "xlsx", "--output", book);

        Assert.True(code == 0, err);
        Assert.Equal(string.Empty, output);
        Assert.Equal(["Raw data", "Normalised data", "Scores", "Ranks", "Weights", "iMeta", "Notes"], XlsxData.ReadSheetNames(book).Value);

        // The raw sheet is iData again, and the iMeta sheet the metadata: computing from them gives the same index.
        var meta = XlsxData.ReadMeta(book).Value;
        var raw = XlsxData.ReadDataset(book, new WideCsvOptions { GroupColumns = [.. meta.GroupCodes] }, sheet: "Raw data").Value;
        var expected = IndexCalculator.Compute(Methodology.Create(meta.Framework.IndexCode, "ASEM", meta.Framework), raw);
        var fromCsv = MetaCsv.Load(AsemMeta);
        var direct = IndexCalculator.Compute(Methodology.Create(fromCsv.Framework.IndexCode, "ASEM", fromCsv.Framework), WideCsv.Load(AsemData, new WideCsvOptions { GroupColumns = [.. fromCsv.GroupCodes] }));
        Assert.Equal(direct.IndexScores.ToArray(), expected.IndexScores.ToArray());

        // The Scores sheet holds the index score of every unit as a number cell.
        using var reader = XlsxReader.Open(File.OpenRead(book));
        var rows = reader.Rows("Scores").ToList();
        var header = rows[0].Cells.Select(c => c.Text).ToList();
        var indexColumn = header.IndexOf(direct.IndexCode);
        Assert.True(indexColumn > 1);
        var first = rows[1].Cells.Single(c => c.Column == indexColumn);
        Assert.Equal(XlsxCellKind.Number, first.Kind);
        Assert.Equal(direct.Score(rows[1].Cells[0].Text), first.Number);
    }

    [Fact]
    public void Compute_ImputedFormatXlsx_TreatedDataAndTreatmentLogSheets()
    {
        var book = Path.Combine(Dir, "tiny.xlsx");

        var (code, _, err) = Run("compute", "--data", Write("data.csv", Data), "--meta", Write("meta.csv", Meta), "--impute", "mean", "--format", "xlsx", "--output", book);

        Assert.True(code == 0, err);
        var sheets = XlsxData.ReadSheetNames(book).Value;
        Assert.Equal(["Raw data", "Treated data", "Normalised data", "Scores", "Ranks", "Weights", "Treatment log", "iMeta", "Notes"], sheets);

        // B's missing i3 is imputed with the mean of 5 and 15 = 10 in the treated data; the raw data keep it missing.
        var treated = XlsxData.ReadDataset(book, sheet: "Treated data").Value;
        Assert.Equal(10, treated.Value("B", "i3"));
        Assert.True(double.IsNaN(XlsxData.ReadDataset(book, sheet: "Raw data").Value.Value("B", "i3")));
    }

    [Fact]
    public void Compute_FormatXlsxToStdout_UsageErrorAskingForOutput()
    {
        var (code, output, err) = Run("compute", "--data", AsemData, "--meta", AsemMeta, "--format", "xlsx");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--output", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void Compute_DataWorkbookWithIMeta_SameRankingAsTheCsvFiles()
    {
        var meta = MetaCsv.Load(AsemMeta);
        var book = Path.Combine(Dir, "coinr.xlsx");
        XlsxData.Save(book, WideCsv.Load(AsemData, new WideCsvOptions { GroupColumns = [.. meta.GroupCodes] }), meta);

        var fromCsv = Run("compute", "--data", AsemData, "--meta", AsemMeta, "--format", "csv");
        var fromBook = Run("compute", "--data", book, "--format", "csv");

        Assert.Equal(0, fromBook.Code);
        Assert.Equal(fromCsv.Out, fromBook.Out);
    }

    [Fact]
    public void Compute_DataWorkbookBadCell_InvalidInputNamingTheCell()
    {
        var meta = Write("meta.csv", Meta);
        var book = Path.Combine(Dir, "data.xlsx");
        var table = Table.Create(string.Empty,
            [TableColumn.Text("uCode", "uCode"), TableColumn.Number("i1", "i1"), TableColumn.Text("i2", "i2"), TableColumn.Number("i3", "i3")],
            [Table.Row("A", 0, "10", 5), Table.Row("B", 5, "twenty", double.NaN), Table.Row("C", 10, "30", 15)],
            name: "iData");
        TableWorkbook.Save(book, [table]);

        var (code, _, err) = Run("compute", "--data", book, "--meta", meta);

        Assert.Equal(3, code);
        Assert.Contains("data.xlsx!iData C3", err, StringComparison.Ordinal);
        Assert.Contains("twenty", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DataNotAWorkbook_InvalidInputNoStackTrace()
    {
        var meta = Write("meta.csv", Meta);
        var fake = Write("fake.xlsx", Data);

        var (code, _, err) = Run("compute", "--data", fake, "--meta", meta);

        Assert.Equal(3, code);
        Assert.Contains("not a zip archive", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }
}
