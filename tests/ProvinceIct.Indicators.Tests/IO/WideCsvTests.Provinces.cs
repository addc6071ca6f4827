using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tests.Geography;

namespace ProvinceIct.Indicators.Tests.IO;

/// <summary>Province names in the unit code column (<see cref="WideCsvOptions.MatchProvinces"/>).</summary>
public partial class WideCsvTests
{
    private static readonly WideCsvOptions Provinces2016 = Named with { MatchProvinces = ProvinceGeography.Provinces2016 };

    [Fact]
    public void Read_RealSpellingsWithMatchProvinces_ResolvedToGsoCodesWithCatalogueNamesAndGroups()
    {
        var ds = Read("uCode,x\nTP. Hồ Chí Minh,1\nBinh Phuoc,2\nThừa Thiên - Huế,3\nDaklak,4\n01,5\n", Provinces2016).Value;
        Assert.Equal(["79", "70", "46", "66", "01"], ds.Units.Select(u => u.Code));
        Assert.Equal("Bình Phước", ds.Units[1].Name);
        Assert.Equal("Đắk Lắk", ds.Units[3].Name);
        var catalogue = ProvinceCatalog.Default.Get("70", ProvinceGeography.Provinces2016).ToUnit();
        Assert.Equal(catalogue, ds.Units[1]);
        Assert.NotNull(ds.Units[1].Group("region"));
        Assert.Equal(2, ds.Value("70", "x"));
    }

    [Fact]
    public void Read_MatchProvincesWithOwnNameAndGroup_FileNameAndGroupKept()
    {
        var ds = Read("uCode,uName,Group_region,x\nBinh Phuoc,Tỉnh Bình Phước,Đông Nam Bộ,1\nHà Nội,,,2\n", Provinces2016).Value;
        Assert.Equal("Tỉnh Bình Phước", ds.Units[0].Name);
        Assert.Equal("Đông Nam Bộ", ds.Units[0].Group("region"));
        Assert.Equal(ProvinceCatalog.Default.Get("70", ProvinceGeography.Provinces2016).ToUnit().Group("region8"), ds.Units[0].Group("region8"));
        Assert.Equal("Hà Nội", ds.Units[1].Name);
        Assert.Equal(ProvinceCatalog.Default.Get("01", ProvinceGeography.Provinces2016).Region, ds.Units[1].Group("region"));
    }

    [Fact]
    public void Read_MatchProvinces2025_MergedNameReportedWithSuccessor()
    {
        var p = Assert.Single(Read("uCode,x\nBình Phước,1\n", Named with { MatchProvinces = ProvinceGeography.Provinces2025 }).Report.Problems);
        Assert.Equal(ProblemCode.UnknownValue, p.Code);
        Assert.Contains("did you mean 75 Đồng Nai?", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownProvinceName_UnknownValueNamingFileLineColumnTextAndCandidates()
    {
        var r = Read("x,uCode\n1,Hà Nội\n2,Binh Phuc\n", Provinces2016);
        var p = Assert.Single(r.Report.Problems);
        Assert.Equal(ProblemCode.UnknownValue, p.Code);
        Assert.Equal(("data.csv", 3, 2), (p.Source, p.Row, p.Column));
        Assert.Equal("Binh Phuc", p.Found);
        Assert.Contains("'Binh Phuc' on line 3, column 2 ('uCode')", p.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 70 Bình Phước", p.Message, StringComparison.Ordinal);
        Assert.StartsWith("data.csv:3:2: ", p.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AmbiguousProvinceName_UnknownValueListingEveryCandidate()
    {
        var catalog = ProvinceCatalogTests.LoadDefaultTables(t => t.Replace(",merged_name_lost,,VN-63,VN.HM", ",merged_name_lost,HN;Ha Noi,VN-63,VN.HM", StringComparison.Ordinal));
        var p = Assert.Single(Read("uCode,x\nHa Noi,1\n", Provinces2016 with { Catalog = catalog }).Report.Problems);
        Assert.Equal(ProblemCode.UnknownValue, p.Code);
        Assert.Contains("ambiguous", p.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 01 Hà Nội, 35 Hà Nam?", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoSpellingsOfOneProvince_DuplicateUnitNamingBothLines()
    {
        var p = Assert.Single(Read("uCode,x\nBình Phước,1\nHà Nội,2\nBinh Phuoc,3\n", Provinces2016).Report.Problems);
        Assert.Equal(ProblemCode.DuplicateUnit, p.Code);
        Assert.Equal(4, p.Row);
        Assert.Equal("70", p.UnitCode);
        Assert.Equal("Lines 2 ('Bình Phước') and 4 ('Binh Phuoc') both name province 70 Bình Phước.", p.Message);
    }

    [Fact]
    public void Read_BadNameAndBadNumber_EveryProblemReported()
    {
        var r = Read("uCode,x\nNowhere,abc\nDaklak,1\n", Provinces2016);
        Assert.Equal([ProblemCode.UnknownValue, ProblemCode.NotANumber], r.Report.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Read_WithoutMatchProvinces_NamesKeptAsCodes()
    {
        var ds = Read("uCode,x\nBinh Phuoc,1\n").Value;
        Assert.Equal("Binh Phuoc", ds.Units[0].Code);
    }
}
