using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;

namespace ProvinceIct.Indicators.Tests.Geography;

using Geography = ProvinceIct.Indicators.Geography.ProvinceGeography;

public partial class ProvinceCatalogTests
{
    private static readonly ProvinceCatalog Catalog = ProvinceCatalog.Default;

    [Theory]
    [InlineData(Geography.Provinces2016, 63)]
    [InlineData(Geography.Provinces2025, 34)]
    public void Provinces_DefaultCatalogue_HasExpectedCount(Geography geography, int expected) =>
        Assert.Equal(expected, Catalog.Provinces(geography).Length);

    [Theory]
    [InlineData(Geography.Provinces2016)]
    [InlineData(Geography.Provinces2025)]
    public void Provinces_EveryGeography_CodesUniqueTwoDigitsInOrder(Geography geography)
    {
        var codes = Catalog.Provinces(geography).Select(p => p.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[0-9]{2}$", c));
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.All(Catalog.Provinces(geography), p => Assert.Equal(geography, p.Geography));
    }

    [Fact]
    public void Provinces_2016_EachMapsToExactlyOne2025UnitListingIt()
    {
        foreach (var old in Catalog.Provinces(Geography.Provinces2016))
        {
            var owners = Catalog.Provinces(Geography.Provinces2025).Where(u => u.PredecessorCodes.Contains(old.Code)).ToList();
            var owner = Assert.Single(owners);
            Assert.Equal(old.SuccessorCode, owner.Code);
            Assert.Equal(owner, Catalog.Successor(old.Code));
        }
    }

    [Fact]
    public void Predecessors_All2025Units_PartitionThe63()
    {
        var all = Catalog.Provinces(Geography.Provinces2025).SelectMany(u => Catalog.Predecessors(u.Code)).Select(p => p.Code).ToList();
        Assert.Equal(63, all.Count);
        Assert.Equal(Catalog.Provinces(Geography.Provinces2016).Select(p => p.Code), all.Order(StringComparer.Ordinal));
        Assert.All(Catalog.Provinces(Geography.Provinces2025), u => Assert.InRange(u.PredecessorCodes.Length, 1, 3));
        Assert.All(Catalog.Provinces(Geography.Provinces2016), p => Assert.Empty(p.PredecessorCodes));
        Assert.All(Catalog.Provinces(Geography.Provinces2025), p => Assert.Null(p.SuccessorCode));
    }

    [Fact]
    public void Provinces_2016_RegionGroupsPresent()
    {
        var units = Catalog.Provinces(Geography.Provinces2016).Select(p => p.ToUnit()).ToList();
        Assert.All(units, u =>
        {
            Assert.False(string.IsNullOrWhiteSpace(u.Group("region")));
            Assert.False(string.IsNullOrWhiteSpace(u.Group("region6")));
            Assert.False(string.IsNullOrWhiteSpace(u.Group("region8")));
        });
        Assert.Equal(6, units.Select(u => u.Group("region")).Distinct().Count());
        Assert.Equal(6, units.Select(u => u.Group("region6")).Distinct().Count());
        Assert.Equal(8, units.Select(u => u.Group("region8")).Distinct().Count());
        Assert.Equal(6, Catalog.Provinces(Geography.Provinces2016).Select(p => p.Region6Key).Distinct().Count());
    }

    [Fact]
    public void Provinces_2016_CodesAndNamesPresent()
    {
        Assert.All(Catalog.Provinces(Geography.Provinces2016), p =>
        {
            Assert.Matches("^VN-[0-9A-Z]{2}$", p.Iso3166_2!);
            Assert.Matches("^VN\\.[A-Z]{2}$", p.Hasc!);
            Assert.False(string.IsNullOrWhiteSpace(p.NameEn));
            Assert.StartsWith(p.UnitType == ProvinceUnitType.Municipality ? "Thành phố " : "Tỉnh ", p.FullNameVi, StringComparison.Ordinal);
        });
        Assert.Equal(5, Catalog.Provinces(Geography.Provinces2016).Count(p => p.UnitType == ProvinceUnitType.Municipality));
        Assert.Equal(6, Catalog.Provinces(Geography.Provinces2025).Count(p => p.UnitType == ProvinceUnitType.Municipality));
    }

    [Theory]
    [InlineData("70", "75", "Đồng Nai")]
    [InlineData("77", "79", "Hồ Chí Minh")]
    [InlineData("46", "46", "Huế")]
    [InlineData("45", "44", "Quảng Trị")]
    [InlineData("62", "51", "Quảng Ngãi")]
    [InlineData("01", "01", "Hà Nội")]
    public void Successor_Known2016Code_Gives2025Unit(string code2016, string expectedCode, string expectedName)
    {
        var unit = Catalog.Successor(code2016);
        Assert.Equal(expectedCode, unit.Code);
        Assert.Equal(expectedName, unit.NameVi);
        Assert.Equal(Geography.Provinces2025, unit.Geography);
    }

    [Theory]
    [InlineData("75", "70 75")]
    [InlineData("79", "74 77 79")]
    [InlineData("46", "46")]
    [InlineData("44", "44 45")]
    public void Predecessors_Known2025Code_GivesSorted2016Units(string code2025, string expected) =>
        Assert.Equal(expected, string.Join(" ", Catalog.Predecessors(code2025).Select(p => p.Code)));

    [Fact]
    public void Successor_UnknownCode_ThrowsNotFound() =>
        Assert.Throws<ProvinceNotFoundException>(() => Catalog.Successor("99"));

    [Theory]
    [InlineData("44", Geography.Provinces2016, "Quảng Bình")]
    [InlineData("44", Geography.Provinces2025, "Quảng Trị")]
    [InlineData(" 70 ", Geography.Provinces2016, "Bình Phước")]
    public void Get_CodeInGeography_GivesUnit(string code, Geography geography, string expectedName) =>
        Assert.Equal(expectedName, Catalog.Get(code, geography).NameVi);

    [Fact]
    public void Get_2016CodeIn2025_ThrowsWithSuccessor()
    {
        var e = Assert.Throws<ProvinceNotFoundException>(() => Catalog.Get("70", Geography.Provinces2025));
        Assert.Equal("75", Assert.Single(e.Candidates).Code);
        Assert.Equal("70", e.FormerProvince!.Code);
    }

    [Fact]
    public void TryGet_UnknownOrNull_ReturnsFalse()
    {
        Assert.False(Catalog.TryGet("7", Geography.Provinces2016, out var a));
        Assert.Null(a);
        Assert.False(Catalog.TryGet(null, Geography.Provinces2016, out _));
        Assert.True(Catalog.TryGet("96", Geography.Provinces2025, out var b));
        Assert.Equal("Cà Mau", b.NameVi);
    }

    [Fact]
    public void Provinces_UndefinedGeography_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.Provinces((Geography)7));

    [Fact]
    public void Default_ManyThreads_SameInstance()
    {
        var seen = new ProvinceCatalog[16];
        Parallel.For(0, seen.Length, i => seen[i] = ProvinceCatalog.Default);
        Assert.All(seen, c => Assert.Same(ProvinceCatalog.Default, c));
    }

    [Fact]
    public void ToString_Default_IsShortAndInvariant() =>
        Assert.Equal("ProvinceCatalog: 63 units (Provinces2016), 34 units (Provinces2025)", Catalog.ToString());

    [Fact]
    public void CollidingKeys_DefaultCatalogue_None()
    {
        Assert.Empty(Catalog.CollidingKeys(Geography.Provinces2016));
        Assert.Empty(Catalog.CollidingKeys(Geography.Provinces2025));
    }
}
