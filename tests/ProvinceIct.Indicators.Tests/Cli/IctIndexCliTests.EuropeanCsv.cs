namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>CSV as Vietnamese and European Excel saves it: --delimiter, --culture; data keyed by province name.</summary>
public sealed partial class IctIndexCliTests
{
    // Data's values written the Vietnamese way, semicolon-separated, as Excel saves "CSV" under Vietnamese settings.
    private const string VietnameseData = """
        uCode;uName;Group_region;i1;i2;i3
        A;Alpha;North;0;10;5
        B;Bravo;South;5,0;20;NA
        C;Charlie;South;10;30;15
        """;

    [Fact]
    public void Compute_SemicolonVietnameseCsvWithCultureVi_SameAsTheCommaFile()
    {
        var meta = Write("meta.csv", Meta);
        var (c1, fromComma, _) = Run("compute", "--data", Write("data.csv", Data), "--meta", meta, "--format", "csv");
        var (c2, fromSemicolon, err) = Run("compute", "--data", Write("vi.csv", VietnameseData), "--meta", meta, "--culture", "vi", "--format", "csv");

        Assert.Equal(0, c1);
        Assert.True(c2 == 0, err);
        Assert.Equal(fromComma, fromSemicolon);
    }

    [Fact]
    public void Compute_SemicolonMetaAndDataDetected_Computes()
    {
        var (code, output, err) = Run("compute", "--data", Write("vi.csv", VietnameseData), "--meta", Write("meta.csv", Meta.Replace(',', ';')), "--culture", "vi");
        Assert.True(code == 0, err);
        Assert.Contains("Charlie", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ThousandsDotWithoutCultureVi_LocatedNotANumber()
    {
        var (code, _, err) = Run("compute", "--data", Write("vi.csv", VietnameseData.Replace("5,0", "5,5", StringComparison.Ordinal)), "--meta", Write("meta.csv", Meta));
        Assert.Equal(3, code);
        Assert.Contains("vi.csv:3:4: ", err, StringComparison.Ordinal);
        Assert.Contains("found 5,5", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DelimiterCommaOnSemicolonFile_ErrorSaysSemicolons()
    {
        var (code, _, err) = Run("compute", "--data", Write("vi.csv", VietnameseData), "--meta", Write("meta.csv", Meta), "--delimiter", "comma");
        Assert.Equal(3, code);
        Assert.Contains("likely separated by semicolons, not commas (ictindex: --delimiter)", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--delimiter", "pipe", "--delimiter must be auto, comma, semicolon or tab; found 'pipe'.")]
    [InlineData("--culture", "fr", "--culture must be invariant or vi; found 'fr'.")]
    [InlineData("--geography", "2020", "--geography must be 2016 or 2025; found '2020'.")]
    public void Compute_BadReadingOption_UsageError(string option, string value, string message)
    {
        var (code, _, err) = Run("compute", "--data", Write("data.csv", Data), "--meta", Write("meta.csv", Meta), option, value);
        Assert.Equal(2, code);
        Assert.Equal("error: " + message, err.Trim());
    }

    [Fact]
    public void Compute_Dti2022DataKeyedByProvinceName_MatchedThroughTheCatalogue()
    {
        var sample = Path.Combine(Dir, "d.csv");
        Assert.Equal(0, Run("sample", "--preset", "dti-2022", "--output", sample).Code);
        var byCode = File.ReadAllLines(sample);

        // The same data with the province's name (uName) as its key, in a Tỉnh/Thành phố column, and no uCode.
        var header = byCode[0].Split(',');
        var byName = new[] { "Tỉnh/Thành phố," + string.Join(',', header.Skip(2)) }
            .Concat(byCode.Skip(1).Select(l => string.Join(',', l.Split(',').Skip(1))));
        var named = Path.Combine(Dir, "named.csv");
        File.WriteAllLines(named, byName);

        var (c1, expected, _) = Run("compute", "--preset", "dti-2022", "--data", sample, "--format", "csv");
        var (c2, actual, err) = Run("compute", "--preset", "dti-2022", "--data", named, "--format", "csv");

        Assert.Equal(0, c1);
        Assert.True(c2 == 0, err);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Compute_UnknownProvinceName_ErrorListsCandidates()
    {
        var (code, _, err) = Run("compute", "--preset", "dti-2022", "--data", Write("n.csv", "Province,x\nDa Nang,1\nBinh Phuc,2\n"));
        Assert.Equal(3, code);
        Assert.Contains("n.csv:3:1: ", err, StringComparison.Ordinal);
        Assert.Contains("did you mean 70 Bình Phước", err, StringComparison.Ordinal);
    }
}
