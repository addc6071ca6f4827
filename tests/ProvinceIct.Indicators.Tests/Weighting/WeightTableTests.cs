using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Weighting;

namespace ProvinceIct.Indicators.Tests.Weighting;

public class WeightTableTests
{
    private static WeightTable Tiny() => Weights.EffectiveWeights(TinyIndex.Framework());

    [Fact]
    public void ToString_TinyIndex_IndentsByDepth()
    {
        var lines = Tiny().ToString().Split('\n');
        Assert.Equal("Weights of IDX (6 nodes)", lines[0]);
        Assert.Equal("node    nominal  relative  effective", lines[1]);
        Assert.Equal("IDX      1.0000    1.0000     1.0000", lines[2]);
        Assert.Equal("    i1   3.0000    0.7500     0.5000", lines[4]);
    }

    [Fact]
    public void ToCsv_TinyIndex_RoundTripPrecision()
    {
        var lines = Tiny().ToCsv().Split('\n');
        Assert.Equal("code,parent_code,level,nominal,relative,effective", lines[0]);
        Assert.Equal("IDX,,3,1,1,1", lines[1]);
        Assert.Equal("i2,P1,1,1,0.25,0.16666666666666666", lines[4]);
    }

    [Fact]
    public void ToTable_TinyIndex_IndentsCodesAndShowsFourDecimals()
    {
        var lines = Tiny().ToTable().ToText().Split('\n');
        Assert.Equal("Weights of IDX (6 nodes)", lines[0]);
        Assert.Equal("IDX" + new string(' ', 17) + "3   1.0000    1.0000     1.0000", lines[3]); // code 6 wide, empty parent 6 wide, level 5 wide, two spaces between
        Assert.Equal("    i1  P1" + new string(' ', 10) + "1   3.0000    0.7500     0.5000", lines[5]); // i1 is two levels below the root: 4 spaces
    }

    [Fact]
    public void ToMarkdown_TinyIndex_HasOneRowPerNode()
    {
        var md = Tiny().ToMarkdown().Split('\n');
        Assert.Equal(2 + 6, md.Length);
        Assert.Equal("| P1 | IDX | 2 | 2.0000 | 0.6667 | 0.6667 |", md[3]);
    }

    [Fact]
    public void ToHtml_TinyIndex_IsATable()
    {
        var html = Tiny().ToHtml();
        Assert.StartsWith("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>i3</td><td>P2</td><td>1</td><td>1.0000</td><td>1.0000</td><td>0.3333</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_VietnameseCodes_LettersAsThemselvesMarkupEscaped()
    {
        var framework = Indicators.Model.Framework.Create(
        [
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("hạ_tầng", "Hạ tầng", IndicatorKind.Percent), "chỉ_số", 1),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("a<b", "A", IndicatorKind.Percent), "chỉ_số", 1),
            FrameworkNode.Aggregate("chỉ_số", "Chỉ số"),
        ]);
        var html = Weights.EffectiveWeights(framework).ToHtml();
        Assert.Contains("<tr><td>hạ_tầng</td><td>chỉ_số</td><td>1</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>a&lt;b</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_UnknownNode_Throws() => Assert.Throws<KeyNotFoundException>(() => Tiny()["nope"]);
}
