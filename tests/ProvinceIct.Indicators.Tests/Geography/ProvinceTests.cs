using ProvinceIct.Indicators.Geography;

namespace ProvinceIct.Indicators.Tests.Geography;

using Geography = ProvinceIct.Indicators.Geography.ProvinceGeography;

public class ProvinceTests
{
    private static readonly ProvinceCatalog Catalog = ProvinceCatalog.Default;

    [Fact]
    public void ToString_BinhPhuoc_IsCodeAndName() =>
        Assert.Equal("70 Bình Phước", Catalog.Get("70", Geography.Provinces2016).ToString());

    [Fact]
    public void Properties_BinhPhuoc2016_AsPublished()
    {
        var p = Catalog.Get("70", Geography.Provinces2016);
        Assert.Equal(("Bình Phước", "Binh Phuoc", "Binh Phuoc", "Tỉnh Bình Phước"), (p.NameVi, p.NameAscii, p.NameEn, p.FullNameVi));
        Assert.Equal(ProvinceUnitType.Province, p.UnitType);
        Assert.Equal(("South East", "DNB", "Đông Nam Bộ"), (p.Region, p.Region6Key, p.Region6Vi));
        Assert.Equal(("Đông Nam Bộ", "Southeast"), (p.Region8Vi, p.Region8En));
        Assert.Equal(("VN-58", "VN.BP"), (p.Iso3166_2, p.Hasc));
        Assert.Equal("75", p.SuccessorCode);
    }

    [Fact]
    public void ToUnit_BinhPhuoc2016_HasCodeNamesAndGroups()
    {
        var u = Catalog.Get("70", Geography.Provinces2016).ToUnit();
        Assert.Equal("70", u.Code);
        Assert.Equal("Bình Phước", u.Name);
        Assert.Equal("Binh Phuoc", u.NameEn);
        Assert.Equal("region=South East region6=Đông Nam Bộ region8=Southeast", string.Join(" ", u.Groups.Select(g => g.Key + "=" + g.Value)));
    }

    [Fact]
    public void ToUnit_HoChiMinh2025_PredecessorsAgree_HasRegions()
    {
        var u = Catalog.Get("79", Geography.Provinces2025).ToUnit();
        Assert.Equal("Hồ Chí Minh", u.Name);
        Assert.Equal("Ho Chi Minh City", u.NameEn);
        Assert.Equal("South East", u.Group("region"));
        Assert.Equal("Đông Nam Bộ", u.Group("region6"));
        Assert.Equal("Southeast", u.Group("region8"));
    }

    [Fact]
    public void ToUnit_QuangNgai2025_PredecessorsDisagree_OmitsRegions()
    {
        // 51 Quảng Ngãi (South Central Coast, BTB_DHMT) + 62 Kon Tum (Central Highlands, TN).
        var p = Catalog.Get("51", Geography.Provinces2025);
        Assert.Null(p.Region8En);
        Assert.Null(p.Region6Key);
        Assert.Empty(p.ToUnit().Groups);
    }

    [Fact]
    public void Properties_Hue2025_InheritsCodesOfSolePredecessor()
    {
        var p = Catalog.Get("46", Geography.Provinces2025);
        Assert.Equal(("Huế", "Hue", "Thành phố Huế"), (p.NameVi, p.NameEn, p.FullNameVi));
        Assert.Equal(ProvinceUnitType.Municipality, p.UnitType);
        Assert.Equal(("VN-26", "VN.TT"), (p.Iso3166_2, p.Hasc));
        Assert.Contains("Thừa Thiên Huế", p.AltSpellings);
        Assert.Equal<string>(["46"], p.PredecessorCodes);
    }

    [Fact]
    public void Properties_DongNai2025_MergedUnitHasNoIsoCode()
    {
        var p = Catalog.Get("75", Geography.Provinces2025);
        Assert.Null(p.Iso3166_2);
        Assert.Null(p.Hasc);
        Assert.Equal("Dong Nai", p.NameEn);
        Assert.Equal<string>(["70", "75"], p.PredecessorCodes);
    }

    [Fact]
    public void Equals_SameUnitFromTwoLoads_AreEqual()
    {
        var a = Catalog.Get("70", Geography.Provinces2016);
        var b = ProvinceCatalogTests.LoadDefaultTables().Get("70", Geography.Provinces2016);
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(Catalog.Get("46", Geography.Provinces2016), Catalog.Get("46", Geography.Provinces2025));
    }
}
