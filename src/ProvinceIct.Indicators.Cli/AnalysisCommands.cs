using System.CommandLine;
using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Cli;

/// <summary>The <c>uncertainty</c> and <c>sensitivity</c> commands.</summary>
internal static class AnalysisCommands
{
    private sealed class FactorOptions
    {
        public Option<double?> WeightsNoise { get; } = new("--weights-noise") { Description = CliStrings.Get("Help_Analysis_WeightsNoise") };

        public Option<string?> WeightsNoiseLevels { get; } = new("--weights-noise-levels") { Description = CliStrings.Get("Help_Analysis_WeightsNoiseLevels") };

        public Option<string?> NormaliseChoices { get; } = new("--normalise-choices") { Description = CliStrings.Get("Help_Analysis_NormaliseChoices") };

        public Option<string?> AggregateChoices { get; } = new("--aggregate-choices") { Description = CliStrings.Get("Help_Analysis_AggregateChoices") };

        public Option<string?> ImputeChoices { get; } = new("--impute-choices") { Description = CliStrings.Get("Help_Analysis_ImputeChoices") };

        public Option<string?> TreatChoices { get; } = new("--treat-choices") { Description = CliStrings.Get("Help_Analysis_TreatChoices") };

        public Option<bool> ExcludeOne { get; } = new("--exclude-one") { Description = CliStrings.Get("Help_Analysis_ExcludeOne") };

        public Option<int> Seed { get; } = new("--seed") { Description = CliStrings.Get("Help_Analysis_Seed"), DefaultValueFactory = _ => 1 };

        public Option<int> Threads { get; } = new("--threads") { Description = CliStrings.Get("Help_Analysis_Threads"), DefaultValueFactory = _ => Environment.ProcessorCount };

        public Option<string> Sampler { get; } = new("--sampler") { Description = CliStrings.Get("Help_Analysis_Sampler"), DefaultValueFactory = _ => "shifted-sobol" };

        public Option<string> OnFailure { get; } = new("--on-failure") { Description = CliStrings.Get("Help_Analysis_OnFailure"), DefaultValueFactory = _ => "abort" };

        public void AddTo(Command command)
        {
            OnFailure.AcceptOnlyFromAmong("abort", "skip");
            Sampler.AcceptOnlyFromAmong("shifted-sobol", "sobol", "random");
            foreach (var o in new Option[] { WeightsNoise, WeightsNoiseLevels, NormaliseChoices, AggregateChoices, ImputeChoices, TreatChoices, ExcludeOne, Seed, Threads, Sampler, OnFailure })
            {
                command.Options.Add(o);
            }
        }

