using System.Text;
using System.Text.RegularExpressions;
using ProvinceIct.Indicators.Cli;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>
/// Usage errors are texts of CliStrings (English and its translations): a guard that scans the CLI's sources for an
/// English string literal given straight to <c>new UsageException(</c>, so that a new message cannot skip the
/// resources. Option names (<c>--top</c>), metavariables in capitals (<c>FILE</c>), file extensions, punctuation and
/// interpolation holes are not English text.
/// </summary>
public partial class UsageExceptionTests
{
    private const string Constructor = "new UsageException(";

    private static readonly string Folder = RepositoryPaths.Get("src/ProvinceIct.Indicators.Cli");

    [GeneratedRegex(@"--[A-Za-z0-9][A-Za-z0-9-]*|\b[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b|\.[a-z]{1,5}\b")]
    private static partial Regex NotWords();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex Word();

    /// <summary>The CLI's C# sources, outside the resource accessor.</summary>
    public static TheoryData<string> Sources() => [.. SourceFiles()];

    private static IEnumerable<string> SourceFiles() =>
        Directory.GetFiles(Folder, "*.cs").Concat(Directory.GetFiles(Path.Combine(Folder, "Explore"), "*.cs"))
            .Where(f => Path.GetFileName(f) != "CliStrings.cs")
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// The argument text of the call starting at <paramref name="start"/> (just after its opening parenthesis), up to
    /// the matching closing parenthesis, skipping the parentheses inside string and character literals.
    /// </summary>
    internal static string Argument(string source, int start)
    {
        var depth = 1;
        var i = start;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '"' || (c is '$' or '@' && i + 1 < source.Length && source[i + 1] is '"' or '$' or '@'))
            {
                i = SkipLiteral(source, i, null);
                continue;
            }

            if (c == '\'')
            {
                i = source[i + 1] == '\\' ? source.IndexOf('\'', i + 3) + 1 : i + 3;
                continue;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return source[start..i];
            }

