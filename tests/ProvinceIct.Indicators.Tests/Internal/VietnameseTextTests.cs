using System.Text;
using ProvinceIct.Indicators.Internal;

namespace ProvinceIct.Indicators.Tests.Internal;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Bình Phước", "binhphuoc")]
    [InlineData("BÌNH PHƯỚC", "binhphuoc")]
    [InlineData("Đắk Lắk", "daklak")]
    [InlineData("Ðồng Tháp", "dongthap")]
    [InlineData("Bà Rịa – Vũng Tàu", "bariavungtau")]
    [InlineData("TP. Hồ Chí Minh", "tphochiminh")]
    [InlineData("VN-58", "vn58")]
    [InlineData(" -.- ", "")]
    public void Fold_Name_GivesLettersAndDigits(string text, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(text));
        Assert.Equal(expected, VietnameseText.Fold(text.Normalize(NormalizationForm.FormD)));
        Assert.Equal(expected, VietnameseText.Fold(text.Normalize(NormalizationForm.FormC)));
    }

    [Theory]
    [InlineData("Tỉnh Bình Phước", "binhphuoc")]
    [InlineData("Thành phố Hà Nội", "hanoi")]
    [InlineData("TP. Hồ Chí Minh", "hochiminh")]
    [InlineData("TPHCM", "hcm")]
    [InlineData("Tp. HCM", "hcm")]
    [InlineData("Ho Chi Minh City", "hochiminh")]
    [InlineData("Quang Nam province", "quangnam")]
    [InlineData("Tỉnh", "tinh")]
    [InlineData("Thanh Hóa", "thanhhoa")]
    [InlineData("Tiền Giang", "tiengiang")]
    public void Key_Name_DropsAdministrativeWords(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.Key(text));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("binhphuc", "binhphuoc", 1)]
    [InlineData("hanoi", "hanio", 1)]
    [InlineData("hanam", "hanoi", 2)]
    public void Distance_TwoKeys_IsOptimalStringAlignment(string a, string b, int expected)
    {
        Assert.Equal(expected, VietnameseText.Distance(a, b));
        Assert.Equal(expected, VietnameseText.Distance(b, a));
    }
}
