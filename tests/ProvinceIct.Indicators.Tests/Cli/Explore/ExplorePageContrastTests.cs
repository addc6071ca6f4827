using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ProvinceIct.Indicators.Cli.Explore;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli.Explore;

/// <summary>
/// WCAG 2.1 contrast of the explore page's embedded stylesheet: every rule that sets a text colour is paired with its
/// own background, or the page's (body) background; a rule that sets only a background (<c>button:hover</c>) is paired
/// with the text colour of its base selector (<c>button</c>), else the body's. Text needs at least 4.5:1 (success
/// criterion 1.4.3, AA); focus outlines, a non-text indicator, at least 3:1 (1.4.11).
/// </summary>
public sealed partial class ExplorePageContrastTests
{
    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    // #767676: c = 118/255 = 0.462745; ((c + 0.055) / 1.055)^2.4 = 0.181164 = L; (1 + 0.05) / (0.181164 + 0.05) = 4.5423
    [InlineData("#767676", "#ffffff", 4.5423)]
    // #777777: c = 119/255 = 0.466667; L = 0.184475; 1.05 / 0.234475 = 4.4781 (just fails AA)
    [InlineData("#777777", "#fff", 4.4781)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    public void ContrastRatio_KnownPairs_HandComputed(string foreground, string background, double expected)
    {
        AssertNumeric.Close(expected, ContrastRatio(ParseHex(foreground), ParseHex(background)), 1e-4);
        AssertNumeric.Close(expected, ContrastRatio(ParseHex(background), ParseHex(foreground)), 1e-4); // symmetric
    }

    [Fact]
    public void Stylesheet_TextColours_AtLeast4_5To1()
    {
        var pairs = ColourPairs(Stylesheet());
        var text = pairs.Where(p => p.Kind == "text").ToList();
        Assert.True(text.Count >= 8, "too few colour pairs found in app.css: " + text.Count); // the parser is not silently empty
        var failing = text.Where(p => p.Ratio < 4.5).Select(p => p.ToString()).ToList();
        Assert.True(failing.Count == 0, "below 4.5:1:\n" + string.Join("\n", failing));
    }

    [Fact]
    public void Stylesheet_FocusOutline_AtLeast3To1()
    {
        var outlines = ColourPairs(Stylesheet()).Where(p => p.Kind == "non-text").ToList();
        Assert.NotEmpty(outlines);
        var failing = outlines.Where(p => p.Ratio < 3).Select(p => p.ToString()).ToList();
        Assert.True(failing.Count == 0, "below 3:1:\n" + string.Join("\n", failing));
    }

    [Fact]
    public void Stylesheet_ChangeColours_AgainstPageBackground()
    {
        // The rank-change colours and the muted text are checked by name, so a renamed rule cannot drop them silently.
        var pairs = ColourPairs(Stylesheet());
        foreach (var selector in new[] { "tr.up td:nth-child(2)", "tr.down td:nth-child(2)", "p.note", "button", "button:hover", "button:disabled" })
        {
            Assert.Contains(pairs, p => p.Selector == selector && p.Kind == "text" && p.Ratio >= 4.5);
        }
    }

    internal sealed record ColourPair(string Selector, string Kind, string Foreground, string Background, double Ratio)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Selector}: {Foreground} on {Background} = {Ratio:F2}:1 ({Kind})");
    }

    private static string Stylesheet()
    {
        using var stream = typeof(ExploreServer).Assembly.GetManifestResourceStream("explore/app.css")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The foreground/background pairs of a stylesheet, as described on the class.</summary>
    internal static List<ColourPair> ColourPairs(string css)
    {
        css = Comments().Replace(css, string.Empty);
        var rules = new List<(string Selector, Dictionary<string, string> Declarations)>();
        foreach (Match m in Rule().Matches(css))
        {
            var declarations = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var d in m.Groups[2].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = d.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    declarations[d[..colon].Trim()] = d[(colon + 1)..].Trim();
                }
            }

            foreach (var selector in m.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                rules.Add((selector, declarations));
            }
        }

        var variables = rules.Where(r => r.Selector == ":root").SelectMany(r => r.Declarations).Where(d => d.Key.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        string? Colour(string? value)
        {
            if (value is null)
            {
                return null;
            }

            var v = VarReference().Replace(value, m => variables.TryGetValue(m.Groups[1].Value, out var x) ? x : m.Value);
            var hex = HexColour().Match(v);
            return hex.Success ? hex.Value.ToLowerInvariant() : v.Contains("white", StringComparison.Ordinal) ? "#ffffff" : v.Contains("black", StringComparison.Ordinal) ? "#000000" : null;
        }

        string? Background(Dictionary<string, string> d) =>
            Colour(d.GetValueOrDefault("background-color")) ?? Colour(d.GetValueOrDefault("background"));

        var body = rules.Single(r => r.Selector == "body").Declarations;
        var pageBackground = Background(body) ?? "#ffffff";
        var pageText = Colour(body.GetValueOrDefault("color")) ?? "#000000";
        var pairs = new List<ColourPair>();
        void Add(string selector, string kind, string fg, string bg) =>
            pairs.Add(new ColourPair(selector, kind, fg, bg, ContrastRatio(ParseHex(fg), ParseHex(bg))));

        foreach (var (selector, d) in rules)
        {
            var fg = Colour(d.GetValueOrDefault("color"));
            var bg = Background(d);
            if (fg is not null)
            {
                Add(selector, "text", fg, bg ?? pageBackground);
            }
            else if (bg is not null)
            {
                var baseSelector = selector.Split(':')[0];
                var inherited = rules.Where(r => r.Selector == baseSelector).Select(r => Colour(r.Declarations.GetValueOrDefault("color"))).LastOrDefault(c => c is not null);
                Add(selector, "text", inherited ?? pageText, bg);
            }

            if (Colour(d.GetValueOrDefault("outline")) is { } outline)
            {
                Add(selector, "non-text", outline, pageBackground);
            }
        }

        return pairs;
    }

    /// <summary>WCAG 2.1 contrast ratio: (L1 + 0.05) / (L2 + 0.05), L1 the lighter relative luminance.</summary>
    internal static double ContrastRatio((double R, double G, double B) a, (double R, double G, double B) b)
    {
        var la = Luminance(a);
        var lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>Relative luminance: 0.2126 R + 0.7152 G + 0.0722 B of the linearised sRGB channels.</summary>
    private static double Luminance((double R, double G, double B) c)
    {
        static double Linear(double v) => v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        return (0.2126 * Linear(c.R)) + (0.7152 * Linear(c.G)) + (0.0722 * Linear(c.B));
    }

    /// <summary>#rgb or #rrggbb to channels in [0, 1].</summary>
    internal static (double R, double G, double B) ParseHex(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length == 3)
        {
            h = string.Concat(h.Select(c => new string(c, 2)));
        }

        double Channel(int i) => int.Parse(h.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
        return (Channel(0), Channel(2), Channel(4));
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"([^{}]+)\{([^{}]*)\}")]
    private static partial Regex Rule();

    [GeneratedRegex(@"var\((--[\w-]+)\)")]
    private static partial Regex VarReference();

    [GeneratedRegex(@"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")]
    private static partial Regex HexColour();
}
