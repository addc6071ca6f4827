using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Series;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// The <c>series</c> command: several yearly editions of one methodology read as a series (rank history with change
/// against the previous edition and a base year, indicator trends, year-on-year plausibility flags), per-year or
/// panel normalisation, across the 1 July 2025 reorganisation when some editions are on the 34 units.
/// </summary>
internal static partial class SeriesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<string[]>("--data")
        {
            Description = CliStrings.Get("Help_Series_Data"),
            Arity = ArgumentArity.ZeroOrMore,
        };
        var longData = new Option<FileInfo?>("--long-data") { Description = CliStrings.Get("Help_Series_LongData") };
        var preset = new Option<string?>("--preset") { Description = CliStrings.Format("Help_Series_Preset", PresetNames.HelpList(withComponentWeights: true)) };
        var methodology = new Option<FileInfo?>("--methodology") { Description = CliStrings.Get("Help_Series_Methodology") };
        var normalise = new Option<string>("--normalise") { Description = CliStrings.Get("Help_Series_Normalise"), DefaultValueFactory = _ => "per-year" };
        normalise.AcceptOnlyFromAmong("per-year", "panel");
        var baseYear = new Option<int?>("--base-year") { Description = CliStrings.Get("Help_Series_BaseYear") };
        var node = new Option<string?>("--node") { Description = CliStrings.Get("Help_Series_Node") };
        var on34 = new Option<int?>("--units-34-from") { Description = CliStrings.Get("Help_Series_Units34From") };
        var remapWeight = new Option<string?>("--remap-weight") { Description = CliStrings.Get("Help_Series_RemapWeight") };
        var view = new Option<string>("--view") { Description = CliStrings.Get("Help_Series_View"), DefaultValueFactory = _ => "ranks" };
        view.AcceptOnlyFromAmong("ranks", "history", "trends", "checks", "report");
        var units = new Option<string?>("--units") { Description = CliStrings.Get("Help_Series_Units") };
        var unit = new Option<string?>("--unit") { Description = CliStrings.Get("Help_Series_Unit") };
        var impute = new Option<string?>("--impute") { Description = CliStrings.Get("Help_Series_Impute") };
        impute.AcceptOnlyFromAmong("carry-forward", "linear");
        var componentWeights = new Option<string?>("--component-weights") { Description = CliStrings.Format("Help_Series_ComponentWeights", VnIctIndex2006.PresetName) };
        var format = new FormatOption(FormatOption.TableFormats);
        var output = new Option<FileInfo?>("--output") { Description = CliStrings.Get("Help_Series_Output") };
        var injection = CsvInjectionOption.Create();
        var language = LanguageOption.Create();
        var cmd = new Command("series", CliStrings.Get("Help_Command_Series"));
        foreach (var o in new Option[] { data, longData, preset, methodology, normalise, baseYear, node, on34, remapWeight, view, units, unit, impute, componentWeights, format.Option, output, injection, language })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(parse =>
        {
            var files = (parse.GetValue(data) ?? []).Select(Edition).ToList();
            var longFile = parse.GetValue(longData);
            if ((files.Count == 0) == (longFile is null))
            {
                throw new UsageException(CliStrings.Get("Msg_SeriesEditionsEitherWay"));
            }

            OutputPaths.Check([(parse.GetValue(output), "--output")], files.Select(f => ((FileInfo?)f.File, "--data")).Append((longFile, "--long-data")).Append((parse.GetValue(methodology), "--methodology")));
            var p = parse.GetValue(preset);
            var mf = parse.GetValue(methodology);
            if ((p is null) == (mf is null))
            {
                throw new UsageException(CliStrings.Get("Msg_SeriesGiveOneMethodology"));
            }

            var m = p is not null
                ? PresetWithWeights(p, parse.GetValue(componentWeights), "--preset")
                : MethodologyJson.Load(InputOptions.RequireFile(mf!, "--methodology"));
            if (parse.GetValue(componentWeights) is not null && !string.Equals(p, VnIctIndex2006.PresetName, StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException(CliStrings.Format("Msg_ComponentWeightsPresetOnly", VnIctIndex2006.PresetName));
            }

            var from34 = parse.GetValue(on34);
            var weight = parse.GetValue(remapWeight);
            var datasets = longFile is not null
                ? LongCsvEditions.Read(InputOptions.RequireFile(longFile, "--long-data")).GetValueOrThrow().Select(p => (Year: p.Key, Load: (Func<Model.Dataset>)(() => p.Value))).ToList()
                : files.Select(f => (f.Year, Load: (Func<Model.Dataset>)(() => WideCsv.Load(InputOptions.RequireFile(f.File, "--data"), new WideCsvOptions { Framework = m.Framework })))).ToList();
            var editions = datasets.Select(f =>
            {
                var geography = from34 is { } y && f.Year >= y ? ProvinceGeography.Provinces2025 : ProvinceGeography.Provinces2016;
                var dataset = f.Load();
                var plan = geography == ProvinceGeography.Provinces2016 && from34 is not null && weight is not null ? RemapPlan.Defaults(dataset, m.Framework, weight) : null;
                return Series.Edition.Create(f.Year, m, dataset, geography, plan);
            }).ToList();
            if (parse.GetValue(impute) is { } how)
            {
                var imputer = how == "linear" ? Treatment.PanelImputer.Linear() : Treatment.PanelImputer.LastObservationCarriedForward;
                foreach (var panel in editions.GroupBy(e => e.Geography).ToList())
                {
                    var filled = imputer.Apply(panel.ToDictionary(e => e.Year, e => e.Dataset));
                    foreach (var entry in filled.Imputed)
                    {
                        stderr.WriteLine(CliStrings.Get("Msg_ImputedPrefix") + entry);
                    }

                    foreach (var e in panel)
                    {
                        editions[editions.IndexOf(e)] = Series.Edition.Create(e.Year, e.Methodology, filled[e.Year], e.Geography, e.RemapPlan);
                    }
                }
            }

            var series = IndexSeries.Create(editions, parse.GetValue(normalise) == "panel" ? SeriesNormalisation.Panel : SeriesNormalisation.PerYear);
            var baseY = parse.GetValue(baseYear);
            if (baseY is { } b && !series.Years.Contains(b))
            {
                throw new UsageException("--base-year " + b.ToString(CultureInfo.InvariantCulture) + " " + CliStrings.Format("Msg_NotAnEdition", string.Join(", ", series.Years)));
            }

            var n = parse.GetValue(node);
            if (n is not null && !series.Results.Any(r => r.NodeCodes.Contains(n)))
            {
                throw new UsageException(CliStrings.Format("Msg_NotANode", n));
            }

            if (parse.GetValue(view) == "report")
            {
                return WriteReport(series, parse.GetValue(units), parse.GetValue(unit), parse.GetValue(output), LanguageOption.Options(parse, language), stdout, stderr);
            }

            if (parse.GetValue(units) is not null || parse.GetValue(unit) is not null)
            {
                throw new UsageException(CliStrings.Get("Msg_UnitsOnlyWithReport"));
            }

            // the forms for readers (table, Markdown, HTML) follow --language; CSV and TSV keep their keys and invariant numbers
            var outputFormat = format.Get(parse);
            var readers = outputFormat is OutputFormat.Table or OutputFormat.Markdown or OutputFormat.Html ? LanguageOption.Options(parse, language) : Reporting.ReportOptions.Default;
            var table = parse.GetValue(view) switch
            {
                "history" => Reporting.SeriesTables.Ranks(series.RankHistory(n, baseY), readers),
                "trends" => Reporting.SeriesTables.Trends(IndicatorTrends.Compute(series, baseY), readers),
                "checks" => Reporting.SeriesTables.Plausibility(PlausibilityReport.Check(series), readers),
                _ => Reporting.SeriesTables.WideRanks(series.RankHistory(n, baseY), readers),
            };
            var text = FormatOption.Render(table, outputFormat, CsvInjectionOption.Policy(parse, injection));
            if (parse.GetValue(output) is { } file)
            {
                Internal.AtomicFile.WriteAllText(file.FullName, text);
            }
            else
            {
                stdout.Write(text);
            }

            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>
    /// A built-in methodology by name; <see cref="VnIctIndex2006.PresetName"/> is built from the <c>--component-weights</c>
    /// text and refuses to run without it, as in <c>compute</c>.
    /// </summary>
    internal static Calculation.Methodology PresetWithWeights(string name, string? componentWeights, string option) =>
        string.Equals(name, VnIctIndex2006.PresetName, StringComparison.OrdinalIgnoreCase)
            ? InputOptions.VnIctIndex2006Methodology(componentWeights) ?? throw new UsageException(Suggestions.UnknownPreset(name, option))
            : PresetCatalog.TryGet(name, out var found) ? found : throw new UsageException(Suggestions.UnknownPreset(name, option));

    /// <summary>Writes the series report (HTML) to the output file.</summary>
    private static int WriteReport(IndexSeries series, string? units, string? unit, FileInfo? output, Reporting.ReportOptions options, TextWriter stdout, TextWriter stderr)
    {
        if (output is null)
        {
            throw new UsageException(CliStrings.Get("Msg_ReportNeedsOutput"));
        }

        var last = series.Editions[^1].Dataset;
        if (unit is not null && !last.Units.Any(u => u.Code == unit))
        {
            stderr.WriteLine(CliStrings.Get("Msg_ErrorPrefix") + CliStrings.Format("Msg_NoUnitInLastEdition", "--unit", unit, series.Years[^1]) + AnalysisCommands.ClosestUnits(last.Units, unit));
            return ExitCodes.InvalidInput;
        }

        var codes = units?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var c in codes ?? [])
        {
            if (!series.Editions.Any(e => e.Dataset.Units.Any(u => u.Code == c)))
            {
                stderr.WriteLine(CliStrings.Get("Msg_ErrorPrefix") + CliStrings.Format("Msg_NoUnitInAnyEdition", "--units", c) + AnalysisCommands.ClosestUnits(last.Units, c));
                return ExitCodes.InvalidInput;
            }
        }

        Reporting.SeriesReport.Create(series, codes, unit, Reporting.SeriesReport.DefaultGroup, options).Save(output.FullName);
        stdout.WriteLine(CliStrings.Format("Msg_Wrote", output.FullName));
        return ExitCodes.Success;
    }

    /// <summary>Reads <c>YEAR=FILE</c> or <c>FILE</c> with a year (1900 to 2200) in its name.</summary>
    internal static (int Year, FileInfo File) Edition(string spec)
    {
        var eq = spec.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0 && int.TryParse(spec.AsSpan(0, eq), NumberStyles.None, CultureInfo.InvariantCulture, out var given))
        {
            return given is >= Series.Edition.MinYear and <= Series.Edition.MaxYear
                ? (given, new FileInfo(spec[(eq + 1)..]))
                : throw new UsageException(CliStrings.Format("Msg_YearOutside", spec, given, Series.Edition.MinYear, Series.Edition.MaxYear));
        }

        var years = YearInName().Matches(Path.GetFileNameWithoutExtension(spec)).Select(x => int.Parse(x.Value, CultureInfo.InvariantCulture))
            .Where(y => y is >= Series.Edition.MinYear and <= Series.Edition.MaxYear).Distinct().ToList();
        return years.Count == 1
            ? (years[0], new FileInfo(spec))
            : throw new UsageException(years.Count == 0
                ? CliStrings.Format("Msg_SeriesNoYearInName", spec)
                : CliStrings.Format("Msg_SeriesSeveralYearsInName", spec, string.Join(", ", years)));
    }

    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)")]
    private static partial Regex YearInName();
}
