using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ProvinceIct.Indicators.Tests.Support;

/// <summary>
/// Reads the repository's <c>.resx</c> files and checks a translation against its neutral (English) file: the same
/// keys, no blank text, and the same numbered placeholders in every text. Shared by the tests of the library's
/// <c>Strings</c> and <c>ProblemStrings</c> and of the CLI's <c>CliStrings</c>.
/// </summary>
internal static partial class ResxFiles
{
    /// <summary>The texts of a <c>.resx</c> file by key.</summary>
    public static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    /// <summary>The file names of the translations of <paramref name="baseName"/> in <paramref name="folder"/> (<c>Strings.vi.resx</c> for <c>Strings</c>), sorted.</summary>
    public static string[] Translations(string folder, string baseName) =>
        [.. Directory.GetFiles(folder, baseName + ".*.resx").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>The distinct placeholder numbers of a composite format text (<c>{0}</c>, <c>{1:F2}</c>), sorted.</summary>
    public static string[] Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Asserts that <paramref name="file"/> has exactly the keys of <c>{baseName}.resx</c>, no blank text, and the placeholders of each neutral text.</summary>
    public static void AssertParity(string folder, string baseName, string file)
    {
        var neutral = Read(Path.Combine(folder, baseName + ".resx"));
        var translated = Read(Path.Combine(folder, file));
        Assert.Equal(neutral.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in neutral)
        {
            Assert.False(string.IsNullOrWhiteSpace(translated[key]), file + ": " + key + " is blank");
            Assert.True(Placeholders(text).SequenceEqual(Placeholders(translated[key])), file + ": " + key + " has other placeholders than the neutral text");
        }
    }

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
