using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Tables;

/// <summary>Chooses the delimiter of a CSV header line (see <see cref="CsvDelimiterPolicy.Detect"/>).</summary>
internal static class CsvDelimiterDetection
{
    private static readonly char[] Candidates = [',', ';', '\t'];

    /// <summary>The delimiter of <paramref name="header"/>, or null with an ambiguity problem.</summary>
    public static char? Detect(string? header, Func<string, bool> isKey, string source, out ValidationProblem? problem)
    {
        problem = null;
        if (header is null)
        {
            return ',';
        }

        var splits = Candidates.Select(d => (Delimiter: d, Fields: Split(header, d))).ToList();
        var keyed = splits.Where(s => s.Fields.Count > 1 && s.Fields.Any(f => isKey(f))).ToList();
        var pool = keyed.Count > 0 ? keyed : splits.Where(s => s.Fields.Count > 1).ToList();
        if (pool.Count == 0)
        {
            return ',';
        }

        if (pool.Count == 1)
        {
            return pool[0].Delimiter;
        }

        var described = ProblemText.Join("; ", pool.Select(s => new ProblemText("Csv_DelimiterGives", NameText(s.Delimiter), s.Fields.Count.ToString(CultureInfo.InvariantCulture), string.Join(" | ", s.Fields.Take(4)) + (s.Fields.Count > 4 ? " | ..." : string.Empty))));
        problem = new ValidationProblem(ProblemCode.UnsupportedInput, new ProblemText("Csv_AmbiguousDelimiter", described))
        {
            Source = source,
            Row = 1,
            ExpectedText = new ProblemText("Csv_ExpectedOneDelimiter"),
            FoundText = ProblemText.Join(", ", pool.Select(s => NameText(s.Delimiter))),
        };
        return null;
    }

    /// <summary>The first line of a file, or null when it is empty or its first line cannot be decoded (the read reports that).</summary>
    public static string? FirstLine(string path, System.Text.Encoding? encoding)
    {
        try
        {
            using var peek = StrictTextReader.Open(path, encoding);
            return peek.ReadLine();
        }
        catch (TextDecodingException)
        {
            return null;
        }
    }

    /// <summary>The delimiter's name in messages, in any language.</summary>
    public static ProblemText NameText(char delimiter) => delimiter switch
    {
        ',' => new ProblemText("Csv_Comma"),
        ';' => new ProblemText("Csv_Semicolon"),
        '\t' => new ProblemText("Csv_Tab"),
        _ => ProblemText.Verbatim("'" + delimiter + "'"),
    };

    /// <summary>The delimiter's name in the plural (<c>commas</c>), in any language.</summary>
    public static ProblemText PluralText(char delimiter) => delimiter switch
    {
        ',' => new ProblemText("Csv_Commas"),
        ';' => new ProblemText("Csv_Semicolons"),
        '\t' => new ProblemText("Csv_Tabs"),
        _ => ProblemText.Verbatim("'" + delimiter + "'s"),
    };

    /// <summary>The delimiter's name in messages.</summary>
    public static string Name(char delimiter) => delimiter switch
    {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        _ => "'" + delimiter + "'",
    };

    /// <summary>The fields of a line, split outside double quotes, trimmed and unquoted.</summary>
    private static List<string> Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (i == line.Length || (!quoted && line[i] == delimiter))
            {
                fields.Add(line[start..i].Trim().Trim('"').Trim());
                start = i + 1;
            }
        }

        return fields;
    }
}
