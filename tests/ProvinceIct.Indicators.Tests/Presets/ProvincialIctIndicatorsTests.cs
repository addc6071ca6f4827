using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Tests.Presets;

public class ProvincialIctIndicatorsTests
{
    private static IEnumerable<string[]> SeedRows()
    {
        var path = Path.Combine(ProjectDirectory(), "..", "..", "src", "ProvinceIct.Indicators", "Resources", "seed_observations.csv");
        var table = ProvinceIct.Indicators.Tables.CsvTable.Read(path).Value;
        var header = table.Header.Fields.ToList();
        return table.Rows.Select(r => new[] { r[header.IndexOf("indicator")], r[header.IndexOf("value")], r[header.IndexOf("unit")] });
    }

    private static string ProjectDirectory() =>
        typeof(ProvincialIctIndicatorsTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;

    [Fact]
    public void All_CoversEverySeedIndicator_AndEverySeedValueAccepted()
    {
        foreach (var row in SeedRows())
        {
            Assert.True(ProvincialIctIndicators.TryGet(row[0], out var entry), row[0] + " is not in the catalogue");
            var value = double.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(entry.Definition.Kind.Accepts(value), $"{row[0]} = {row[1]} rejected by {entry.Definition.Kind}");
        }
    }

    [Fact]
    public void All_SeedUnitTextMatchesKindCategory()
    {
        foreach (var row in SeedRows())
        {
            var kind = ProvincialIctIndicators.Get(row[0]).Definition.Kind.Category;
            var expected = row[2] switch
            {
                "count" => KindCategory.Count,
                "percent" => KindCategory.Percent,
                "billion VND" => KindCategory.Money,
                "Mbps" => KindCategory.Real,
                _ => KindCategory.BoundedScore, // ranks and rank changes
            };
            Assert.True(expected == kind, row[0]);
        }
    }

    [Fact]
    public void All_UniqueCodesWithBothNamesAndUnit()
    {
        Assert.Equal(ProvincialIctIndicators.All.Length, ProvincialIctIndicators.All.Select(e => e.Code).Distinct().Count());
        Assert.All(ProvincialIctIndicators.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Definition.NameVi)));
        Assert.All(ProvincialIctIndicators.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Definition.Unit)));
        Assert.Equal(ProvincialIctIndicators.All.Select(e => e.Definition), ProvincialIctIndicators.Definitions);
    }

    [Fact]
    public void Get_Rank_BoundedOneTo63LowerIsBetterNoComponent()
    {
        var rank = ProvincialIctIndicators.Get("ict_index_rank");
        Assert.Equal(KindCategory.BoundedScore, rank.Definition.Kind.Category);
        Assert.Equal((1.0, 63.0), (rank.Definition.Kind.Minimum, rank.Definition.Kind.Maximum));
        Assert.Equal(Direction.Negative, rank.Definition.Direction);
        Assert.Null(rank.Component);
        Assert.False(rank.Definition.Kind.Accepts(64));
    }

    [Theory]
    [InlineData("computers_in_state_agencies", "count", "htkt")]
    [InlineData("agencies_with_lan_pct", "percent", "htkt")]
    [InlineData("civil_servants_using_computer_pct", "percent", "htnl")]
    [InlineData("official_email_accounts", "count", "ud")]
    [InlineData("it_spending_state_agencies", "money[billion VND]", null)]
    [InlineData("communes_total", "count", null)]
    public void Get_Code_KindAndComponent(string code, string kind, string? component)
    {
        var e = ProvincialIctIndicators.Get(code);
        Assert.Equal((kind, component), (e.Definition.Kind.ToString(), e.ComponentCode));
    }

    [Fact]
    public void Get_Unknown_KeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => ProvincialIctIndicators.Get("nope"));
        Assert.False(ProvincialIctIndicators.TryGet(null, out _));
    }

    [Fact]
    public void InComponent_EveryComponentHasIndicators()
    {
        foreach (var c in Enum.GetValues<IctComponent>())
        {
            Assert.NotEmpty(ProvincialIctIndicators.InComponent(c));
        }
    }

    [Theory]
    [InlineData(IctComponent.TechnicalInfrastructure, "htkt")]
    [InlineData(IctComponent.HumanResources, "htnl")]
    [InlineData(IctComponent.ItApplication, "ud")]
    public void ComponentCode_Component_OfficialCode(IctComponent component, string code) =>
        Assert.Equal(code, ProvincialIctIndicators.ComponentCode(component));

    [Fact]
    public void ComponentCode_Undefined_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProvincialIctIndicators.ComponentCode((IctComponent)9));
}