            i++;
        }

        throw new InvalidOperationException("Unbalanced call at " + start.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Skips the string literal (regular, verbatim or interpolated) starting at <paramref name="i"/>, adding its text
    /// (without interpolation holes; literals inside holes are added too) to <paramref name="texts"/> when given.
    /// </summary>
    private static int SkipLiteral(string s, int i, List<string>? texts)
    {
        var interpolated = false;
        var verbatim = false;
        while (s[i] != '"')
        {
            interpolated |= s[i] == '$';
            verbatim |= s[i] == '@';
            i++;
        }

        i++;
        var text = new StringBuilder();
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\\' && !verbatim)
            {
                text.Append(' ');
                i += 2;
                continue;
            }

            if (c == '"')
            {
                if (verbatim && i + 1 < s.Length && s[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }

                texts?.Add(text.ToString());
                return i + 1;
            }

            if (interpolated && c == '{')
            {
                if (s[i + 1] == '{')
                {
                    i += 2;
                    continue;
                }

                // A hole: skip to its closing brace, collecting the literals inside it.
                var depth = 1;
                i++;
                while (depth > 0)
                {
                    if (s[i] == '"' || (s[i] is '$' or '@' && s[i + 1] is '"' or '$' or '@'))
                    {
                        i = SkipLiteral(s, i, texts);
                        continue;
                    }

                    depth += s[i] == '{' ? 1 : s[i] == '}' ? -1 : 0;
                    i++;
                }

                text.Append(' ');
                continue;
            }

            text.Append(c);
            i++;
        }

        throw new InvalidOperationException("Unterminated string literal.");
    }

    /// <summary>
    /// The string literals given directly in an argument text: outside the parentheses of a nested call (a key given to
    /// <c>CliStrings.Format</c> is not a message), with the text of interpolated ones without their holes.
    /// </summary>
    internal static List<string> Literals(string argument)
    {
        var texts = new List<string>();
        var depth = 0;
        var i = 0;
        while (i < argument.Length)
        {
            if (argument[i] == '"' || (argument[i] is '$' or '@' && i + 1 < argument.Length && argument[i + 1] is '"' or '$' or '@'))
            {
                i = SkipLiteral(argument, i, depth == 0 ? texts : null);
                continue;
            }

            if (argument[i] == '\'')
            {
                i = argument[i + 1] == '\\' ? argument.IndexOf('\'', i + 3) + 1 : i + 3;
                continue;
            }

            depth += argument[i] == '(' ? 1 : argument[i] == ')' ? -1 : 0;
            i++;
        }

        return texts;
    }

    /// <summary>
    /// True when a literal is English text: two or more words (two or more letters, not all capitals), outside option
    /// names, hyphenated identifiers (<c>group-mean</c>, <c>dti-2022</c>) and file extensions. A single word is a value
    /// compared or passed on (<c>"zeros"</c>), not a message.
    /// </summary>
    internal static bool IsEnglish(string literal) =>
        Word().Matches(NotWords().Replace(literal, " ")).Count(m => m.Value.Any(char.IsLower)) >= 2;

    /// <summary>The English literals given to <c>new UsageException(</c> in a source text, with their line numbers.</summary>
    internal static List<string> EnglishUsageErrors(string source)
    {
        var found = new List<string>();
        for (var at = source.IndexOf(Constructor, StringComparison.Ordinal); at >= 0; at = source.IndexOf(Constructor, at + 1, StringComparison.Ordinal))
        {
            var line = source.AsSpan(0, at).Count('\n') + 1;
            found.AddRange(Literals(Argument(source, at + Constructor.Length)).Where(IsEnglish).Select(l => "line " + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": \"" + l + "\""));
        }

        return found;
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Sources_UsageException_NoEnglishLiteral(string file)
    {
        var found = EnglishUsageErrors(File.ReadAllText(Path.Combine(Folder, file)));
        Assert.True(found.Count == 0, file + " gives English text to new UsageException( instead of a CliStrings key: " + string.Join("; ", found));
    }

    [Fact]
    public void Sources_Scanned_IncludeCommandsAndExplore()
    {
        var files = SourceFiles().ToList();
        Assert.Contains("AnalysisCommands.cs", files);
        Assert.Contains("Explore/ExploreCommand.cs", files);
        Assert.DoesNotContain("CliStrings.cs", files);
    }

    [Theory]
    [InlineData("throw new UsageException(\"report needs --output FILE.md.\");")]
    [InlineData("throw new UsageException($\"--unit: no unit '{u}' in the data.\" + Hint(u));")]
    [InlineData("throw new UsageException(markdown ? \"--x\" : $\"{(a ? \"--budget\" : \"--indicator\")}: is not one\");")]
    [InlineData("throw new UsageException(@\"Column \"\"a\"\" twice\");")]
    public void EnglishUsageErrors_EnglishLiteral_Found(string source) =>
        Assert.Single(EnglishUsageErrors(source));

    [Theory]
    [InlineData("throw new UsageException(CliStrings.Format(\"Msg_AtLeast\", \"--top\", 1));")]
    [InlineData("throw new UsageException(\"--group-ranks: \" + ex.Message.Split(\" (Parameter\")[0]);")]
    [InlineData("throw new UsageException(CliStrings.Format(\"Msg_ReportNeedsOutputFile\", markdown ? \"FILE.md\" : \"FILE.html\"));")]
    [InlineData("throw new UsageException($\"'{text}': {problem.Message}\");")]
    [InlineData("throw new UsageException(name is \"group-mean\" or \"zeros\" ? CliStrings.Get(\"Msg_A\") : CliStrings.Get(\"Msg_B\"));")]
    [InlineData("throw new UsageException(string.Join(\", \", list.Select(c => $\"'{c}'\")));")]
    public void EnglishUsageErrors_KeyOrOptionName_NotFound(string source) =>
        Assert.Empty(EnglishUsageErrors(source));

    [Fact]
    public void UsageException_Message_Kept() =>
        Assert.Equal("--top", new UsageException("--top").Message);
}