        public List<UncertainFactor> Factors(ParseResult parse)
        {
            var factors = new List<UncertainFactor>();
            if (parse.GetValue(WeightsNoise) is { } f)
            {
                if (!(f > 0 && f < 1))
                {
                    throw new UsageException(CliStrings.Get("Msg_WeightsNoiseRange"));
                }

                var levels = parse.GetValue(WeightsNoiseLevels) is { } text ? text.Split(',').Select(l => int.TryParse(l.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 1 ? v : throw new UsageException(CliStrings.Format("Msg_NotALevel", "--weights-noise-levels", l))).ToList() : null;
                factors.Add(UncertainFactor.WeightNoise(f, levels));
            }
            else if (parse.GetValue(WeightsNoiseLevels) is not null)
            {
                throw new UsageException(CliStrings.Get("Msg_WeightsNoiseLevelsNeedsNoise"));
            }

            if (parse.GetValue(NormaliseChoices) is { } norms)
            {
                var list = MethodOptions.SplitMethods(norms).Select(ParseNormaliser).ToList();
                factors.Add(list.Count >= 2 ? UncertainFactor.NormaliserChoice(list) : throw new UsageException(CliStrings.Get("Msg_NormaliseChoicesTwo")));
            }

            if (parse.GetValue(AggregateChoices) is { } aggs)
            {
                var list = MethodOptions.SplitMethods(aggs).Select(MethodOptions.ParseAggregator).ToList();
                factors.Add(list.Count >= 2 ? UncertainFactor.AggregatorChoice(list) : throw new UsageException(CliStrings.Get("Msg_AggregateChoicesTwo")));
            }

            if (parse.GetValue(ImputeChoices) is { } imputes)
            {
                var list = MethodOptions.SplitMethods(imputes).Select(t => ParseImputer(t.Trim())).ToList();
                factors.Add(list.Count >= 2 ? UncertainFactor.ImputationChoice(list) : throw new UsageException(CliStrings.Get("Msg_ImputeChoicesTwo")));
            }

            if (parse.GetValue(TreatChoices) is { } treats)
            {
                var list = MethodOptions.SplitMethods(treats).Select(t => ParseTreatment(t.Trim())).ToList();
                factors.Add(list.Count >= 2 ? UncertainFactor.OutlierTreatmentChoice(list) : throw new UsageException(CliStrings.Get("Msg_TreatChoicesTwo")));
            }

            if (parse.GetValue(ExcludeOne))
            {
                factors.Add(UncertainFactor.ExcludeOneIndicator());
            }

            return factors.Count > 0 ? factors : throw new UsageException(CliStrings.Get("Msg_GiveAFactor"));
        }

        public UncertaintyOptions Options(ParseResult parse, int runs)
        {
            var threads = parse.GetValue(Threads);
            if (threads < 1)
            {
                throw new UsageException(CliStrings.Format("Msg_AtLeast", "--threads", 1));
            }

            return UncertaintyOptions.Default with
            {
                Runs = runs,
                Seed = unchecked((ulong)parse.GetValue(Seed)),
                Threads = threads,
                OnFailure = parse.GetValue(OnFailure) == "skip" ? FailedReplicationPolicy.Skip : FailedReplicationPolicy.Abort,
                Sampler = parse.GetValue(Sampler) switch
                {
                    "random" => SamplerKind.Random,
                    "sobol" => SamplerKind.Sobol,
                    _ => SamplerKind.ShiftedSobol,
                },
            };
        }
    }

    private static Treatment.Imputer ParseImputer(string spec) =>
        TreatmentOptions.ParseImputer(spec, "--impute-choices") ?? throw new UsageException(CliStrings.Get("Msg_ImputeChoicesNone"));

    private static Treatment.OutlierTreatment? ParseTreatment(string spec) => TreatmentOptions.ParseTreatment(spec, "--treat-choices");

    internal static Normaliser ParseNormaliser(string spec) => MethodOptions.ParseNormaliser(spec.Trim());

    public static Command Uncertainty(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputOptions(dataRequired: false);
        var factors = new FactorOptions();
        var runs = new Option<int>("--runs") { Description = CliStrings.Get("Help_Uncertainty_Runs"), DefaultValueFactory = _ => 1000 };
        var format = new FormatOption(OutputFormat.Table, OutputFormat.Markdown, OutputFormat.Html, OutputFormat.Csv, OutputFormat.Tsv, OutputFormat.Json);
        var cmd = new Command("uncertainty", CliStrings.Get("Help_Command_Uncertainty"));
        input.AddTo(cmd);
        factors.AddTo(cmd);
        cmd.Options.Add(runs);
        cmd.Options.Add(format.Option);
        var injection = CsvInjectionOption.Create();
        cmd.Options.Add(injection);
        SetCancellableAction(cmd, (parse, cancellation) =>
        {
            var n = parse.GetValue(runs);
            if (n < 2)
            {
                throw new UsageException(CliStrings.Format("Msg_AtLeast", "--runs", 2));
            }

            var (m, dataset) = input.Load(parse, stderr, cancellation);
            var result = UncertaintyAnalysis.Run(m, dataset, factors.Factors(parse), factors.Options(parse, n), ProgressBar(stderr), cancellation);
            ClearProgress(stderr);
            if (!result.Failures.IsEmpty)
            {
                // Every format: the CSV has no place for it, so standard error always carries the summary.
                stderr.WriteLine(CliStrings.Get("Msg_WarningPrefix") + result.FailureSummaryIn(CliStrings.Culture));
            }

            input.Write(parse, stdout, format.Get(parse) switch
            {
                OutputFormat.Csv => result.ToCsv(CsvInjectionOption.Policy(parse, injection)),
                OutputFormat.Json => result.ToJson() + "\n",
                OutputFormat.Markdown or OutputFormat.Html or OutputFormat.Tsv => FormatOption.Render(Reporting.UncertaintyTable.From(result).ToTable(), format.Get(parse), CsvInjectionOption.Policy(parse, injection)),
                _ => result.ToText() + "\n",
            });
            return ExitCodes.Success;
        });
        return cmd;
    }

