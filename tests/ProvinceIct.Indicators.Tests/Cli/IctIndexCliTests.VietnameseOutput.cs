using System.Text;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>Outputs of ictindex under <c>--language vi</c>, error paths included, searched for English words.</summary>
public sealed partial class IctIndexCliTests
{
    /// <summary>English words that no Vietnamese output of these runs may hold (option names, quoted codes and paths are taken out first).</summary>
    private static readonly string[] EnglishWords =
        ["the", "of", "is", "or", "and", "with", "expected", "found", "unit", "units", "not", "no", "cannot", "must", "data", "meta", "values"];

    public static TheoryData<string> VietnameseRuns() =>
        ["sample-same-outputs", "compute-unknown-aggregator", "compute-constant-indicator", "compute-bad-cell", "compute-unknown-normaliser", "match-unknown", "match-misspelt", "match-merged", "compute-not-a-workbook"];

    [Theory]
    [MemberData(nameof(VietnameseRuns))]
    public void Run_Vietnamese_NoEnglishWordsInOutput(string name)
    {
        var meta = Write("m.csv", Meta);
        var data = Write("d.csv", Data);
        string[] args = name switch
        {
            "sample-same-outputs" => ["sample", "--preset", "open-readiness-2016", "--output", Path.Combine(Dir, "x.csv"), "--output", Path.Combine(Dir, "x.csv")],
            "compute-unknown-aggregator" => ["compute", "--data", data, "--meta", meta, "--aggregate", "foo"],
            "compute-unknown-normaliser" => ["compute", "--data", data, "--meta", meta, "--normalise", "foo"],
            "compute-constant-indicator" => ["compute", "--data", Write("c.csv", Data.Replace(",0,10,", ",4,10,", StringComparison.Ordinal).Replace(",5,20,", ",4,20,", StringComparison.Ordinal).Replace(",10,30,", ",4,30,", StringComparison.Ordinal)), "--meta", meta],
            "compute-not-a-workbook" => ["compute", "--data", Write("fake.xlsx", Data), "--meta", meta],
            "match-unknown" => ["match", "Zzzz"],
            "match-misspelt" => ["match", "Binh Phuc"],
            "match-merged" => ["match", "Bình Phước", "--geography", "2025"],
            _ => ["compute", "--data", Write("bad.csv", BadData), "--meta", meta],
        };

        var (code, output, err) = Run([.. args, "--language", "vi"]);

        Assert.NotEqual(0, code);
        var text = (output + "\n" + err).Replace(Dir, "DIR", StringComparison.Ordinal);
        var english = Words(text).Intersect(EnglishWords, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(english.Count == 0, name + ": " + string.Join(", ", english) + " in: " + text);
    }

    [Fact]
    public void Sample_Vietnamese_DescribesTheSampleInVietnamese()
    {
        var (code, output, err) = Run("sample", "--preset", "open-readiness-2016", "--output", Path.Combine(Dir, "s.csv"), "--language", "vi");

        Assert.Equal(0, code);
        Assert.Contains("63 tỉnh/thành phố, bảng thống kê của TCTK (GSO) và PCI 2016 của VCCI", output, StringComparison.Ordinal);
        var text = (output + "\n" + err).Replace(Dir, "DIR", StringComparison.Ordinal);
        var english = Words(text).Intersect(EnglishWords, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(english.Count == 0, string.Join(", ", english) + " in: " + text);
    }

    /// <summary>The words of <paramref name="text"/> outside single quotes, option names (<c>--data</c>) and upper-case placeholders (<c>UNIT</c>) left out.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        foreach (var c in text + " ")
        {
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && (char.IsLetterOrDigit(c) || c == '-'))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0 && !word.ToString().StartsWith("--", StringComparison.Ordinal) && word.ToString().Any(char.IsLower))
            {
                words.Add(word.ToString());
            }

            word.Clear();
        }

        return words;
    }
}
