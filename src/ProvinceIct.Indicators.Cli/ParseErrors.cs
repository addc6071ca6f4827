using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// Rewrites System.CommandLine's parse errors into one plain line each: no .NET type names, the option and the value,
/// what was expected, and the closest command or option for a mistyped one.
/// </summary>
internal static partial class ParseErrors
{
    /// <summary>The lines to print (without the "error: " prefix), in the parser's order.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var lines = new List<string>();
        var unrecognized = parse.Errors.Any(e => UnrecognizedPattern().IsMatch(e.Message));
        var skipNextValue = false;
        foreach (var e in parse.Errors)
        {
            var m = UnrecognizedPattern().Match(e.Message);
            if (m.Success)
            {
                var token = m.Groups[1].Value;
                if (skipNextValue && !token.StartsWith('-'))
                {
                    // The value of the unknown option just reported ("--tpo 5"): one line is enough.
                    skipNextValue = false;
                    continue;
                }

                skipNextValue = token.StartsWith('-');
                lines.Add(Unrecognized(parse.CommandResult, token));
                continue;
            }

            skipNextValue = false;
            if (unrecognized && e.Message.StartsWith("Required command was not provided", StringComparison.Ordinal))
            {
                // "ictindex compte": the unknown command is the error worth showing.
                continue;
            }

            lines.Add(Rewrite(e));
        }

        return lines;
    }

    private static string Unrecognized(CommandResult command, string token)
    {
        var cmd = command.Command;
        var path = CommandPath(command);
        if (token.StartsWith('-'))
        {
            var names = new List<string>();
            for (SymbolResult? r = command; r is not null; r = r.Parent)
            {
                if (r is CommandResult c)
                {
                    foreach (var o in c.Command.Options.Where(o => r == command || o.Recursive))
                    {
                        names.Add(o.Name);
                        names.AddRange(o.Aliases);
                    }
                }
            }

            return CliStrings.Format("Msg_UnknownOption", token, path) + Suggestions.DidYouMean(token, names.Where(n => n.StartsWith('-')));
        }

        if (cmd.Subcommands.Count > 0)
        {
            return CliStrings.Format("Msg_UnknownCommand", token) + Suggestions.DidYouMean(token, cmd.Subcommands.Where(s => !s.Hidden).Select(s => s.Name))
                + (Suggestions.Closest(token, cmd.Subcommands.Select(s => s.Name)).Count == 0 ? CliStrings.Format("Msg_TheCommandsAre", string.Join(", ", cmd.Subcommands.Where(s => !s.Hidden).Select(s => s.Name))) : string.Empty);
        }

        return CliStrings.Format("Msg_UnexpectedArgument", token, path);
    }

    private static string CommandPath(CommandResult command)
    {
        var parts = new List<string>();
        for (SymbolResult? r = command; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                parts.Insert(0, c.Parent is null ? "ictindex" : c.Command.Name);
            }
        }

        return string.Join(' ', parts);
    }

    private static string Rewrite(ParseError e)
    {
        var option = e.SymbolResult as OptionResult ?? e.SymbolResult?.Parent as OptionResult;
        var argument = e.SymbolResult as ArgumentResult;
        var what = option is not null ? option.Option.Name : argument is not null ? argument.Argument.Name.ToUpperInvariant() : null;
        var quoted = FirstQuoted().Match(e.Message);
        var value = quoted.Success ? quoted.Groups[1].Value : string.Join(' ', e.SymbolResult?.Tokens.Select(t => t.Value) ?? []);

        if (e.Message.Contains("not recognized. Must be one of", StringComparison.Ordinal))
        {
            var choices = ChoiceLine().Matches(e.Message).Select(c => c.Groups[1].Value).ToList();
            return CliStrings.Format("Msg_NotOneOf", what, value, string.Join(", ", choices)) + Suggestions.DidYouMean(value, choices);
        }

        if (e.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal) || HasTypeName(e.Message))
        {
            var type = option?.Option.ValueType ?? argument?.Argument.ValueType;
            var expected = Expected(type);
            var subject = what ?? CliStrings.Get("Msg_Argument");
            return expected == CliStrings.Get("Msg_Expected_WholeNumber") && WholeNumber().IsMatch(value)
                ? CliStrings.Format("Msg_OutOfRangeWholeNumber", subject, value)
                : CliStrings.Format("Msg_ValueExpected", subject, value, expected);
        }

        return Translate(OneLine(e.Message));
    }

    /// <summary>
    /// The parser's own messages that are passed on as they are (a missing required option, argument or command; too
    /// many values), in the command line's language; any other message unchanged.
    /// </summary>
    private static string Translate(string message)
    {
        if (!CliStrings.IsVietnamese)
        {
            return message;
        }

        var m = RequiredOption().Match(message);
        if (m.Success)
        {
            return CliStrings.Format("Msg_RequiredOption", m.Groups[1].Value);
        }

        m = RequiredArgument().Match(message);
        if (m.Success)
        {
            return CliStrings.Format("Msg_RequiredArgument", m.Groups[1].Value);
        }

        m = SingleArgument().Match(message);
        if (m.Success)
        {
            return CliStrings.Format("Msg_SingleArgument", m.Groups[1].Value, m.Groups[2].Value);
        }

        return message.StartsWith("Required command was not provided", StringComparison.Ordinal)
            ? CliStrings.Get("Msg_RequiredCommand")
            : message;
    }

    /// <summary>What a value of the type must be, in words ("is not a whole number").</summary>
    public static string Expected(Type? type)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (t is not null && t.IsArray)
        {
            t = t.GetElementType();
        }

        if (t is not null && t.IsEnum)
        {
            return CliStrings.Format("Msg_Expected_OneOf", string.Join(", ", Enum.GetNames(t).Select(n => n.ToLowerInvariant())));
        }

        return CliStrings.Get(t switch
        {
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(uint) || t == typeof(ulong) => "Msg_Expected_WholeNumber",
            _ when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => "Msg_Expected_Number",
            _ when t == typeof(bool) => "Msg_Expected_Boolean",
            _ when t == typeof(FileInfo) || t == typeof(DirectoryInfo) => "Msg_Expected_Path",
            _ => "Msg_Expected_Value",
        });
    }

    /// <summary>True when the text holds a .NET type name ("System.Int32", "Nullable`1").</summary>
    public static bool HasTypeName(string text) => text.Contains("System.", StringComparison.Ordinal) || text.Contains('`', StringComparison.Ordinal);

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.?$")]
    private static partial Regex UnrecognizedPattern();

    [GeneratedRegex(@"^Option '([^']*)' is required\.$")]
    private static partial Regex RequiredOption();

    [GeneratedRegex(@"^Required argument missing for command: '([^']*)'\.$")]
    private static partial Regex RequiredArgument();

    [GeneratedRegex(@"^(.*) expects a single argument but ([0-9]+) were provided\.$")]
    private static partial Regex SingleArgument();

    [GeneratedRegex(@"^\s*[+-]?[0-9]+\s*$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex FirstQuoted();

    [GeneratedRegex(@"^\s+'([^']*)'\s*$", RegexOptions.Multiline)]
    private static partial Regex ChoiceLine();
}