    public static Command Sensitivity(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputOptions(dataRequired: false);
        var factors = new FactorOptions();
        var baseRuns = new Option<int>("--base") { Description = CliStrings.Get("Help_Sensitivity_Base"), DefaultValueFactory = _ => 1024 };
        var format = new FormatOption(FormatOption.TableFormats);
        var cmd = new Command("sensitivity", CliStrings.Get("Help_Command_Sensitivity"));
        input.AddTo(cmd);
        factors.AddTo(cmd);
        cmd.Options.Add(baseRuns);
        cmd.Options.Add(format.Option);
        var injection = CsvInjectionOption.Create();
        cmd.Options.Add(injection);
        SetCancellableAction(cmd, (parse, cancellation) =>
        {
            var n = parse.GetValue(baseRuns);
            if (n < 2)
            {
                throw new UsageException(CliStrings.Format("Msg_AtLeast", "--base", 2));
            }

            var (m, dataset) = input.Load(parse, stderr, cancellation);
            var result = SensitivityAnalysis.Run(m, dataset, factors.Factors(parse), factors.Options(parse, n), ProgressBar(stderr), cancellation);
            ClearProgress(stderr);
            input.Write(parse, stdout, format.Get(parse) switch
            {
                OutputFormat.Table => result + "\n",
                OutputFormat.Csv => result.ToCsv(CsvInjectionOption.Policy(parse, injection)),
                var f => FormatOption.Render(result.ToTable(), f, CsvInjectionOption.Policy(parse, injection)),
            });
            return ExitCodes.Success;
        });
        return cmd;
    }

