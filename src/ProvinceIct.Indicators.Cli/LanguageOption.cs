using System.CommandLine;
using ProvinceIct.Indicators.Reporting;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// The <c>--language en|vi</c> option of the commands that write text for readers (rank, compute, report, series): the
/// language of headings, table headers and notes, and the number format shown (<c>vi</c>: decimal comma). CSV keys,
/// JSON and full-precision CSV numbers stay the same in every language, so existing consumers keep working. The
/// culture is chosen here and passed to the library explicitly; the process culture is never changed. Without the
/// option, the language of the command line (<see cref="CliLanguage.Of"/>: <c>ICTINDEX_LANGUAGE</c>, else English) is
/// used, so the same choice also puts the help and the messages in that language; the default shown by <c>--help</c> is
/// the real one, <c>en</c>, whatever the language of the help.
/// </summary>
internal static class LanguageOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--language")
        {
            Description = CliStrings.Get("Help_Language"),
            DefaultValueFactory = _ => CliLanguage.HelpDefault,
            HelpName = "en|vi",
        };
        option.AcceptOnlyFromAmong("en", "vi");
        return option;
    }

    public static ReportOptions Options(ParseResult parse, Option<string> option) =>
        CliLanguage.Of(parse, option) == "vi" ? ReportOptions.Vietnamese : ReportOptions.Default;
}
