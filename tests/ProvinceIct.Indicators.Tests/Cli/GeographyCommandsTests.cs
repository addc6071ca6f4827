using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed class GeographyCommandsTests : CliRunner
{
    [Theory]
    [InlineData("binh phuoc", "2016", "70 Bình Phước")]
    [InlineData("TPHCM", "2016", "79 Hồ Chí Minh")]
    [InlineData("VN-58", "2016", "70 Bình Phước")]
    [InlineData("Huế", "2025", "46 Huế")]
    public void Match_KnownSpelling_PrintsCodeAndName(string name, string geography, string expected)
    {
        var (code, output, _) = Run("match", name, "--geography", geography);
        Assert.Equal(0, code);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public void Match_MergedName2025_FailsNamingSuccessor()
    {
        var (code, _, err) = Run("match", "Bình Phước", "--geography", "2025");
        Assert.NotEqual(0, code);
        Assert.Contains("Đồng Nai", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_BinhPhuoc2025_ExplainsTheSuccessionWithoutNamingAMethod()
    {
        var (code, _, err) = Run("match", "Binh Phuoc", "--geography", "2025");
        Assert.Equal(3, code);
        Assert.Contains("which was merged into 75 Đồng Nai on 1 July 2025", err, StringComparison.Ordinal);
        Assert.Contains("hint: for data from before 1 July 2025, match in the 2016 geography: ictindex match \"Binh Phuoc\" --geography 2016 (gives 70 Bình Phước)", err, StringComparison.Ordinal);
        Assert.DoesNotContain("MatchSuccessor", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_Unknown_ListsCandidates()
    {
        var (code, _, err) = Run("match", "Binh Phuc");
        Assert.Equal(3, code);
        Assert.Contains("candidates: 70 Bình Phước", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2016", 63)]
    [InlineData("2025", 34)]
    public void Provinces_Csv_ListsEveryUnit(string geography, int count)
    {
        var (code, output, _) = Run("provinces", "--geography", geography, "--format", "csv");
        Assert.Equal(0, code);
        Assert.Equal(count + 1, output.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void Provinces_Table_ShowsSuccessor() =>
        Assert.Contains("Bình Phước", Run("provinces").Out, StringComparison.Ordinal);

    [Fact]
    public void Remap_SumAndWeightedMean_WritesThe34Units()
    {
        // Every 2016 province with population 10 and computers = its GSO code number; urban % 50,
        // except 70 Bình Phước (population 30, urban 10 %) which merges with 75 Đồng Nai (population 10, urban 50 %).
        var codes = Indicators.Geography.ProvinceCatalog.Default.Provinces(Indicators.Geography.ProvinceGeography.Provinces2016).Select(p => p.Code).ToList();
        var lines = new List<string> { "uCode,pop,computers,urban_pct" };
        lines.AddRange(codes.Select(c => c == "70" ? "70,30,70,10" : $"{c},10,{int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)},50"));
        var data = Path.Combine(Dir, "d.csv");
        File.WriteAllText(data, string.Join("\n", lines));
        var target = Path.Combine(Dir, "out.csv");
        var (code, output, err) = Run("remap", "--data", data, "--to", "2025", "--sum", "pop,computers", "--weighted-mean", "urban_pct:pop", "--output", target);
        Assert.True(code == 0, err);
        Assert.Contains("75 Đồng Nai <- 70 Bình Phước + 75 Đồng Nai", output, StringComparison.Ordinal);
        var dataset = Indicators.IO.WideCsv.Load(target);
        Assert.Equal(34, dataset.UnitCount);
        // Đồng Nai: population 30 + 10 = 40; computers 70 + 75 = 145; urban (30 * 10 + 10 * 50) / 40 = 20
        Assert.Equal(40, dataset.Value("75", "pop"));
        Assert.Equal(145, dataset.Value("75", "computers"));
        Assert.Equal(20, dataset.Value("75", "urban_pct"), 12);
    }

    [Fact]
    public void Remap_ColumnWithoutRule_Exit3NamesIt()
    {
        var data = Path.Combine(Dir, "d.csv");
        File.WriteAllText(data, "uCode,pop,x\n01,1,2\n");
        var (code, _, err) = Run("remap", "--data", data, "--to", "2025", "--sum", "pop", "--output", Path.Combine(Dir, "o.csv"));
        Assert.Equal(3, code);
        Assert.Contains("'x'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Preset_DtiFromComponents()
    {
        // Đà Nẵng's published 2022 main indices; the weighted sum is the published 0.8002.
        var data = Path.Combine(Dir, "dti.csv");
        File.WriteAllText(data, "uCode,nhan_thuc_so,the_che_so,ha_tang_so,nhan_luc_so,an_toan_thong_tin_mang,hoat_dong_cqs,hoat_dong_kts,hoat_dong_xhs\n" +
            "48,1.0000,0.9000,0.8253,0.8487,0.7578,0.8575,0.7836,0.5197\n79,0.8917,0.9000,0.8258,0.6267,0.5580,0.8406,0.7611,0.3590\n");
        var (code, output, err) = Run("compute", "--preset", "dti-2022", "--data", data, "--format", "long-csv");
        Assert.True(code == 0, err);
        var row = output.Split('\n').Single(l => l.StartsWith("48,", StringComparison.Ordinal) && l.Contains(",pdti,", StringComparison.Ordinal));
        Assert.Equal(0.8002, double.Parse(row.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture), 4);
    }

    [Fact]
    public void Compute_UnknownPreset_Exit2ListsKnown()
    {
        var (code, _, err) = Run("compute", "--preset", "nope", "--data", "x.csv");
        Assert.Equal(2, code);
        Assert.Contains("dti-2022", err, StringComparison.Ordinal);
    }

    private string TenProvinces()
    {
        var data = Path.Combine(Dir, "p10.csv");
        File.WriteAllText(data, "uCode,uName,pop\n01,Hà Nội,8\n26,Vĩnh Phúc,1.2\n70,Bình Phước,1\n79,TP. Hồ Chí Minh,9\n75,Đồng Nai,3\n30,Hải Dương,2\n31,Hải Phòng,2\n92,Cần Thơ,1.2\n02,Hà Giang,0.9\n48,Đà Nẵng,1.1\n");
        return data;
    }

    [Fact]
    public void Remap_TenProvinces_WarnsOnStderrListingPartialAndBlankUnits()
    {
        // Complete: 01 (alone), 31 (30 + 31), 75 (70 + 75). Partial: 08, 25, 48, 79, 92. The other 26 have no data.
        var target = Path.Combine(Dir, "out.csv");
        var (code, output, err) = Run("remap", "--data", TenProvinces(), "--to", "2025", "--sum", "pop", "--output", target);
        Assert.Equal(0, code);
        Assert.True(File.Exists(target));
        Assert.Contains("Remapped 10 units to 34 (1 July 2025): 3 complete, 5 partial, 26 without data", output, StringComparison.Ordinal);
        Assert.StartsWith("warning: 31 of 34 units of 1 July 2025 are not fully covered by --data: 5 partial, 26 without any data", err, StringComparison.Ordinal);
        Assert.Contains("  partial 25 Phú Thọ: absent 17 Hòa Bình, 25 Phú Thọ; values pop missing (no value from 17, 25)", err, StringComparison.Ordinal);
        Assert.Contains("  no data 04 Cao Bằng: absent 04 Cao Bằng", err, StringComparison.Ordinal);
        Assert.Contains("02 Hà Giang, 26 Vĩnh Phúc", err, StringComparison.Ordinal); // their data reached no output value
    }

    [Theory]
    [InlineData("--strict")]
    [InlineData("--on-partial", "error")]
    public void Remap_TenProvincesStrict_Exit3ListsUnitsWritesNothing(params string[] policy)
    {
        var target = Path.Combine(Dir, "out.csv");
        var (code, _, err) = Run(["remap", "--data", TenProvinces(), "--to", "2025", "--sum", "pop", "--output", target, .. policy]);
        Assert.Equal(3, code);
        Assert.False(File.Exists(target));
        Assert.StartsWith("error: 31 of 34 units", err, StringComparison.Ordinal);
        Assert.Contains("  partial 92 Cần Thơ: absent 93 Hậu Giang, 94 Sóc Trăng", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Remap_All63Strict_Exit0NoWarning()
    {
        var codes = Indicators.Geography.ProvinceCatalog.Default.Provinces(Indicators.Geography.ProvinceGeography.Provinces2016).Select(p => p.Code);
        var data = Path.Combine(Dir, "d.csv");
        File.WriteAllText(data, "uCode,pop\n" + string.Join("\n", codes.Select(c => c + ",1")));
        var (code, _, err) = Run("remap", "--data", data, "--to", "2025", "--sum", "pop", "--output", Path.Combine(Dir, "o.csv"), "--strict");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, err);
    }

    [Theory]
    [InlineData(new[] { "match", "Da Nang", "--geography", "2020" }, "lỗi: --geography phải là 2016 hoặc 2025; nhận được '2020'.\n", "error: --geography must be 2016 or 2025; found '2020'.\n")]
    [InlineData(new[] { "remap", "--data", "in.csv", "--to", "2025", "--output", "out.csv", "--weighted-mean", "pop" }, "lỗi: --weighted-mean cần dạng COL:WEIGHTCOL; nhận được 'pop'.\n", "error: --weighted-mean expects COL:WEIGHTCOL; found 'pop'.\n")]
    [InlineData(new[] { "remap", "--data", "in.csv", "--to", "2025", "--output", "out.csv", "--sum", "a", "--mean", "a" }, "lỗi: Cột 'a' có nhiều hơn một quy tắc.\n", "error: Column 'a' has more than one rule.\n")]
    public void Run_UsageErrorVietnameseAndEnglish_MessageInEachLanguage(string[] args, string vietnamese, string english)
    {
        var (code, _, err) = Run([.. args, "--language", "vi"]);
        Assert.Equal(2, code);
        Assert.Equal(vietnamese, err);
        var (englishCode, _, englishErr) = Run(args);
        Assert.Equal(2, englishCode);
        Assert.Equal(english, englishErr);
    }

    [Fact]
    public void Remap_MissingDataVietnamese_FileNotFoundInVietnamese()
    {
        var missing = Path.Combine(Dir, "khong-co.csv");
        var output = Path.Combine(Dir, "out.csv");
        Assert.Equal("lỗi: --data: không tìm thấy tệp: " + missing + "\n", Run("remap", "--data", missing, "--to", "2025", "--output", output, "--language", "vi").Err);
        Assert.Equal("error: --data: file not found: " + missing + "\n", Run("remap", "--data", missing, "--to", "2025", "--output", output).Err);
    }
}
