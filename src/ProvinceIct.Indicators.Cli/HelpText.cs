using System.CommandLine;
using System.CommandLine.Help;
using System.Text;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// Puts the parts of <c>--help</c> that System.CommandLine writes itself in the language of the command line: the
/// section headings (Description, Usage, Arguments, Options, Commands), the usage labels ([command], [options]), the default-value and
/// required labels, and the descriptions of <c>--help</c> and <c>--version</c>. Command and option names stay as typed.
/// </summary>
internal static class HelpText
{
    private static readonly (string English, string Key)[] Headings =
    [
        ("Description:", "HelpHeading_Description"),
        ("Usage:", "HelpHeading_Usage"),
        ("Arguments:", "HelpHeading_Arguments"),
        ("Options:", "HelpHeading_Options"),
        ("Commands:", "HelpHeading_Commands"),
    ];

    private static readonly (string English, string Key)[] Labels =
    [
        ("[options]", "HelpLabel_Options"),
        ("[command]", "HelpLabel_Command"),
        ("[default: ", "HelpLabel_Default"),
        ("(REQUIRED)", "HelpLabel_Required"),
    ];

    /// <summary>Gives the built-in <c>--help</c> and <c>--version</c> options of <paramref name="root"/> descriptions in the command line's language.</summary>
    public static void LocaliseBuiltInOptions(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var option in root.Options)
        {
            if (option is HelpOption)
            {
                option.Description = CliStrings.Get("Help_HelpOption");
            }
            else if (option is VersionOption)
            {
                option.Description = CliStrings.Get("Help_VersionOption");
            }
        }
    }

    /// <summary>
    /// The help text <paramref name="english"/> (as System.CommandLine wrote it) with its headings and labels in the
    /// command line's language; unchanged in English. Only whole heading lines and the bracketed labels are replaced, so
    /// a description that happens to hold the word "Options:" is left as it is.
    /// </summary>
    public static string Localise(string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        var text = new StringBuilder(english.Length + 256);
        foreach (var line in english.Split('\n'))
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            var trimmed = line.TrimEnd('\r');
            var heading = Array.Find(Headings, h => h.English == trimmed);
            if (heading.Key is not null)
            {
                text.Append(CliStrings.Get(heading.Key)).Append(line.AsSpan(trimmed.Length));
                continue;
            }

            var localised = line;
            foreach (var (en, key) in Labels)
            {
                localised = localised.Replace(en, CliStrings.Get(key), StringComparison.Ordinal);
            }

            text.Append(localised);
        }

        return text.ToString();
    }
}
