using System.Text;
using ProvinceIct.Indicators.Geography;

namespace ProvinceIct.Indicators.Tests.Geography;

using Geography = ProvinceIct.Indicators.Geography.ProvinceGeography;

public partial class ProvinceCatalogTests
{
    private const Geography G16 = Geography.Provinces2016;
    private const Geography G25 = Geography.Provinces2025;

    private static string Nfd(string s) => s.Normalize(NormalizationForm.FormD);

    public static TheoryData<string, Geography, string> Spellings => new()
    {
        // Bình Phước (2016 only)
        { "Bình Phước", G16, "70" }, { "Binh Phuoc", G16, "70" }, { "binh phuoc", G16, "70" }, { "BÌNH PHƯỚC", G16, "70" },
        { Nfd("Bình Phước"), G16, "70" }, { Nfd("BÌNH PHƯỚC"), G16, "70" }, { "Tỉnh Bình Phước", G16, "70" }, { "tinh binh phuoc", G16, "70" },
        { "Binh Phuoc Province", G16, "70" }, { "Bình-Phước", G16, "70" }, { "70", G16, "70" }, { " 70 ", G16, "70" },
        { "VN-58", G16, "70" }, { "vn-58", G16, "70" }, { "VN.BP", G16, "70" },
        // Hồ Chí Minh
        { "TP. Hồ Chí Minh", G16, "79" }, { "Ho Chi Minh City", G16, "79" }, { "TPHCM", G16, "79" }, { "TP.HCM", G16, "79" },
        { "HCM", G16, "79" }, { "Sài Gòn", G16, "79" }, { "Saigon", G16, "79" }, { "Tp. HCM", G16, "79" }, { "tp hcm", G16, "79" },
        { "HCMC", G16, "79" }, { "Thành phố Hồ Chí Minh", G16, "79" }, { "Thanh pho Ho Chi Minh", G16, "79" }, { "VN-SG", G16, "79" },
        { "TP. Hồ Chí Minh", G25, "79" }, { "Ho Chi Minh City", G25, "79" }, { "TPHCM", G25, "79" }, { "TP.HCM", G25, "79" },
        { "HCM", G25, "79" }, { "Sài Gòn", G25, "79" }, { "Saigon", G25, "79" }, { Nfd("Hồ Chí Minh"), G25, "79" }, { "79", G25, "79" },
        // Huế
        { "Thừa Thiên - Huế", G16, "46" }, { "Thua Thien Hue", G16, "46" }, { "Huế", G16, "46" }, { "Hue", G16, "46" },
        { "TT-Huế", G16, "46" }, { "Thừa Thiên Huế", G16, "46" }, { "THỪA THIÊN HUẾ", G16, "46" },
        { "Huế", G25, "46" }, { "Thành phố Huế", G25, "46" }, { "TP. Huế", G25, "46" }, { "Hue City", G25, "46" },
        { "Thừa Thiên - Huế", G25, "46" }, { "Thua Thien Hue", G25, "46" }, { "VN-26", G25, "46" },
        // Đắk Lắk
        { "Đắk Lắk", G16, "66" }, { "Dak Lak", G16, "66" }, { "Daklak", G16, "66" }, { "Đắc Lắc", G16, "66" }, { "Đăk Lăk", G16, "66" },
        { "DAK LAK", G16, "66" }, { "Đắk Lắk", G25, "66" }, { "Dak Lak", G25, "66" }, { "Daklak", G25, "66" }, { "Đắc Lắc", G25, "66" },
        // Bà Rịa - Vũng Tàu (2016 only)
        { "Bà Rịa - Vũng Tàu", G16, "77" }, { "Ba Ria Vung Tau", G16, "77" }, { "BRVT", G16, "77" }, { "BR-VT", G16, "77" },
        { "Bà Rịa – Vũng Tàu", G16, "77" }, { "Ba Ria - Vung Tau", G16, "77" }, { "BÀ RỊA – VŨNG TẦU", G16, "77" },
        // Hà Nội
        { "Hà Nội", G16, "01" }, { "Hanoi", G16, "01" }, { "Ha Noi", G16, "01" }, { "HN", G16, "01" }, { "TP. Hà Nội", G16, "01" },
        { "Thành phố Hà Nội", G16, "01" }, { "hà nội", G16, "01" }, { "VN-HN", G16, "01" }, { "01", G16, "01" },
        { "Hà Nội", G25, "01" }, { "Hanoi", G25, "01" }, { "Ha Noi", G25, "01" }, { "HN", G25, "01" }, { "VN-HN", G25, "01" },
        // Near neighbours must stay apart
        { "Hà Nam", G16, "35" }, { "Ha Nam", G16, "35" }, { "Quảng Nam", G16, "49" }, { "Quang Nam Province", G16, "49" },
        { "Quảng Ngãi", G16, "51" }, { "Quảng Ngãi", G25, "51" }, { "Bắc Kạn", G16, "06" }, { "Bắc Cạn", G16, "06" }, { "Bac Can", G16, "06" },
        { "Hoà Bình", G16, "17" }, { "Hòa Bình", G16, "17" }, { "Thanh Hoá", G16, "38" }, { "Thanh Hóa", G25, "38" },
        { "KHÁNH HOÀ", G16, "56" }, { "Khánh Hoà", G25, "56" }, { "Kontum", G16, "62" }, { "Kon Tum", G16, "62" }, { "Daknong", G16, "67" },
        { "Ðồng Tháp", G16, "87" }, { "Ðồng Tháp", G25, "82" }, { "Đồng Tháp", G25, "82" },
        { "Danang", G16, "48" }, { "DN", G16, "48" }, { "Da Nang city", G25, "48" }, { "Haiphong", G16, "31" }, { "HP", G25, "31" },
        { "Cần Thơ", G16, "92" }, { "CT", G25, "92" }, { "Vung Tau", G16, "77" }, { "Tiền Giang", G16, "82" }, { "Kiên Giang", G16, "91" },
        // Codes are reused across geographies
        { "44", G16, "44" }, { "Quảng Bình", G16, "44" }, { "45", G16, "45" }, { "44", G25, "44" }, { "Quảng Trị", G25, "44" },
        { "Quang Tri", G25, "44" }, { "Bắc Ninh", G25, "24" }, { "Thái Nguyên", G25, "19" }, { "Đồng Nai", G25, "75" }, { "Dong Nai", G25, "75" },
        { "Gia Lai", G25, "52" }, { "An Giang", G25, "91" }, { "Tây Ninh", G25, "80" }, { "Lào Cai", G25, "15" }, { "Cao Bằng", G25, "04" },
        { "VN-04", G25, "04" }, { "VN.CB", G25, "04" }, { "Tuyên Quang", G25, "08" }, { "Phú Thọ", G25, "25" }, { "Ninh Bình", G25, "37" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Match_KnownSpelling_GivesExpectedCode(string text, Geography geography, string expectedCode)
    {
        var p = Catalog.Match(text, geography);
        Assert.Equal(expectedCode, p.Code);
        Assert.Equal(geography, p.Geography);
        Assert.True(Catalog.TryMatch(text, geography, out var q));
        Assert.Same(p, q);
    }

    [Fact]
    public void Spellings_Table_HasAtLeast100Rows() => Assert.True(Spellings.Count >= 100);

    public static TheoryData<Geography> Geographies => new() { G16, G25 };

    [Theory]
    [MemberData(nameof(Geographies))]
    public void Match_EveryPublishedNameOfEveryUnit_GivesThatUnit(Geography geography)
    {
        var checkedCount = 0;
        foreach (var p in Catalog.Provinces(geography))
        {
            var forms = new[] { p.NameVi, p.NameAscii, p.NameEn, p.FullNameVi, p.Code }
                .Concat(p.AltSpellings)
                .Concat(new[] { p.Iso3166_2, p.Hasc }.OfType<string>());
            foreach (var form in forms)
            {
                foreach (var variant in new[] { form, form.ToUpperInvariant(), form.ToLowerInvariant(), Nfd(form), Nfd(form.ToUpperInvariant()), "  " + form + " " })
                {
                    Assert.True(Catalog.TryMatch(variant, geography, out var found), $"'{variant}' did not match in {geography}");
                    Assert.Equal(p, found);
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount > 500);
    }

    [Theory]
    [InlineData("Bình Phước", "75")]
    [InlineData("Binh Phuoc", "75")]
    [InlineData("VN-58", "75")]
    [InlineData("BRVT", "79")]
    [InlineData("Bình Dương", "79")]
    [InlineData("Quảng Nam", "48")]
    [InlineData("Kon Tum", "51")]
    [InlineData("Huế", "46")]
    [InlineData("Hà Nội", "01")]
    [InlineData("45", "44")]
    public void MatchSuccessor_2016Name_Gives2025Unit(string text, string expectedCode)
    {
        var unit = Catalog.MatchSuccessor(text);
        Assert.Equal(expectedCode, unit.Code);
        Assert.Equal(G25, unit.Geography);
    }

    [Fact]
    public void MatchSuccessor_EveryUnitName_GivesItsSuccessor() =>
        Assert.All(Catalog.Provinces(G16), p => Assert.Equal(p.SuccessorCode, Catalog.MatchSuccessor(p.NameVi).Code));
}
