using System.Text;
using System.Text.RegularExpressions;
using ProvinceIct.Indicators.Cli.Explore;

namespace ProvinceIct.Indicators.Tests.Cli.Explore;

/// <summary>The page's dictionary: both languages complete, and every key the page and its script use is in it.</summary>
public sealed partial class ExploreTextTests
{
    [Fact]
    public void For_BothLanguages_SameKeysNoneEmpty()
    {
        var en = ExploreText.For("en");
        var vi = ExploreText.For("vi");
        Assert.Equal(en.Keys.Order(StringComparer.Ordinal), vi.Keys.Order(StringComparer.Ordinal));
        Assert.All(en.Values.Concat(vi.Values), v => Assert.False(string.IsNullOrWhiteSpace(v)));
        Assert.All(en.Keys, k => Assert.NotEqual(en[k], vi[k])); // every text is translated
    }

    [Fact]
    public void Page_EveryPlaceholder_IsInTheDictionary()
    {
        var keys = ExploreText.For("en").Keys.Append("lang").Append("name").ToHashSet(StringComparer.Ordinal);
        var used = Placeholder().Matches(Resource("index.html")).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(used);
        Assert.All(used, k => Assert.Contains(k, keys));
    }

    [Fact]
    public void Script_EveryStringKey_IsInTheDictionary()
    {
        var keys = ExploreText.For("vi").Keys.ToHashSet(StringComparer.Ordinal);
        var used = ScriptKey().Matches(Resource("app.js")).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(used.Count >= 10, "too few t('...') calls found: " + used.Count);
        Assert.All(used, k => Assert.Contains(k, keys));
    }

    private static string Resource(string name)
    {
        using var stream = typeof(ExploreServer).Assembly.GetManifestResourceStream("explore/" + name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bt\('(\w+)'\)")]
    private static partial Regex ScriptKey();
}
