using System.CommandLine;
using System.Globalization;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// The <c>compare</c> command: two editions or methodologies side by side (rank change per unit, Spearman rank
/// correlation, units that moved most), optionally across the 1 July 2025 reorganisation (63 provinces before, 34 units after).
/// </summary>
internal static class CompareCommand
{
    /// <summary>The options of one side: a saved result, a preset or a methodology file, and its data.</summary>
    private sealed class Side(string name)
    {
        public Option<FileInfo?> Result { get; } = new("--" + name) { Description = CliStrings.Get("Help_Compare_Side_" + name) };

        public Option<string?> Preset { get; } = new("--" + name + "-preset") { Description = CliStrings.Format("Help_Compare_SidePreset_" + name, PresetNames.HelpList(withComponentWeights: true)) };

        public Option<FileInfo?> MethodologyFile { get; } = new("--" + name + "-methodology") { Description = CliStrings.Get("Help_Compare_SideMethodology_" + name) };

        public Option<FileInfo?> Data { get; } = new("--" + name + "-data") { Description = CliStrings.Format("Help_Compare_SideData_" + name, OpenReadiness2016.PresetName) };

        public void AddTo(Command command)
        {
            foreach (var o in new Option[] { Result, Preset, MethodologyFile, Data })
            {
                command.Options.Add(o);
            }
        }

        /// <summary>The files this side reads, with their option names.</summary>
        public IEnumerable<(FileInfo? File, string Option)> Inputs(ParseResult parse) =>
            [(parse.GetValue(Result), Result.Name), (parse.GetValue(MethodologyFile), MethodologyFile.Name), (parse.GetValue(Data), Data.Name)];

