using System.CommandLine;
using System.Globalization;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// Chooses the language of <c>ictindex</c>'s help and messages for one command line: <c>--language en|vi</c> anywhere on
/// it (also with <c>--help</c>; the last one wins, tokens after <c>--</c> do not count), else the environment variable
/// <see cref="Variable"/>, else English. The machine's locale is never used, so scripts and tests read the same output
/// on every machine.
/// </summary>
internal static class CliLanguage
{
    /// <summary>The environment variable giving the default language: <c>en</c> or <c>vi</c> (a culture name such as <c>vi-VN</c> counts as its language).</summary>
    public const string Variable = "ICTINDEX_LANGUAGE";

    /// <summary>The option's name.</summary>
    public const string OptionName = "--language";

    /// <summary>The languages offered, English first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["en", "vi"];

    /// <summary>
    /// The language named on <paramref name="args"/>, else by <paramref name="environment"/> (the value of
    /// <see cref="Variable"/>; null or blank when unset), else <c>en</c>. A value on the command line that is not a
    /// language offered is left to the parser to report and does not count here.
    /// </summary>
    /// <exception cref="UsageException">When <paramref name="environment"/> names a language that is not offered.</exception>
    public static string Choose(IReadOnlyList<string> args, string? environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? chosen = null;
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                break;
            }

            string? value = null;
            if (token == OptionName && i + 1 < args.Count)
            {
                value = args[++i];
            }
            else if (token.Length > OptionName.Length + 1 && token.StartsWith(OptionName, StringComparison.Ordinal) && token[OptionName.Length] is '=' or ':')
            {
                value = token[(OptionName.Length + 1)..];
            }

            if (value is not null && Names.Contains(value))
            {
                chosen = value;
            }
        }

        return chosen ?? FromEnvironment(environment) ?? "en";
    }

    /// <summary>The language named by the environment variable's value, or null when it is unset or blank.</summary>
    /// <exception cref="UsageException">When the value names a language that is not offered.</exception>
    public static string? FromEnvironment(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var name = value.Trim();
        var language = name.Split('-', '_')[0].ToLowerInvariant();
        return Names.Contains(language)
            ? language
            : throw new UsageException(CliStrings.Format("Msg_LanguageVariable", Variable, name, string.Join(", ", Names)));
    }

    /// <summary>The culture of a language returned by <see cref="Choose"/>.</summary>
    public static CultureInfo Culture(string language) =>
        language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);

    /// <summary>
    /// Gives every command of the tree that has no <c>--language</c> option of its own one that only chooses the
    /// language of the help and of the messages, so <c>--language vi</c> is accepted on every command line.
    /// </summary>
    public static void AddWhereMissing(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Options.Any(o => o.Name == OptionName))
        {
            var option = new Option<string>(OptionName)
            {
                Description = CliStrings.Format("Help_MessagesLanguage", Variable),
                DefaultValueFactory = _ => HelpDefault,
                HelpName = "en|vi",
            };
            option.AcceptOnlyFromAmong([.. Names]);
            command.Options.Add(option);
        }

        foreach (var sub in command.Subcommands)
        {
            AddWhereMissing(sub);
        }
    }

    /// <summary>The language of the running command line (<see cref="Choose"/>): what a <c>--language</c> option not given stands for.</summary>
    public static string Default => CliStrings.IsVietnamese ? "vi" : "en";

    /// <summary>
    /// The default value of every <c>--language</c> option, the one <c>--help</c> shows: English, whatever the language of
    /// the run that prints the help. The value used when the option is not given is <see cref="Of"/>'s.
    /// </summary>
    public const string HelpDefault = "en";

    /// <summary>
    /// The language <paramref name="option"/> stands for on this run: its value when it is on the command line, else the
    /// language of the running command line (<see cref="Default"/>: <see cref="Variable"/>, else English).
    /// </summary>
    public static string Of(ParseResult parse, Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(option);
        return parse.GetResult(option) is { Implicit: false } && parse.GetValue(option) is { } given ? given : Default;
    }
}
