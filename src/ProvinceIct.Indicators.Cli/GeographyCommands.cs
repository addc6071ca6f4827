using System.CommandLine;
using System.Globalization;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Cli;

/// <summary>The <c>provinces</c>, <c>match</c> and <c>remap</c> commands.</summary>
internal static class GeographyCommands
{
    internal static Option<string> GeographyOption() =>
        new("--geography") { Description = CliStrings.Get("Help_Geography"), DefaultValueFactory = _ => "2016" };

    internal static ProvinceGeography ParseGeography(string text) => text switch
    {
        "2016" => ProvinceGeography.Provinces2016,
        "2025" => ProvinceGeography.Provinces2025,
        _ => throw new UsageException(CliStrings.Format("Msg_GeographyValue", text)),
    };

    public static Command Provinces(TextWriter stdout)
    {
        var geography = GeographyOption();
        var format = new FormatOption(OutputFormat.Table, OutputFormat.Csv);
        var injection = CsvInjectionOption.Create();
        var language = LanguageOption.Create();
        var cmd = new Command("provinces", CliStrings.Get("Help_Command_Provinces")) { geography, format.Option, injection, language };
        cmd.SetAction(parse =>
        {
            var g = ParseGeography(parse.GetValue(geography)!);
            var csv = format.Get(parse) == OutputFormat.Csv;
            var vi = !csv && LanguageOption.Options(parse, language).IsVietnamese;
            var culture = vi ? Reporting.ReportOptions.Vietnamese.Culture : System.Globalization.CultureInfo.InvariantCulture;
            string T(string key) => Internal.Localization.Strings.Get(key, culture);
            var rows = ProvinceCatalog.Default.Provinces(g).Select(p => new[]
            {
                p.Code, p.NameVi, p.NameEn, vi ? T("UnitType_" + p.UnitType) : p.UnitType.ToString().ToLowerInvariant(), (vi ? p.Region6Vi ?? p.Region : p.Region) ?? string.Empty, p.Iso3166_2 ?? string.Empty,
                g == ProvinceGeography.Provinces2016 ? p.SuccessorCode ?? string.Empty : string.Join(";", p.PredecessorCodes),
            }).ToList();
            string[] header = [T("Provinces_Code"), T("Provinces_NameVi"), T("Provinces_NameEn"), T("Provinces_Type"), T("Provinces_Region"), T("Provinces_Iso"), T(g == ProvinceGeography.Provinces2016 ? "Provinces_Successor" : "Provinces_Predecessors")];
            if (csv)
            {
                CsvTable.Write(stdout, new[] { header }.Concat(rows), injection: CsvInjectionOption.Policy(parse, injection));
            }
            else
            {
                stdout.WriteLine(TextTable.Format(header, rows));
            }

            return ExitCodes.Success;
        });
        return cmd;
    }

    public static Command Match(TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string>("name") { Description = CliStrings.Get("Help_Match_Name") };
        var geography = GeographyOption();
        var cmd = new Command("match", CliStrings.Get("Help_Command_Match")) { name, geography };
        cmd.SetAction(parse =>
        {
            var g = ParseGeography(parse.GetValue(geography)!);
            var text = parse.GetValue(name)!;
            if (ProvinceCatalog.Default.TryMatch(text, g, out var province))
            {
                stdout.WriteLine(province.Code + " " + province.NameVi);
                return ExitCodes.Success;
            }

            try
            {
                ProvinceCatalog.Default.Match(text, g);
            }
            catch (Geography.ProvinceMatchException ex)
            {
                stderr.WriteLine(CliStrings.Get("Msg_ErrorPrefix") + ex.MessageIn(CliStrings.Culture));
                if (!ex.Candidates.IsEmpty)
                {
                    stderr.WriteLine(CliStrings.Get("Msg_CandidatesPrefix") + string.Join(", ", ex.Candidates.Select(c => c.Code + " " + c.NameVi)));
                }

                if (ex is ProvinceNotFoundException { FormerProvince: { } former } && g == ProvinceGeography.Provinces2025)
                {
                    stderr.WriteLine(CliStrings.Format("Msg_MatchHint", text, former.Code + " " + former.NameVi));
                }
            }

            return ExitCodes.InvalidInput;
        });
        return cmd;
    }

