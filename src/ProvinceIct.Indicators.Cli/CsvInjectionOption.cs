using System.CommandLine;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Cli;

/// <summary>The <c>--csv-injection neutralise|none</c> option of every command that writes CSV.</summary>
internal static class CsvInjectionOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--csv-injection")
        {
            Description = CliStrings.Get("Help_CsvInjection"),
            DefaultValueFactory = _ => "neutralise",
        };
        option.AcceptOnlyFromAmong("neutralise", "none");
        return option;
    }

    public static CsvInjectionPolicy Policy(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) == "none" ? CsvInjectionPolicy.None : CsvInjectionPolicy.Neutralise;
}
