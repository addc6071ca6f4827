using ProvinceIct.Indicators.Internal;

namespace ProvinceIct.Indicators.Tests.Internal;

public class GeoCsvTests
{
    private static string Show(List<string[]> rows) => string.Join(" | ", rows.Select(r => string.Join(",", r.Select(f => "[" + f + "]"))));

    [Theory]
    [InlineData("a,b\n1,2\n", "[a],[b] | [1],[2]")]
    [InlineData("a,b\r\n1,2", "[a],[b] | [1],[2]")]
    [InlineData("a,b\r1,2\r", "[a],[b] | [1],[2]")]
    [InlineData("\uFEFFa,b\n1,2", "[a],[b] | [1],[2]")]
    [InlineData("a,b\n\n1,2\n\n", "[a],[b] | [1],[2]")]
    [InlineData("a,\"x, y\"\n", "[a],[x, y]")]
    [InlineData("\"say \"\"hi\"\"\",b", "[say \"hi\"],[b]")]
    [InlineData("\"two\nlines\",b\r\nc,d", "[two\nlines],[b] | [c],[d]")]
    [InlineData("a,,c\n,,\n", "[a],[],[c] | [],[],[]")]
    [InlineData("\"\",b", "[],[b]")]
    [InlineData("Bà Rịa – Vũng Tàu,Đắk Lắk", "[Bà Rịa – Vũng Tàu],[Đắk Lắk]")]
    [InlineData("", "")]
    public void Parse_Rfc4180Text_SplitsFields(string text, string expected) =>
        Assert.Equal(expected, Show(GeoCsv.Parse(text)));

    [Theory]
    [InlineData("a,\"open\n")]
    [InlineData("a,b\"c\n")]
    [InlineData("\"x\"y,b\n")]
    public void Parse_BadQuotes_ThrowsFormat(string text) =>
        Assert.Throws<FormatException>(() => GeoCsv.Parse(text));
}