    public static Command Remap(TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<FileInfo>("--data") { Description = CliStrings.Get("Help_Remap_Data"), Required = true };
        var to = new Option<string>("--to") { Description = CliStrings.Get("Help_Remap_To"), Required = true };
        to.AcceptOnlyFromAmong("2025");
        var sum = new Option<string?>("--sum") { Description = CliStrings.Get("Help_Remap_Sum") };
        var weighted = new Option<string?>("--weighted-mean") { Description = CliStrings.Get("Help_Remap_WeightedMean") };
        var mean = new Option<string?>("--mean") { Description = CliStrings.Get("Help_Remap_Mean") };
        var output = new Option<FileInfo>("--output") { Description = CliStrings.Get("Help_Remap_Output"), Required = true };
        var onPartial = new Option<string>("--on-partial")
        {
            Description = CliStrings.Get("Help_Remap_OnPartial"),
            DefaultValueFactory = _ => "warn",
        };
        onPartial.AcceptOnlyFromAmong("warn", "error");
        var strict = new Option<bool>("--strict") { Description = CliStrings.Get("Help_Remap_Strict") };
        var injection = CsvInjectionOption.Create();
        var cmd = new Command("remap", CliStrings.Get("Help_Command_Remap"))
        {
            data, to, sum, weighted, mean, output, onPartial, strict, injection,
        };
        cmd.SetAction(parse =>
        {
            var rules = new List<KeyValuePair<string, RemapRule>>();
            rules.AddRange(Columns(parse.GetValue(sum)).Select(c => KeyValuePair.Create(c, RemapRule.Sum)));
            rules.AddRange(Columns(parse.GetValue(mean)).Select(c => KeyValuePair.Create(c, RemapRule.Mean)));
            foreach (var spec in Columns(parse.GetValue(weighted)))
            {
                var parts = spec.Split(':');
                if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
                {
                    throw new UsageException(CliStrings.Format("Msg_WeightedMeanSpec", spec));
                }

                rules.Add(KeyValuePair.Create(parts[0].Trim(), RemapRule.WeightedMean(parts[1].Trim())));
            }

            var duplicate = rules.GroupBy(r => r.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new UsageException(CliStrings.Format("Msg_ColumnTwoRules", duplicate.Key));
            }

            var file = parse.GetValue(data)!;
            if (!file.Exists)
            {
                throw new UsageException(CliStrings.Format("Msg_FileNotFound", "--data", file.FullName));
            }

            OutputPaths.Check([(parse.GetValue(output), "--output")], [(file, "--data")]);

            var policy = parse.GetValue(strict) || parse.GetValue(onPartial) == "error" ? RemapPartialPolicy.Error : RemapPartialPolicy.Warn;
            var dataset = WideCsv.Load(file.FullName);
            var result = BoundaryRemapper.Remap(dataset, RemapPlan.Create(rules));
            var log = result.Log;
            if (!log.IsComplete)
            {
                WriteIncomplete(stderr, log, policy);
                if (policy == RemapPartialPolicy.Error)
                {
                    return ExitCodes.InvalidInput;
                }
            }

            WideCsv.Save(result.Dataset, parse.GetValue(output)!.FullName, CsvInjectionOption.Policy(parse, injection));
            var incomplete = log.IncompleteUnits.ToList();
            var blank = incomplete.Count(u => u.Outcome == RemapOutcome.Missing);
            stdout.WriteLine(CliStrings.Format("Msg_Remapped", log.InputUnitCount, result.Dataset.UnitCount, result.Dataset.UnitCount - incomplete.Count, incomplete.Count - blank, blank, parse.GetValue(output)!.FullName));
            foreach (var unit in log.Units.Where(u => u.Predecessors.Length > 1))
            {
                stdout.WriteLine($"  {unit.Unit.Code} {unit.Unit.NameVi} <- {string.Join(" + ", unit.Predecessors.Select(p => p.Code + " " + p.NameVi))}");
            }

            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>
    /// Lists on stderr every 2025 unit that is not complete (partial, or without data because none of its 2016 units has
    /// a row), with the absent predecessors and the columns whose value is missing or partial, and every input unit
    /// that is carried to no 2025 unit.
    /// </summary>
    private static void WriteIncomplete(TextWriter stderr, RemapLog log, RemapPartialPolicy policy)
    {
        var prefix = CliStrings.Get(policy == RemapPartialPolicy.Error ? "Msg_ErrorPrefix" : "Msg_WarningPrefix");
        var incomplete = log.IncompleteUnits.ToList();
        var blank = incomplete.Count(u => u.Outcome == RemapOutcome.Missing);
        var absent = log.AbsentPredecessors.ToList();
        if (incomplete.Count > 0)
        {
            stderr.WriteLine(prefix + CliStrings.Format("Msg_RemapIncomplete", incomplete.Count, log.Units.Length, incomplete.Count - blank, blank, absent.Count));
            foreach (var u in incomplete)
            {
                var line = new System.Text.StringBuilder("  ").Append(CliStrings.Get(u.Outcome == RemapOutcome.Missing ? "Msg_RemapUnitNoData" : "Msg_RemapUnitPartial")).Append(u.Unit.Code).Append(' ').Append(u.Unit.NameVi);
                if (!u.AbsentPredecessors.IsEmpty)
                {
                    line.Append(CliStrings.Get("Msg_RemapAbsent")).Append(string.Join(", ", u.AbsentPredecessors.Select(p => p.Code + " " + p.NameVi)));
                }

                var cells = u.Cells.Where(c => c.Outcome != RemapOutcome.Complete).ToList();
                if (u.Outcome != RemapOutcome.Missing && cells.Count > 0)
                {
                    line.Append(u.AbsentPredecessors.IsEmpty ? ": " : "; ").Append(CliStrings.Get("Msg_RemapValues"))
                        .Append(string.Join(", ", cells.Select(c => c.IndicatorCode + " " + CliStrings.Get(c.Outcome == RemapOutcome.Missing ? "Msg_RemapValueMissing" : c.IsPartialSum ? "Msg_RemapValuePartialSum" : "Msg_RemapValuePartial")
                            + CliStrings.Format("Msg_RemapNoValueFrom", string.Join(", ", c.MissingPredecessorCodes)))));
                }

                stderr.WriteLine(line.ToString());
            }
        }

        var lost = incomplete.Where(u => !u.Cells.IsEmpty && u.Cells.All(c => c.Outcome == RemapOutcome.Missing))
            .SelectMany(u => u.Predecessors.Except(u.AbsentPredecessors)).ToList();
        if (lost.Count > 0)
        {
            stderr.WriteLine(prefix + CliStrings.Format("Msg_RemapLost", string.Join(", ", lost.Select(p => p.Code + " " + p.NameVi))));
        }

        if (!log.UnmappedInputCodes.IsEmpty)
        {
            stderr.WriteLine(prefix + CliStrings.Format("Msg_RemapUnmapped", string.Join(", ", log.UnmappedInputCodes)));
        }

        if (policy == RemapPartialPolicy.Warn)
        {
            stderr.WriteLine(CliStrings.Get("Msg_RemapWarnHint"));
        }
    }

    private static string[] Columns(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
