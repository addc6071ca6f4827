using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;

namespace ProvinceIct.Indicators.Tests.Geography;

using Geography = ProvinceIct.Indicators.Geography.ProvinceGeography;

public partial class ProvinceCatalogTests
{
    internal static string ResourceText(string file)
    {
        using var stream = typeof(ProvinceCatalog).Assembly.GetManifestResourceStream("ProvinceIct.Indicators.Resources." + file)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static ProvinceCatalog LoadDefaultTables(Func<string, string>? edit2016 = null, Func<string, string>? edit2025 = null)
    {
        var t2016 = ResourceText("provinces.csv");
        var t2025 = ResourceText("provinces_2025.csv");
        return ProvinceCatalog.Load(new StringReader(edit2016?.Invoke(t2016) ?? t2016), new StringReader(edit2025?.Invoke(t2025) ?? t2025));
    }

    [Theory]
    [InlineData("Binh Phuc", G16, "70")]
    [InlineData("Binh Phuok", G16, "70")]
    [InlineData("Binh Phuco", G16, "70")]
    [InlineData("Ha Nol", G16, "01")]
    [InlineData("Quang Ngia", G16, "51")]
    [InlineData("Dong Nia", G25, "75")]
    [InlineData("Binh Phuc", G25, "75")]
    public void Match_Misspelt_ThrowsNotFoundWithClosestFirst(string text, Geography geography, string expectedFirst)
    {
        var e = Assert.Throws<ProvinceNotFoundException>(() => Catalog.Match(text, geography));
        Assert.Equal(expectedFirst, e.Candidates[0].Code);
        Assert.InRange(e.Candidates.Length, 1, 5);
        Assert.Equal(text, e.Text);
        Assert.Equal(geography, e.Geography);
        Assert.Equal(ProblemCode.UnknownValue, e.Code);
        Assert.Equal("UnknownValue", e.Data["ErrorCode"]);
        Assert.Null(e.FormerProvince);
        Assert.Contains(e.Candidates[0].ToString(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_BinhPhuc_MessageNamesBinhPhuoc()
    {
        var e = Assert.Throws<ProvinceNotFoundException>(() => Catalog.Match("Binh Phuc", G16));
        Assert.Equal(
            "No unit of Provinces2016 (63 units until 30 June 2025) is named 'Binh Phuc'. Closest: 70 Bình Phước, 26 Vĩnh Phúc, 60 Bình Thuận.",
            e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-.-")]
    [InlineData("7")]
    [InlineData("070")]
    [InlineData("Atlantis")]
    public void Match_Nothing_ThrowsNotFoundWithoutCandidates(string text)
    {
        var e = Assert.Throws<ProvinceNotFoundException>(() => Catalog.Match(text, G16));
        Assert.Empty(e.Candidates);
    }

    [Theory]
    [InlineData("Bình Phước", "70", "75")]
    [InlineData("Binh Phuoc", "70", "75")]
    [InlineData("VN-58", "70", "75")]
    [InlineData("70", "70", "75")]
    [InlineData("Bà Rịa - Vũng Tàu", "77", "79")]
    [InlineData("BRVT", "77", "79")]
    [InlineData("Quảng Nam", "49", "48")]
    [InlineData("Hà Giang", "02", "08")]
    [InlineData("45", "45", "44")]
    public void Match_Merged2016NameIn2025_ThrowsNamingSuccessor(string text, string formerCode, string successorCode)
    {
        var e = Assert.Throws<ProvinceNotFoundException>(() => Catalog.Match(text, G25));
        Assert.Equal(formerCode, e.FormerProvince!.Code);
        Assert.Equal(G16, e.FormerProvince.Geography);
        var candidate = Assert.Single(e.Candidates);
        Assert.Equal(successorCode, candidate.Code);
        Assert.Equal(G25, candidate.Geography);
        Assert.Contains("merged", e.Message, StringComparison.Ordinal);
        Assert.Contains("1 July 2025", e.Message, StringComparison.Ordinal);
        Assert.Contains(candidate.ToString(), e.Message, StringComparison.Ordinal);
        Assert.False(Catalog.TryMatch(text, G25, out _));
    }

    [Fact]
    public void Match_BinhPhuocIn2025_MessageSaysMergedIntoDongNai() =>
        Assert.Equal(
            "'Bình Phước' is not a unit of Provinces2025 (34 units from 1 July 2025): it names 70 Bình Phước of Provinces2016 (63 units until 30 June 2025), "
            + "which was merged into 75 Đồng Nai on 1 July 2025 (formed from 70 Bình Phước and 75 Đồng Nai). Use 75 Đồng Nai for data from 1 July 2025; data from before then belong to Provinces2016 (63 units until 30 June 2025).",
            Assert.Throws<ProvinceNotFoundException>(() => Catalog.Match("Bình Phước", G25)).Message);

    private static ProvinceCatalog WithHaNamAlsoCalledHN() =>
        LoadDefaultTables(t => t.Replace(",merged_name_lost,,VN-63,VN.HM", ",merged_name_lost,HN;Ha Noi,VN-63,VN.HM", StringComparison.Ordinal));

    [Theory]
    [InlineData("HN")]
    [InlineData("Ha Noi")]
    [InlineData("Hà Nội")]
    public void Match_KeyOfTwoUnits_ThrowsAmbiguousListingBoth(string text)
    {
        var catalog = WithHaNamAlsoCalledHN();
        var e = Assert.Throws<AmbiguousProvinceException>(() => catalog.Match(text, G16));
        Assert.Equal(["01", "35"], e.Candidates.Select(p => p.Code));
        Assert.Equal(ProblemCode.UnknownValue, e.Code);
        Assert.Contains("01 Hà Nội, 35 Hà Nam", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ProvinceMatchException>(e);
        Assert.False(catalog.TryMatch(text, G16, out var none));
        Assert.Null(none);
    }

    [Fact]
    public void Match_KeyOfTwoUnits_OtherNamesAndCodesStillMatch()
    {
        var catalog = WithHaNamAlsoCalledHN();
        Assert.Equal("35", catalog.Match("Hà Nam", G16).Code);
        Assert.Equal("01", catalog.Match("VN-HN", G16).Code);
        Assert.Equal("01", catalog.Match("01", G16).Code);
        Assert.Equal(["hanoi", "hn"], catalog.CollidingKeys(G16).Select(kv => kv.Key));
    }

    [Theory]
    [InlineData("Atlantis", G16)]
    [InlineData("Binh Phuc", G16)]
    [InlineData("Bình Phước", G25)]
    [InlineData("", G25)]
    [InlineData(null, G16)]
    public void TryMatch_NoSingleUnit_ReturnsFalseWithoutThrowing(string? text, Geography geography)
    {
        Assert.False(Catalog.TryMatch(text, geography, out var province));
        Assert.Null(province);
    }

    [Fact]
    public void Match_Null_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>(() => Catalog.Match(null!, G16));

    [Fact]
    public void Match_UndefinedGeography_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.Match("Hà Nội", (Geography)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.TryMatch("Hà Nội", (Geography)9, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.TryMatch(null, (Geography)9, out _));
    }

    [Fact]
    public void MatchSuccessor_Unknown_ThrowsNotFoundIn2016() =>
        Assert.Equal(G16, Assert.Throws<ProvinceNotFoundException>(() => Catalog.MatchSuccessor("Atlantis")).Geography);

    [Fact]
    public void Load_DefaultTables_EqualsDefault()
    {
        var loaded = LoadDefaultTables();
        Assert.Equal<Province>(Catalog.Provinces(G16), loaded.Provinces(G16));
        Assert.Equal<Province>(Catalog.Provinces(G25), loaded.Provinces(G25));
    }

    [Fact]
    public void Load_CrlfBomAndQuotedFields_Same()
    {
        var loaded = LoadDefaultTables(
            t => "\uFEFF" + t.Replace("\n", "\r\n", StringComparison.Ordinal).Replace(",Tỉnh Bình Phước,", ",\"Tỉnh Bình Phước\",", StringComparison.Ordinal),
            t => t.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal<Province>(Catalog.Provinces(G16), loaded.Provinces(G16));
        Assert.Equal<Province>(Catalog.Provinces(G25), loaded.Provinces(G25));
    }

    [Fact]
    public void Load_BrokenTables_ReportsEveryProblem()
    {
        var e = Assert.Throws<ValidationException>(() => LoadDefaultTables(
            t => t.Replace(",province,Tỉnh Cao Bằng,", ",prov,Tỉnh Cao Bằng,", StringComparison.Ordinal) // unknown unit type
                  .Replace("\n96,Cà Mau,", "\n9,Cà Mau,", StringComparison.Ordinal),                     // code not two digits
            t => t.Replace("\n75,Đồng Nai,Dong Nai,Tỉnh Đồng Nai,province,2,70;75,", "\n75,Đồng Nai,Dong Nai,Tỉnh Đồng Nai,province,2,75,", StringComparison.Ordinal)));
        var problems = e.Report.Problems;
        Assert.Contains(problems, p => p.Code == ProblemCode.UnknownValue && p.Source == "provinces.csv" && p.Row == 4 && p.Found == "prov");
        Assert.Contains(problems, p => p.Code == ProblemCode.MalformedInput && p.Source == "provinces.csv" && p.Row == 64 && p.Found == "9");
        Assert.Contains(problems, p => p.Code == ProblemCode.UnknownValue && p.Source == "provinces.csv" && p.UnitCode == "70");
        Assert.StartsWith("Invalid province tables: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingColumnAndRaggedRow_Reported()
    {
        var e = Assert.Throws<ValidationException>(() => ProvinceCatalog.Load(
            new StringReader("code,name_vi\n70,Bình Phước\n"),
            new StringReader("code_2025,name_vi,name_ascii,full_name_vi,unit_type,merged_from_codes\n75,Đồng Nai\n")));
        Assert.Contains(e.Report.Problems, p => p.Code == ProblemCode.MissingColumn && p.Expected == "hasc");
        Assert.Contains(e.Report.Problems, p => p.Code == ProblemCode.RaggedRow && p.Source == "provinces_2025.csv" && p.Row == 2);
    }

    [Fact]
    public void Load_UnterminatedQuote_ReportsMalformedInput()
    {
        var e = Assert.Throws<ValidationException>(() => LoadDefaultTables(t => t + "\"99,Nowhere"));
        Assert.Equal(ProblemCode.MalformedInput, Assert.Single(e.Report.Problems).Code);
    }
}