        /// <summary>The side as a saved result, or as a methodology and its data (then Result is null).</summary>
        public (IndexResult? Result, Methodology? Methodology, Dataset? Dataset) Load(ParseResult parse, Option<FileInfo?> sharedData, string? componentWeights = null)
        {
            var result = parse.GetValue(Result);
            var preset = parse.GetValue(Preset);
            var methodologyFile = parse.GetValue(MethodologyFile);
            if ((result is null ? 0 : 1) + (preset is null ? 0 : 1) + (methodologyFile is null ? 0 : 1) != 1)
            {
                throw new UsageException(CliStrings.Format("Msg_GiveOneSide", name));
            }

            var dataFile = parse.GetValue(Data) ?? parse.GetValue(sharedData);
            if (result is not null)
            {
                return parse.GetValue(Data) is null
                    ? (ResultJson.Load(InputOptions.RequireFile(result, "--" + name)), null, null)
                    : throw new UsageException(CliStrings.Format("Msg_SideDataNotWithSaved", name));
            }

            Methodology m;
            if (preset is not null)
            {
                m = SeriesCommand.PresetWithWeights(preset, componentWeights, $"--{name}-preset");
                if (dataFile is null && string.Equals(preset, OpenReadiness2016.PresetName, StringComparison.OrdinalIgnoreCase))
                {
                    return (null, m, OpenReadiness2016.Dataset);
                }
            }
            else
            {
                m = MethodologyJson.Load(InputOptions.RequireFile(methodologyFile!, $"--{name}-methodology"));
            }

            if (dataFile is null)
            {
                throw new UsageException(CliStrings.Format("Msg_SideNeedsData", name));
            }

            var option = parse.GetValue(Data) is null ? "--data" : $"--{name}-data";
            return (null, m, WideCsv.Load(InputOptions.RequireFile(dataFile, option), new WideCsvOptions { Framework = m.Framework }));
        }
    }

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var before = new Side("before");
        var after = new Side("after");
        var data = new Option<FileInfo?>("--data") { Description = CliStrings.Get("Help_Compare_Data") };
        var reorganise = new Option<bool>("--reorganise") { Description = CliStrings.Get("Help_Compare_Reorganise") };
        var remapSum = new Option<string?>("--remap-sum") { Description = CliStrings.Get("Help_Compare_RemapSum") };
        var remapMean = new Option<string?>("--remap-mean") { Description = CliStrings.Get("Help_Compare_RemapMean") };
        var remapWeighted = new Option<string?>("--remap-weighted-mean") { Description = CliStrings.Get("Help_Compare_RemapWeightedMean") };
        var remapWeight = new Option<string?>("--remap-weight") { Description = CliStrings.Get("Help_Compare_RemapWeight") };
        var top = new Option<int>("--top") { Description = CliStrings.Get("Help_Compare_Top"), DefaultValueFactory = _ => 10 };
        var format = new FormatOption(FormatOption.TableFormats);
        var output = new Option<FileInfo?>("--output") { Description = CliStrings.Get("Help_Compare_Output") };
        var injection = CsvInjectionOption.Create();
        var componentWeights = new Option<string?>("--component-weights")
        {
            Description = CliStrings.Format("Help_Compare_ComponentWeights", VnIctIndex2006.PresetName),
        };
        var beforePublished = new Option<string?>("--before-published")
        {
            // The codes from the names of the embedded files: building the command tree does not load the record.
            Description = CliStrings.Format("Help_Compare_BeforePublished", string.Join(", ", PublishedResults.EmbeddedEditionCodes)),
        };
        var cmd = new Command("compare", CliStrings.Get("Help_Command_Compare"));
        before.AddTo(cmd);
        after.AddTo(cmd);
        foreach (var o in new Option[] { beforePublished, componentWeights, data, reorganise, remapSum, remapMean, remapWeighted, remapWeight, top, format.Option, output, injection })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(parse =>
        {
            var k = parse.GetValue(top);
            if (k < 0)
            {
                throw new UsageException(CliStrings.Get("Msg_TopZeroOrMore"));
            }

            OutputPaths.Check(
                [(parse.GetValue(output), "--output")],
                new[] { before, after }.SelectMany(s => s.Inputs(parse)).Append((parse.GetValue(data), "--data")));

            if (parse.GetValue(beforePublished) is { } editionCode)
            {
                return ComparePublished(parse, editionCode, before, after, data, componentWeights, [reorganise, remapSum, remapMean, remapWeighted, remapWeight], format, injection, output, stdout);
            }

            var weights = ComponentWeights(parse, componentWeights, before, after);
            var b = before.Load(parse, data, weights);
            var a = after.Load(parse, data, weights);
            var afterResult = a.Result ?? IndexCalculator.Compute(a.Methodology!, a.Dataset!);
            var remapGiven = parse.GetValue(remapSum) is not null || parse.GetValue(remapMean) is not null || parse.GetValue(remapWeighted) is not null || parse.GetValue(remapWeight) is not null;
            var comparison = Compare(b, afterResult, parse.GetValue(reorganise), remapGiven, () => Plan(b.Dataset!, b.Methodology!.Framework, parse.GetValue(remapSum), parse.GetValue(remapMean), parse.GetValue(remapWeighted), parse.GetValue(remapWeight)), stderr);

            var text = format.Get(parse) switch
            {
                OutputFormat.Csv => comparison.ToCsv(CsvInjectionOption.Policy(parse, injection)) + "\n",
                OutputFormat.Markdown => comparison.ToMarkdown(k) + "\n",
                OutputFormat.Html or OutputFormat.Tsv => FormatOption.Render(comparison.ToTable(), format.Get(parse), CsvInjectionOption.Policy(parse, injection)),
                _ => Text(comparison, k) + "\n",
            };
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
    /// <c>--before-published EDITION</c>: the published edition set against the after side (<see cref="PublishedComparison"/>),
    /// rendered as its table in the chosen format.
    /// </summary>
    private static int ComparePublished(ParseResult parse, string editionCode, Side before, Side after, Option<FileInfo?> data, Option<string?> componentWeights, Option[] acrossOptions,
        FormatOption format, Option<string> injection, Option<FileInfo?> output, TextWriter stdout)
    {
        var others = before.Inputs(parse).Where(i => i.File is not null).Select(i => i.Option).ToList();
        if (parse.GetValue(before.Preset) is not null)
        {
            others.Add(before.Preset.Name);
        }

        if (others.Count > 0)
        {
            throw new UsageException(CliStrings.Format("Msg_BeforePublishedLeaveOut", string.Join(", ", others)));
        }

        var across = acrossOptions.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
        if (across.Count > 0)
        {
            throw new UsageException(CliStrings.Format("Msg_BeforePublishedAcross", string.Join(", ", across)));
        }

        if (!PublishedResults.Default.TryGetEdition(editionCode, out var edition))
        {
            throw new UsageException(CliStrings.Format("Msg_NoPublishedEdition", editionCode, string.Join(", ", PublishedResults.Default.EditionCodes)));
        }

        // A preset with an embedded sample runs on it when no data are given (dti-2022 on its 5 provinces).
        var presetName = parse.GetValue(after.Preset);
        var sample = presetName is not null && parse.GetValue(after.Data) is null && parse.GetValue(data) is null && PresetCatalog.Contains(presetName) ? PresetCatalog.Sample(presetName) : null;
        var a = sample is not null ? (Result: null, Methodology: PresetCatalog.Get(presetName!), Dataset: sample) : after.Load(parse, data, ComponentWeights(parse, componentWeights, after));
        var comparison = PublishedComparison.Compare(edition, a.Result ?? IndexCalculator.Compute(a.Methodology!, a.Dataset!));
        var text = FormatOption.Render(comparison.ToTable(), format.Get(parse), CsvInjectionOption.Policy(parse, injection));
        if (format.Get(parse) == OutputFormat.Table)
        {
            // the methodology statement and the summary first, where a reader of the terminal sees them
            text = comparison.MethodologyNote + "\n" + comparison.Summary + "\n\n" + text;
        }

        if (parse.GetValue(output) is { } file)
        {
            Internal.AtomicFile.WriteAllText(file.FullName, text);
        }
        else
        {
            stdout.Write(text);
        }

        return ExitCodes.Success;
    }

    /// <summary>The --component-weights text, refused unless a side names the 2006-2015 preset.</summary>
    private static string? ComponentWeights(ParseResult parse, Option<string?> option, params Side[] sides)
    {
        var text = parse.GetValue(option);
        if (text is not null && !sides.Any(s => string.Equals(parse.GetValue(s.Preset), VnIctIndex2006.PresetName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new UsageException(CliStrings.Format("Msg_CompareComponentWeightsPresetOnly", VnIctIndex2006.PresetName));
        }

        return text;
    }

    private static ResultComparison Compare((IndexResult? Result, Methodology? Methodology, Dataset? Dataset) b, IndexResult afterResult, bool reorganise, bool remapGiven, Func<RemapPlan> plan, TextWriter stderr)
    {
        if (reorganise)
        {
            if (b.Result is not null)
            {
                return remapGiven
                    ? throw new UsageException(CliStrings.Get("Msg_RemapNeedsBeforeData"))
                    : ResultComparison.AcrossReorganisationByScores(b.Result, afterResult);
            }

            return ResultComparison.AcrossReorganisation(b.Methodology!, b.Dataset!, plan(), afterResult);
        }

        if (remapGiven)
        {
            throw new UsageException(CliStrings.Get("Msg_RemapNeedsReorganise"));
        }

        var beforeResult = b.Result ?? IndexCalculator.Compute(b.Methodology!, b.Dataset!);
        if (beforeResult.Units.Length == 63 && afterResult.Units.Length == 34)
        {
            stderr.WriteLine(CliStrings.Get("Msg_CompareAcrossReorganisation"));
        }

        return ResultComparison.Compare(beforeResult, afterResult);
    }

    /// <summary>
    /// The remap plan of the before data: explicit rules from the options (--remap-mean all gives every column without
    /// another rule a plain mean), the rest by <see cref="RemapPlan.Defaults(Dataset, Framework, string?, IEnumerable{KeyValuePair{string, RemapRule}}?)"/>.
    /// </summary>
    private static RemapPlan Plan(Dataset dataset, Framework framework, string? sum, string? mean, string? weighted, string? weight)
    {
        var rules = new List<KeyValuePair<string, RemapRule>>();
        rules.AddRange(Columns(sum).Select(c => KeyValuePair.Create(c, RemapRule.Sum)));
        foreach (var spec in Columns(weighted))
        {
            var parts = spec.Split(':');
            if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
            {
                throw new UsageException(CliStrings.Format("Msg_RemapWeightedMeanExpects", spec));
            }

            rules.Add(KeyValuePair.Create(parts[0].Trim(), RemapRule.WeightedMean(parts[1].Trim())));
        }

        var meanAll = mean is not null && mean.Trim().Equals("all", StringComparison.OrdinalIgnoreCase);
        if (meanAll)
        {
            var given = rules.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            rules.AddRange(dataset.IndicatorCodes.Where(c => !given.Contains(c)).Select(c => KeyValuePair.Create(c, RemapRule.Mean)));
        }
        else
        {
            rules.AddRange(Columns(mean).Select(c => KeyValuePair.Create(c, RemapRule.Mean)));
        }

        var duplicate = rules.GroupBy(r => r.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsageException(CliStrings.Format("Msg_RemapDuplicateColumn", duplicate.Key));
        }

        var unknown = rules.FirstOrDefault(r => !dataset.HasIndicator(r.Key));
        if (unknown.Key is not null)
        {
            throw new UsageException(CliStrings.Format("Msg_RemapUnknownColumn", unknown.Key));
        }

        return RemapPlan.Defaults(dataset, framework, weight, rules);
    }

    private static string[] Columns(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>"up 36 places", "down 1 place", "no change", or "-" when a rank is missing, in the command line's language.</summary>
    internal static string Movement(double change) => double.IsNaN(change) ? "-"
        : CliStrings.Format("Compare_Movement", Math.Abs(change).ToString("0.##", CultureInfo.InvariantCulture)).Split('|')[change == 0 ? 0 : (change > 0 ? 1 : 3) + (Math.Abs(change) == 1 ? 0 : 1)];

    private static string Text(ResultComparison c, int top)
    {
        static string R(double x) => double.IsNaN(x) ? "-" : x.ToString("0.##", CultureInfo.InvariantCulture);
        static string S(double x) => double.IsNaN(x) ? "-" : x.ToString("0.00", CultureInfo.InvariantCulture);
        static IReadOnlyList<string> Row(UnitRankChange r) =>
            [r.UnitCode == r.AfterUnitCode ? r.UnitCode : r.UnitCode + " -> " + r.AfterUnitCode, r.Name, S(r.ScoreBefore), S(r.ScoreAfter), R(r.RankBefore), R(r.RankAfter), Movement(r.RankChange)];
        var header = CliStrings.Get("Compare_Header").Split('|');
        var sb = new System.Text.StringBuilder();
        sb.Append(CliStrings.Format("Compare_Summary", c.BeforeCode, c.AfterCode, c.Rows.Length, c.RankCorrelation.Coefficient, c.MeanAbsoluteRankChange)).Append('\n');
        sb.Append(c.Basis switch
        {
            ComparisonBasis.RemappedData => CliStrings.Get("Compare_RemappedBasis") + "\n",
            ComparisonBasis.AveragedScores => CliStrings.Get("Compare_AveragedBasis") + "\n",
            _ => string.Empty,
        });
        if (!c.OnlyBefore.IsEmpty)
        {
            sb.Append(CliStrings.Get("Compare_OnlyBefore")).Append(string.Join(", ", c.OnlyBefore)).Append('\n');
        }

        if (!c.OnlyAfter.IsEmpty)
        {
            sb.Append(CliStrings.Get("Compare_OnlyAfter")).Append(string.Join(", ", c.OnlyAfter)).Append('\n');
        }

        if (top > 0)
        {
            sb.Append('\n').Append(CliStrings.Get("Compare_MovedMost")).Append('\n').Append(TextTable.Format(header, [.. c.MovedMost(top).Select(Row)])).Append('\n');
        }

        sb.Append('\n').Append(CliStrings.Get("Compare_AllUnits")).Append('\n').Append(TextTable.Format(header,
            [.. c.Rows.OrderBy(r => double.IsNaN(r.RankAfter) ? double.PositiveInfinity : r.RankAfter).ThenBy(r => r.UnitCode, StringComparer.Ordinal).Select(Row)]));
        if (c.Remap is { } log)
        {
            sb.Append("\n\n").Append(CliStrings.Get("Compare_HowFormed")).Append('\n').Append(TextTable.Format(CliStrings.Get("Compare_FormedHeader").Split('|'),
                [.. log.Units.Select(u => (IReadOnlyList<string>)[u.Unit.Code, u.Unit.NameVi, string.Join(" + ", u.Predecessors.Select(p => p.Code + " " + p.NameVi))])]));
        }

        return sb.ToString();
    }
}
