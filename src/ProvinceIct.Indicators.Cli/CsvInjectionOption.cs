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
            Description = "CSV output: 'neutralise' (default) writes a text cell that starts with = + - @, tab or CR with a leading apostrophe and quoted, so a spreadsheet shows it instead of running it as a formula (reading the file back with ictindex removes the apostrophe); 'none' writes every cell as it is. Numbers are never changed.",
            DefaultValueFactory = _ => "neutralise",
        };
        option.AcceptOnlyFromAmong("neutralise", "none");
        return option;
    }

    public static CsvInjectionPolicy Policy(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) == "none" ? CsvInjectionPolicy.None : CsvInjectionPolicy.Neutralise;
}
