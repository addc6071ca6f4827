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
            Description = "Wide CSV data of one edition, as YEAR=FILE or FILE whose name holds the year (2019.csv, dti_2020.csv); repeat for each edition.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var longData = new Option<FileInfo?>("--long-data") { Description = "Instead of --data: one long CSV of every edition, columns unit, indicator, value and year (one row per unit, indicator and year); each year becomes an edition." };
        var preset = new Option<string?>("--preset") { Description = $"The methodology of every edition: a built-in one ({string.Join(", ", PresetCatalog.Names)})." };
        var methodology = new Option<FileInfo?>("--methodology") { Description = "The methodology of every edition: a methodology JSON file." };
        var normalise = new Option<string>("--normalise") { Description = "per-year (each edition on its own bounds) or panel (min-max bounds fixed over every edition, so scores compare over time).", DefaultValueFactory = _ => "per-year" };
        normalise.AcceptOnlyFromAmong("per-year", "panel");
        var baseYear = new Option<int?>("--base-year") { Description = "The base year of the change column (default: the first edition)." };
        var node = new Option<string?>("--node") { Description = "The node whose rank history is shown (default: the index)." };
        var on34 = new Option<int?>("--units-34-from") { Description = "Editions from this year on are on the 34 units of 1 July 2025 (2025 GSO codes); earlier ones on the 63 provinces. Changes across are computed on the 34 units." };
        var remapWeight = new Option<string?>("--remap-weight") { Description = "Across 1 July 2025: the weight column for rates, shares and percents without a denominator (counts and money are summed)." };
        var view = new Option<string>("--view") { Description = "ranks (one row per unit, one rank column per year), history (one row per unit and year, with status and changes), trends (change, % change, CAGR per unit and indicator, first to last edition), checks (year-on-year plausibility flags), report (one self-contained HTML file: rank table and bump chart, tile maps by edition, indicator trends, plausibility flags, ranks within regions; needs --output).", DefaultValueFactory = _ => "ranks" };
        view.AcceptOnlyFromAmong("ranks", "history", "trends", "checks", "report");
        var units = new Option<string?>("--units") { Description = "With --view report: the units of the rank-history chart, as codes separated by commas (a 63-unit province brings its 2025 successor; default: the 10 best in the last edition)." };
        var unit = new Option<string?>("--unit") { Description = "With --view report: the unit of the indicator trend chart (its raw values against the national median), a code of the last edition's units." };
        var impute = new Option<string?>("--impute") { Description = "Fill a unit's missing value from its own values in the other editions of the same geography: carry-forward (the latest earlier value) or linear (between the nearest earlier and later values; never extrapolated). Each filled value is listed on standard error." };
        impute.AcceptOnlyFromAmong("carry-forward", "linear");
        var componentWeights = new Option<string?>("--component-weights") { Description = $"With --preset {VnIctIndex2006.PresetName} (Vietnam ICT Index 2006-2015, whose official weights were not found): your weight for each of its five components, as htkt=W,htnl=W,ud=W,sxkd=W,mt_tccs=W (relative), used for every edition. Required by that preset; used by no other." };
        var format = new FormatOption(FormatOption.TableFormats);
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output." };
        var injection = CsvInjectionOption.Create();
        var cmd = new Command("series", "Several yearly editions as a series: rank history and change vs the previous edition and a base year, indicator trends, plausibility checks; per-year or panel normalisation; across the 2025 reorganisation.");
        foreach (var o in new Option[] { data, longData, preset, methodology, normalise, baseYear, node, on34, remapWeight, view, units, unit, impute, componentWeights, format.Option, output, injection })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(parse =>
        {
            var files = (parse.GetValue(data) ?? []).Select(Edition).ToList();
            var longFile = parse.GetValue(longData);
            if ((files.Count == 0) == (longFile is null))
            {
                throw new UsageException("Give the editions either as --data FILE (repeated) or as one --long-data FILE.");
            }

            OutputPaths.Check([(parse.GetValue(output), "--output")], files.Select(f => ((FileInfo?)f.File, "--data")).Append((longFile, "--long-data")).Append((parse.GetValue(methodology), "--methodology")));
            var p = parse.GetValue(preset);
            var mf = parse.GetValue(methodology);
            if ((p is null) == (mf is null))
            {
                throw new UsageException("Give exactly one of --preset NAME or --methodology FILE.");
            }

            var m = p is not null
                ? PresetWithWeights(p, parse.GetValue(componentWeights), "--preset")
                : MethodologyJson.Load(InputOptions.RequireFile(mf!, "--methodology"));
            if (parse.GetValue(componentWeights) is not null && !string.Equals(p, VnIctIndex2006.PresetName, StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"--component-weights is used only with --preset {VnIctIndex2006.PresetName}.");
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
                        stderr.WriteLine("imputed: " + entry);
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
                throw new UsageException($"--base-year {b.ToString(CultureInfo.InvariantCulture)} is not one of the editions ({string.Join(", ", series.Years)}).");
            }

            var n = parse.GetValue(node);
            if (n is not null && !series.Results.Any(r => r.NodeCodes.Contains(n)))
            {
                throw new UsageException($"--node '{n}' is not a node of the methodology.");
            }

            if (parse.GetValue(view) == "report")
            {
                return WriteReport(series, parse.GetValue(units), parse.GetValue(unit), parse.GetValue(output), stdout, stderr);
            }

            if (parse.GetValue(units) is not null || parse.GetValue(unit) is not null)
            {
                throw new UsageException("--units and --unit are used only with --view report.");
            }

            var table = parse.GetValue(view) switch
            {
                "history" => series.RankHistory(n, baseY).ToTable(),
                "trends" => IndicatorTrends.Compute(series, baseY).ToTable(),
                "checks" => PlausibilityReport.Check(series).ToTable(),
                _ => series.RankHistory(n, baseY).ToWideTable(),
            };
            var text = FormatOption.Render(table, format.Get(parse), CsvInjectionOption.Policy(parse, injection));
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
    private static int WriteReport(IndexSeries series, string? units, string? unit, FileInfo? output, TextWriter stdout, TextWriter stderr)
    {
        if (output is null)
        {
            throw new UsageException("--view report needs --output FILE.html.");
        }

        var last = series.Editions[^1].Dataset;
        if (unit is not null && !last.Units.Any(u => u.Code == unit))
        {
            stderr.WriteLine($"error: --unit: no unit '{unit}' in the last edition ({series.Years[^1].ToString(CultureInfo.InvariantCulture)})." + AnalysisCommands.ClosestUnits(last.Units, unit));
            return ExitCodes.InvalidInput;
        }

        var codes = units?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var c in codes ?? [])
        {
            if (!series.Editions.Any(e => e.Dataset.Units.Any(u => u.Code == c)))
            {
                stderr.WriteLine($"error: --units: no unit '{c}' in any edition." + AnalysisCommands.ClosestUnits(last.Units, c));
                return ExitCodes.InvalidInput;
            }
        }

        Reporting.SeriesReport.Create(series, codes, unit).Save(output.FullName);
        stdout.WriteLine($"Wrote {output.FullName}");
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
                : throw new UsageException($"--data {spec}: the year {given.ToString(CultureInfo.InvariantCulture)} is outside {Series.Edition.MinYear}-{Series.Edition.MaxYear}.");
        }

        var years = YearInName().Matches(Path.GetFileNameWithoutExtension(spec)).Select(x => int.Parse(x.Value, CultureInfo.InvariantCulture))
            .Where(y => y is >= Series.Edition.MinYear and <= Series.Edition.MaxYear).Distinct().ToList();
        return years.Count == 1
            ? (years[0], new FileInfo(spec))
            : throw new UsageException(years.Count == 0
                ? $"--data {spec}: no year in the file name; give it as YEAR={spec}."
                : $"--data {spec}: the file name holds several years ({string.Join(", ", years)}); give it as YEAR={spec}.");
    }

    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)")]
    private static partial Regex YearInName();
}