    public static Command Report(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputOptions(dataRequired: false);
        var factors = new FactorOptions();
        var runs = UncertaintyRunsOption(CliStrings.Get("Help_Report_UncertaintyRuns"));
        var unit = new Option<string?>("--unit") { Description = CliStrings.Get("Help_Report_Unit") };
        var format = FormatOption.WithDefault(OutputFormat.Html, OutputFormat.Html, OutputFormat.Markdown);
        var cmd = new Command("report", CliStrings.Get("Help_Command_Report"));
        input.AddTo(cmd);
        factors.AddTo(cmd);
        cmd.Options.Add(runs);
        cmd.Options.Add(unit);
        var groupRanks = new Option<string?>("--group-ranks") { Description = CliStrings.Get("Help_Report_GroupRanks") };
        cmd.Options.Add(groupRanks);
        cmd.Options.Add(format.Option);
        var language = LanguageOption.Create();
        cmd.Options.Add(language);
        SetCancellableAction(cmd, (parse, cancellation) =>
        {
            var markdown = format.Get(parse) == OutputFormat.Markdown;
            var options = LanguageOption.Options(parse, language);
            if (parse.GetValue(input.Output) is null)
            {
                throw new UsageException(CliStrings.Format("Msg_ReportNeedsOutputFile", markdown ? "FILE.md" : "FILE.html"));
            }

            if (markdown && parse.GetValue(unit) is not null)
            {
                throw new UsageException(CliStrings.Get("Msg_UnitReportIsHtml"));
            }

            var (m, dataset) = input.Load(parse, stderr, cancellation);
            var result = Calculation.IndexCalculator.Compute(m, dataset);
            foreach (var warning in result.Log.Warnings)
            {
                stderr.WriteLine(CliStrings.Get("Msg_WarningPrefix") + warning);
            }

            var n = parse.GetValue(runs);
            var group = parse.GetValue(groupRanks);
            if (parse.GetValue(unit) is { } code)
            {
                if (group is not null)
                {
                    throw new UsageException(CliStrings.Get("Msg_GroupRanksNotWithUnit"));
                }

                if (n > 0)
                {
                    throw new UsageException(CliStrings.Get("Msg_UncertaintyRunsNotWithUnit"));
                }

                if (!result.Units.Any(u => u.Code == code))
                {
                    stderr.WriteLine(CliStrings.Get("Msg_ErrorPrefix") + CliStrings.Format("Msg_NoUnitInData", "--unit", code) + ClosestUnits(result.Units, code));
                    return ExitCodes.InvalidInput;
                }

                input.Write(parse, stdout, Reporting.UnitReport.Create(result, dataset, code, "region", options).ToHtml());
                stdout.WriteLine(CliStrings.Format("Msg_Wrote", parse.GetValue(input.Output)!.FullName));
                return ExitCodes.Success;
            }

            var ua = OptionalUncertainty(parse, runs, factors, m, dataset, stderr, cancellation);
            var audit = Analysis.AuditReport.Create(m, dataset);
            var html = Reporting.HtmlReport.Create(result, ua, ua is null ? audit : audit.WithUncertainty(ua), options);
            if (group is not null)
            {
                try
                {
                    html = html.WithGroupRanks(group);
                }
                catch (ArgumentException ex)
                {
                    throw new UsageException("--group-ranks: " + ex.Message.Split(" (Parameter")[0]);
                }
            }

            input.Write(parse, stdout, markdown
                ? MarkdownReport(result, ua is null ? audit : audit.WithUncertainty(ua), options) + (html.GroupRanks is { } g ? "\n" + g.ToTable().ToMarkdown() + "\n" : string.Empty)
                : html.ToHtml());
            stdout.WriteLine(CliStrings.Format("Msg_Wrote", parse.GetValue(input.Output)!.FullName));
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>The Markdown form of the report: the ranking table, then the statistical audit (with its uncertainty section when one was run).</summary>
    private static string MarkdownReport(IndexResult result, Analysis.AuditReport audit, Reporting.ReportOptions options) =>
        Reporting.RankingTable.From(result, null, options).ToMarkdown() + "\n\n" + Reporting.AuditTable.From(audit, options).ToMarkdownDocument() + "\n";

    /// <summary>
    /// After an unknown indicator code: the closest indicator codes, and every code when the framework has at most 12
    /// indicators (else how to list them).
    /// </summary>
    private static string IndicatorHint(Model.Framework framework, string text)
    {
        var codes = framework.Indicators.Select(i => i.Code).ToList();
        var list = codes.Count <= 12 ? CliStrings.Format("Msg_TheIndicatorsAre", string.Join(", ", codes)) : CliStrings.Get("Msg_RunAuditToList");
        return list + Suggestions.DidYouMean(text, codes);
    }

    /// <summary>
    /// " Did you mean ...?" for a unit code that is not in the result: the province the text names (a name, spelling or
    /// code in either geography) when that unit is in the result, else the catalogue's closest provinces that are, else
    /// (for a text of 3 or more characters) the unit codes nearest in spelling.
    /// </summary>
    internal static string ClosestUnits(IEnumerable<Model.Unit> units, string text)
    {
        var inResult = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var geography in new[] { Geography.ProvinceGeography.Provinces2016, Geography.ProvinceGeography.Provinces2025 })
        {
            try
            {
                var p = Geography.ProvinceCatalog.Default.Match(text, geography);
                if (inResult.TryGetValue(p.Code, out var u))
                {
                    found.Add(u.ToString());
                }
            }
            catch (Geography.ProvinceMatchException ex)
            {
                found.AddRange(ex.Candidates.Where(c => inResult.ContainsKey(c.Code)).Select(c => inResult[c.Code].ToString()));
            }
        }

        var distinct = found.Distinct(StringComparer.Ordinal).Take(5).ToList();
        if (distinct.Count == 0 && text.Length >= 3)
        {
            // Not a province of the catalogue (your own units): the nearest codes by spelling.
            distinct = [.. Suggestions.Closest(text, inResult.Keys).Select(c => inResult[c].ToString())];
        }

        if (distinct.Count > 0)
        {
            return CliStrings.Format("Msg_DidYouMeanList", string.Join(", ", distinct));
        }

        // Nothing close: the valid codes (the first 40 when there are more).
        var codes = inResult.Keys.Order(StringComparer.Ordinal).ToList();
        return CliStrings.Format("Msg_TheUnitCodesAre", string.Join(", ", codes.Take(40)) + (codes.Count > 40 ? CliStrings.Format("Msg_MoreCodes", codes.Count) : string.Empty));
    }


    /// <summary>The <c>--uncertainty-runs N</c> option of the commands that add an optional uncertainty analysis (0, the default, for none).</summary>
    private static Option<int> UncertaintyRunsOption(string description) =>
        new("--uncertainty-runs") { Description = description, DefaultValueFactory = _ => 0 };

    /// <summary>Runs the uncertainty analysis asked for by <c>--uncertainty-runs N</c> (at least 2 runs) and the factor options, or returns null when N is 0.</summary>
    private static UncertaintyResult? OptionalUncertainty(ParseResult parse, Option<int> runs, FactorOptions factors, Methodology methodology, Model.Dataset dataset, TextWriter stderr, CancellationToken cancellation)
    {
        var n = parse.GetValue(runs);
        if (n < 0)
        {
            throw new UsageException(CliStrings.Get("Msg_UncertaintyRunsNonNegative"));
        }

        if (n == 0)
        {
            return null;
        }

        var result = UncertaintyAnalysis.Run(methodology, dataset, factors.Factors(parse), factors.Options(parse, Math.Max(2, n)), ProgressBar(stderr), cancellation);
        ClearProgress(stderr);
        if (!result.Failures.IsEmpty)
        {
            stderr.WriteLine(CliStrings.Get("Msg_WarningPrefix") + result.FailureSummaryIn(CliStrings.Culture));
        }

        return result;
    }

    public static Command Audit(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputOptions(dataRequired: false);
        var factors = new FactorOptions();
        var runs = UncertaintyRunsOption(CliStrings.Get("Help_Audit_UncertaintyRuns"));
        var method = new Option<string>("--correlation") { Description = CliStrings.Get("Help_Audit_Correlation"), DefaultValueFactory = _ => "pearson" };
        method.AcceptOnlyFromAmong("pearson", "spearman", "kendall");
        var format = FormatOption.WithDefault(OutputFormat.Markdown, OutputFormat.Markdown, OutputFormat.Table, OutputFormat.Html, OutputFormat.Csv, OutputFormat.Xlsx);
        var injection = CsvInjectionOption.Create();
        var cmd = new Command("audit", CliStrings.Get("Help_Command_Audit"));
        var language = LanguageOption.Create();
        input.AddTo(cmd);
        factors.AddTo(cmd);
        cmd.Options.Add(runs);
        cmd.Options.Add(method);
        cmd.Options.Add(language);
        cmd.Options.Add(format.Option);
        cmd.Options.Add(injection);
        SetCancellableAction(cmd, (parse, cancellation) =>
        {
            var xlsx = format.Get(parse) == OutputFormat.Xlsx;
            if (xlsx && parse.GetValue(input.Output) is null)
            {
                throw new UsageException(CliStrings.Get("Msg_XlsxNeedsOutput"));
            }

            var (m, dataset) = input.Load(parse, stderr, cancellation);
            var correlation = parse.GetValue(method) switch
            {
                "spearman" => Analysis.CorrelationMethod.Spearman,
                "kendall" => Analysis.CorrelationMethod.Kendall,
                _ => Analysis.CorrelationMethod.Pearson,
            };
            var audit = Analysis.AuditReport.Create(m, dataset, correlation);
            if (OptionalUncertainty(parse, runs, factors, m, dataset, stderr, cancellation) is { } ua)
            {
                audit = audit.WithUncertainty(ua);
            }

            if (xlsx)
            {
                Reporting.IndexWorkbook.SaveAudit(parse.GetValue(input.Output)!.FullName, audit, cancellation);
                return ExitCodes.Success;
            }

            var options = LanguageOption.Options(parse, language);
            input.Write(parse, stdout, format.Get(parse) switch
            {
                OutputFormat.Table => Reporting.AuditTable.From(audit, options).ToText() + "\n",
                OutputFormat.Html => Reporting.AuditTable.From(audit, options).ToHtml() + "\n",
                OutputFormat.Csv => Reporting.AuditTable.From(audit).ToCsv(CsvInjectionOption.Policy(parse, injection)),
                _ => Reporting.AuditTable.From(audit, options).ToMarkdownDocument() + "\n",
            });
            return ExitCodes.Success;
        });
        return cmd;
    }

    public static Command Target(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputOptions(dataRequired: false);
        var unit = new Option<string>("--unit") { Description = CliStrings.Get("Help_Target_Unit"), Required = true };
        var indicator = new Option<string?>("--indicator") { Description = CliStrings.Get("Help_Target_Indicator") };
        var budget = new Option<string?>("--budget") { Description = CliStrings.Get("Help_Target_Budget") };
        var rank = new Option<int?>("--rank") { Description = CliStrings.Get("Help_Target_Rank") };
        var score = new Option<double?>("--score") { Description = CliStrings.Get("Help_Target_Score") };
        var format = new FormatOption(FormatOption.TableFormats);
        var injection = CsvInjectionOption.Create();
        var cmd = new Command("target", CliStrings.Get("Help_Command_Target"));
        input.AddTo(cmd);
        cmd.Options.Add(unit);
        cmd.Options.Add(indicator);
        cmd.Options.Add(budget);
        cmd.Options.Add(rank);
        cmd.Options.Add(score);
        cmd.Options.Add(format.Option);
        cmd.Options.Add(injection);
        SetCancellableAction(cmd, (parse, cancellation) =>
        {
            var r = parse.GetValue(rank);
            var sc = parse.GetValue(score);
            if ((r is null) == (sc is null))
            {
                throw new UsageException(CliStrings.Get("Msg_GiveRankOrScore"));
            }

            var code = parse.GetValue(indicator);
            var list = parse.GetValue(budget);
            if ((code is null) == (list is null))
            {
                throw new UsageException(CliStrings.Get("Msg_GiveIndicatorOrBudget"));
            }

            if (r is < 1)
            {
                throw new UsageException(CliStrings.Format("Msg_AtLeast", "--rank", 1));
            }

            var (m, dataset) = input.Load(parse, stderr, cancellation);
            var u = parse.GetValue(unit)!;
            if (!dataset.Units.Any(x => x.Code == u))
            {
                throw new UsageException(CliStrings.Format("Msg_NoUnitInData", "--unit", u) + ClosestUnits(dataset.Units, u));
            }

            string[]? codes = list is null || list.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
                ? null
                : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var c in (code is null ? codes : [code]) ?? [])
            {
                if (!m.Framework.Contains(c) || !m.Framework[c].IsIndicator)
                {
                    throw new UsageException(CliStrings.Format("Msg_NotAnIndicator", code is null ? "--budget" : "--indicator", c) + IndicatorHint(m.Framework, c));
                }
            }

            if (codes is { Length: 0 })
            {
                throw new UsageException(CliStrings.Get("Msg_BudgetEmpty"));
            }

            if (code is not null)
            {
                var single = r is { } k
                    ? Analysis.TargetSeeking.ForRank(m, dataset, u, code, k, cancellation: cancellation)
                    : Analysis.TargetSeeking.ForScore(m, dataset, u, code, sc!.Value, cancellation: cancellation);
                input.Write(parse, stdout, format.Get(parse) == OutputFormat.Table ? single + "\n" : FormatOption.Render(single.ToTable(), format.Get(parse), CsvInjectionOption.Policy(parse, injection)));
                return ExitCodes.Success;
            }

            var result = r is { } rk
                ? Analysis.BudgetTargetSeeking.ForRank(m, dataset, u, rk, codes, cancellation: cancellation)
                : Analysis.BudgetTargetSeeking.ForScore(m, dataset, u, sc!.Value, codes, cancellation: cancellation);
            input.Write(parse, stdout, format.Get(parse) switch
            {
                OutputFormat.Table => BudgetText(result) + "\n",
                OutputFormat.Markdown => result.ToMarkdown() + "\n",
                var f => FormatOption.Render(result.ToTable(), f, CsvInjectionOption.Policy(parse, injection)),
            });
            return ExitCodes.Success;
        });
        return cmd;
    }

    public static Command WhatIf(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputOptions(dataRequired: false);
        var unit = new Option<string>("--unit") { Description = CliStrings.Get("Help_WhatIf_Unit"), Required = true };
        var set = new Option<string>("--set") { Description = CliStrings.Get("Help_WhatIf_Set"), Required = true };
        var format = new FormatOption(FormatOption.TableFormats);
        var injection = CsvInjectionOption.Create();
        var cmd = new Command("what-if", CliStrings.Get("Help_Command_WhatIf"));
        input.AddTo(cmd);
        cmd.Options.Add(unit);
        cmd.Options.Add(set);
        cmd.Options.Add(format.Option);
        cmd.Options.Add(injection);
        SetCancellableAction(cmd, (parse, cancellation) =>
        {
            var changes = new List<KeyValuePair<string, double>>();
            foreach (var part in parse.GetValue(set)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || !double.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new UsageException(CliStrings.Format("Msg_SetNotIndValue", part));
                }

                changes.Add(KeyValuePair.Create(part[..eq].Trim(), value));
            }

            if (changes.Count == 0)
            {
                throw new UsageException(CliStrings.Get("Msg_SetEmpty"));
            }

            var (m, dataset) = input.Load(parse, stderr, cancellation);
            var u = parse.GetValue(unit)!;
            if (!dataset.Units.Any(x => x.Code == u))
            {
                throw new UsageException(CliStrings.Format("Msg_NoUnitInData", "--unit", u) + ClosestUnits(dataset.Units, u));
            }

            foreach (var (c, _) in changes)
            {
                if (!m.Framework.Contains(c) || !m.Framework[c].IsIndicator)
                {
                    throw new UsageException(CliStrings.Format("Msg_NotAnIndicator", "--set", c) + IndicatorHint(m.Framework, c));
                }
            }

            var result = Analysis.WhatIf.Compute(m, dataset, u, changes);
            input.Write(parse, stdout, format.Get(parse) switch
            {
                OutputFormat.Markdown => result.ToMarkdown() + "\n",
                var f => FormatOption.Render(result.ToTable(), f, CsvInjectionOption.Policy(parse, injection)),
            });
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>The budget answer: the message, the aligned table of indicators, and the verified rank and score.</summary>
    private static string BudgetText(Analysis.BudgetTargetSeeking t)
    {
        static string G(double x) => double.IsNaN(x) ? "-" : x.ToString("G6", CultureInfo.InvariantCulture);
        var rows = t.Changes.Select(c => (IReadOnlyList<string>)[c.IndicatorCode, G(c.CurrentValue), G(c.ProposedValue), double.IsNaN(c.Change) ? "-" : (c.Change > 0 ? "+" : string.Empty) + G(c.Change),
            c.WeightShare.ToString("0.000", CultureInfo.InvariantCulture), CliStrings.Get("Target_YesNo").Split('|')[c.AtLimit ? 0 : 1]]).ToList();
        var table = rows.Count == 0 ? CliStrings.Get("Target_NoIndicatorCanImprove") : TextTable.Format(CliStrings.Get("Target_Header").Split('|'), rows);
        var verdict = CliStrings.Get("Target_Verdicts").Split('|')[t.Outcome switch
        {
            Analysis.TargetOutcome.AlreadyMet => 0,
            Analysis.TargetOutcome.Achievable => 1,
            _ => 2,
        }];
        return t.Message + "\n\n" + table + "\n\n" + CliStrings.Format("Target_Verdict", verdict, G(t.CurrentRank), G(t.NewRank), t.CurrentScore, t.NewScore);
    }

    /// <summary>Sets a command's action with the invocation's cancellation token (cancelled on SIGINT or SIGTERM by <see cref="CancellationHost"/>).</summary>
    internal static void SetCancellableAction(Command command, Func<ParseResult, CancellationToken, int> action) =>
        command.SetAction((parse, cancellation) => Task.FromResult(action(parse, cancellation)));

    private static bool IsTerminal(TextWriter stderr) => ReferenceEquals(stderr is GuardedWriter g ? g.Inner : stderr, Console.Error) && !Console.IsErrorRedirected;

    private static TerminalProgress? ProgressBar(TextWriter stderr) => IsTerminal(stderr) ? new TerminalProgress(stderr) : null;

    private static void ClearProgress(TextWriter stderr)
    {
        if (IsTerminal(stderr))
        {
            stderr.Write("\r" + new string(' ', 50) + "\r");
        }
    }

    /// <summary>A progress bar on the terminal, drawn synchronously (the analysis reports from its own thread).</summary>
    private sealed class TerminalProgress(TextWriter stderr) : IProgress<UncertaintyProgress>
    {
        public void Report(UncertaintyProgress value) =>
            stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', (int)(value.Fraction * 40)),-40}] {value.Fraction,4:P0}"));
    }
}
