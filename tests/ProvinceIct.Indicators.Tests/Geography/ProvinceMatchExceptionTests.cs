using System.Globalization;
using ProvinceIct.Indicators.Geography;

namespace ProvinceIct.Indicators.Tests.Geography;

public class ProvinceMatchExceptionTests
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    [Fact]
    public void MessageIn_UnknownNameVietnamese_IsTheVietnameseSentence()
    {
        var e = Assert.Throws<ProvinceNotFoundException>(() => ProvinceCatalog.Default.Match("Binh Phuc", ProvinceGeography.Provinces2016));
        Assert.Equal(
            "Không có đơn vị nào của địa giới hành chính 2016 (63 tỉnh/thành phố đến hết ngày 30 tháng 6 năm 2025) mang tên 'Binh Phuc'. Gần nhất: 70 Bình Phước, 26 Vĩnh Phúc, 60 Bình Thuận.",
            e.MessageIn(Vi));
    }

    [Fact]
    public void MessageIn_NoCandidatesVietnamese_EndsAfterTheName()
    {
        var e = Assert.Throws<ProvinceNotFoundException>(() => ProvinceCatalog.Default.Match("   ", ProvinceGeography.Provinces2025));
        Assert.Equal("Không có đơn vị nào của địa giới hành chính 2025 (34 tỉnh/thành phố từ ngày 1 tháng 7 năm 2025) mang tên '   '.", e.MessageIn(Vi));
    }

    [Fact]
    public void MessageIn_MergedNameVietnamese_NamesTheSuccessorInVietnamese()
    {
        var e = Assert.Throws<ProvinceNotFoundException>(() => ProvinceCatalog.Default.Match("Bình Phước", ProvinceGeography.Provinces2025));
        Assert.Equal(
            "'Bình Phước' không phải là một đơn vị của địa giới hành chính 2025 (34 tỉnh/thành phố từ ngày 1 tháng 7 năm 2025): tên này chỉ 70 Bình Phước của "
            + "địa giới hành chính 2016 (63 tỉnh/thành phố đến hết ngày 30 tháng 6 năm 2025), đơn vị đã được sáp nhập vào 75 Đồng Nai từ ngày 1 tháng 7 năm 2025 "
            + "(hợp thành từ 70 Bình Phước và 75 Đồng Nai). Hãy dùng 75 Đồng Nai cho dữ liệu từ ngày 1 tháng 7 năm 2025; dữ liệu trước thời điểm đó thuộc về "
            + "địa giới hành chính 2016 (63 tỉnh/thành phố đến hết ngày 30 tháng 6 năm 2025).",
            e.MessageIn(Vi));
    }

    [Fact]
    public void MessageIn_UnknownCodeVietnamese_NamesTheCode()
    {
        var e = Assert.Throws<ProvinceNotFoundException>(() => ProvinceCatalog.Default.Get("99", ProvinceGeography.Provinces2016));
        Assert.Equal("Không có đơn vị nào của địa giới hành chính 2016 (63 tỉnh/thành phố đến hết ngày 30 tháng 6 năm 2025) mang mã TCTK (GSO) '99'.", e.MessageIn(Vi));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fr-FR")]
    public void MessageIn_NullInvariantOrUntranslated_IsMessage(string? culture)
    {
        var e = Assert.Throws<ProvinceNotFoundException>(() => ProvinceCatalog.Default.Match("Zzzz", ProvinceGeography.Provinces2016));
        Assert.Equal("No unit of Provinces2016 (63 units until 30 June 2025) is named 'Zzzz'.", e.Message);
        Assert.Equal(e.Message, e.MessageIn(culture is null ? null : CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void MessageIn_PublicConstructorVietnamese_IsTheMessageAsGiven()
    {
        var e = new AmbiguousProvinceException("given", "x", ProvinceGeography.Provinces2016, []);
        Assert.Equal("given", e.MessageIn(Vi));
    }
}
