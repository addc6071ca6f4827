using System.CommandLine;
using System.CommandLine.Help;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;

namespace ProvinceIct.Indicators.Cli;

/// <summary>The <c>ictindex</c> command line: builds the commands and maps failures to exit codes.</summary>
internal static class IctIndexCli
{
    /// <summary>The environment variable that, set to 1, adds the stack trace to an internal error.</summary>
    public const string DebugVariable = "ICTINDEX_DEBUG";

    /// <summary>
    /// Runs the command line with the given writers (tests pass string writers). Never throws: every failure becomes
    /// a message on <paramref name="stderr"/> and an exit code of <see cref="ExitCodes"/>. When
    /// <paramref name="cancellation"/> is cancelled, the long commands stop at their next check, write nothing, print
    /// one line to <paramref name="stderr"/> and return <see cref="ExitCodes.Cancelled"/>.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default) =>
        Run(args, stdout, stderr, Environment.GetEnvironmentVariable(CliLanguage.Variable), cancellation);

    /// <summary>
    /// As <see cref="Run(string[], TextWriter, TextWriter, CancellationToken)"/>, with the value of
    /// <see cref="CliLanguage.Variable"/> given (tests pass it instead of changing the process environment). The help and
    /// the messages are in the language of <see cref="CliLanguage.Choose"/>.
    /// </summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? languageVariable, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        string language;
        try
        {
            language = CliLanguage.Choose(args, languageVariable);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine(CliStrings.Get("Msg_ErrorPrefix") + ex.Message);
            return ExitCodes.BadArguments;
        }

        using var scope = CliStrings.Use(CliLanguage.Culture(language));
        try
        {
            return RunCommand(args, stdout, stderr, cancellation);
        }
        catch (Exception ex)
        {
            // The last resort: a bug, or a failure while reporting another failure. One line, no stack trace unless asked.
            try
            {
                stderr.WriteLine(CliStrings.Format("Msg_InternalError", ex.GetType().Name, OneLine(ex.Message)));
                if (Environment.GetEnvironmentVariable(DebugVariable) == "1")
                {
                    stderr.WriteLine(ex.ToString());
                }
                else
                {
                    stderr.WriteLine(CliStrings.Format("Msg_InternalErrorDetails", DebugVariable));
                }
            }
            catch (Exception)
            {
                // Standard error is gone too; the exit code is all that is left.
            }

            return ExitCodes.InternalError;
        }
    }

    private static int RunCommand(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var root = BuildRoot(stdout, stderr);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var line in ParseErrors.Describe(parse))
            {
                stderr.WriteLine(CliStrings.Get("Msg_ErrorPrefix") + line);
            }

            stderr.WriteLine(CliStrings.Get("Msg_SeeHelp"));
            return ExitCodes.BadArguments;
        }

        try
        {
            // Signals are handled by the caller (CancellationHost), which cancels the token; the commands get it
            // through their actions' token.
            // Help in another language than English: System.CommandLine writes its headings in English, so the help is
            // written to a buffer first and its headings are put in the chosen language (HelpText.Localise).
            var help = parse.Action is HelpAction && !CliStrings.Culture.Equals(System.Globalization.CultureInfo.InvariantCulture) ? new StringWriter() : null;
            var config = new InvocationConfiguration { Output = help ?? stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            var code = parse.InvokeAsync(config, cancellation).GetAwaiter().GetResult();
            if (help is not null)
            {
                stdout.Write(HelpText.Localise(help.ToString()));
            }

            return code;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stderr.WriteLine(CliStrings.Get("Msg_Cancelled"));
            return ExitCodes.Cancelled;
        }
        catch (UsageException ex)
        {
            stderr.WriteLine(CliStrings.Get("Msg_ErrorPrefix") + ex.Message);
            return ExitCodes.BadArguments;
        }
        catch (ValidationException ex)
        {
            stderr.WriteLine(CliStrings.Get("Msg_ErrorPrefix") + CliStrings.Format("Msg_InvalidInput", ex.What, ex.Report.Problems.Length));
            foreach (var p in ex.Report.Problems)
            {
                stderr.WriteLine(p.Describe(CliStrings.Culture));
            }

            return ExitCodes.InvalidInput;
        }
        catch (CalculationException ex)
        {
            stderr.WriteLine(CliStrings.Get("Msg_ErrorPrefix") + ex.MessageIn(CliStrings.Culture));
            return ExitCodes.InvalidInput;
        }
        catch (IndicatorException ex)
        {
            stderr.WriteLine(CliStrings.Get("Msg_ErrorPrefix") + ex.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The library's writers and the standard-output guard name the path (or the stream) in the message.
            stderr.WriteLine(CliStrings.Get("Msg_ErrorPrefix") + OneLine(ex.Message));
            return ExitCodes.IoError;
        }
        catch (OutOfMemoryException ex)
        {
            // Not a bug: the input is larger than the memory this process may use. What was being built is garbage
            // now, so the message below has room to be written; the writers only replace a file after a complete write.
            stderr.WriteLine(OutOfMemoryMessage(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes));
            if (Environment.GetEnvironmentVariable(DebugVariable) == "1")
            {
                stderr.WriteLine(ex.ToString());
            }

            return ExitCodes.OutOfMemory;
        }
    }

    /// <summary>The one line printed when the input does not fit in memory, naming the limit in MiB.</summary>
    internal static string OutOfMemoryMessage(long availableBytes) =>
        CliStrings.Get("Msg_ErrorPrefix") + CliStrings.Format("Msg_OutOfMemory", availableBytes / (1024 * 1024));

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The root command with every subcommand (tests enumerate its options).</summary>
    internal static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(CliStrings.Get("Help_Command_Root") + "\n" + ExitCodes.HelpText);
        root.Subcommands.Add(RankCommand(stdout));
        root.Subcommands.Add(ComputeCommand(stdout, stderr));
        root.Subcommands.Add(SampleCommand.Create(stdout, stderr));
        root.Subcommands.Add(TemplateCommand.Create(stdout));
        root.Subcommands.Add(GeographyCommands.Provinces(stdout));
        root.Subcommands.Add(GeographyCommands.Match(stdout, stderr));
        root.Subcommands.Add(GeographyCommands.Remap(stdout, stderr));
        root.Subcommands.Add(AnalysisCommands.Uncertainty(stdout, stderr));
        root.Subcommands.Add(AnalysisCommands.Sensitivity(stdout, stderr));
        root.Subcommands.Add(AnalysisCommands.Report(stdout, stderr));
        root.Subcommands.Add(AnalysisCommands.Audit(stdout, stderr));
        root.Subcommands.Add(AnalysisCommands.Target(stdout, stderr));
        root.Subcommands.Add(AnalysisCommands.WhatIf(stdout, stderr));
        root.Subcommands.Add(CompareCommand.Create(stdout, stderr));
        root.Subcommands.Add(SeriesCommand.Create(stdout, stderr));
        root.Subcommands.Add(HistoryCommand.Create(stdout, stderr));
        root.Subcommands.Add(Explore.ExploreCommand.Create(stdout, stderr));
        CliLanguage.AddWhereMissing(root);
        HelpText.LocaliseBuiltInOptions(root);
        return root;
    }

    private static Command RankCommand(TextWriter stdout)
    {
        var top = new Option<int?>("--top") { Description = CliStrings.Get("Help_Rank_Top") };
        var format = new FormatOption([.. FormatOption.TableFormats, OutputFormat.Json]);
        var injection = CsvInjectionOption.Create();
        var language = LanguageOption.Create();
        var cmd = new Command("rank", CliStrings.Get("Help_Command_Rank"))
        {
            top,
            format.Option,
            injection,
            language,
        };
        cmd.SetAction(parse =>
        {
            var n = parse.GetValue(top);
            if (n is < 1)
            {
                throw new UsageException(CliStrings.Format("Msg_AtLeast", "--top", 1));
            }

            var table = RankingTable.From(OpenReadiness2016.Compute(), n, LanguageOption.Options(parse, language));
            stdout.WriteLine(format.Get(parse) switch
            {
                OutputFormat.Csv => table.ToCsv(CsvInjectionOption.Policy(parse, injection)).TrimEnd('\n'),
                OutputFormat.Json => table.ToJson(),
                OutputFormat.Markdown => table.ToMarkdown(),
                OutputFormat.Table => table.ToText(),
                var f => FormatOption.Render(table.ToTable(), f, CsvInjectionOption.Policy(parse, injection)).TrimEnd('\n'),
            });
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command ComputeCommand(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputOptions(dataRequired: true);
        var format = new FormatOption(OutputFormat.Table, OutputFormat.Csv, OutputFormat.LongCsv, OutputFormat.Json, OutputFormat.ResultJson, OutputFormat.Xlsx);
        var log = new Option<FileInfo?>("--log") { Description = CliStrings.Get("Help_Compute_Log") };
        var cmd = new Command("compute", CliStrings.Get("Help_Command_Compute"));
        input.AddTo(cmd);
        cmd.Options.Add(format.Option);
        cmd.Options.Add(log);
        var groupRanks = new Option<string?>("--group-ranks") { Description = CliStrings.Get("Help_Compute_GroupRanks") };
        cmd.Options.Add(groupRanks);
        var injection = CsvInjectionOption.Create();
        cmd.Options.Add(injection);
        var language = LanguageOption.Create();
        cmd.Options.Add(language);
        input.AlsoWrites(log);
        AnalysisCommands.SetCancellableAction(cmd, (parse, cancellation) =>
        {
            var xlsx = format.Get(parse) == OutputFormat.Xlsx;
            var group = parse.GetValue(groupRanks);
            if (group is not null && format.Get(parse) is not (OutputFormat.Table or OutputFormat.Csv))
            {
                throw new UsageException(CliStrings.Get("Msg_GroupRanksTable"));
            }

            if (xlsx && parse.GetValue(input.Output) is null)
            {
                throw new UsageException(CliStrings.Get("Msg_XlsxNeedsOutput"));
            }

            var (m, dataset) = input.Load(parse, stderr, cancellation);
            cancellation.ThrowIfCancellationRequested();
            var result = IndexCalculator.Compute(m, dataset);
            foreach (var warning in result.Log.Warnings)
            {
                stderr.WriteLine(CliStrings.Get("Msg_WarningPrefix") + warning);
            }

            if (parse.GetValue(log) is { } logFile)
            {
                Internal.AtomicFile.WriteAllText(logFile.FullName, result.Treatment.ToText() + "\n\n" + result.Log + "\n", cancellation);
            }

            if (xlsx)
            {
                // Every stage, as COINr's export_to_excel: raw, treated, normalised, scores, ranks, weights, logs.
                IndexWorkbook.Save(parse.GetValue(input.Output)!.FullName, m, dataset, cancellation);
                return ExitCodes.Success;
            }

            // Streamed: a large result is written row by row, never held as one string.
            var policy = CsvInjectionOption.Policy(parse, injection);
            if (group is not null)
            {
                GroupRanks ranks;
                try
                {
                    ranks = GroupRanks.Compute(result, group);
                }
                catch (ArgumentException ex)
                {
                    throw new UsageException("--group-ranks: " + ex.Message.Split(" (Parameter")[0]);
                }

                var text = FormatOption.Render(ranks.ToTable(), format.Get(parse), policy);
                input.Write(parse, stdout, w => w.Write(text), cancellation);
                return ExitCodes.Success;
            }

            Action<TextWriter> write = format.Get(parse) switch
            {
                OutputFormat.Csv => w => ResultCsv.WriteWideCsv(result, w, policy, cancellation),
                OutputFormat.LongCsv => w => ResultCsv.WriteLongCsv(result, w, policy, cancellation),
                OutputFormat.Json => w => w.Write(RankingTable.From(result).ToJson() + "\n"),
                OutputFormat.ResultJson => w =>
                {
                    ResultJson.Write(result, w, cancellation);
                    w.Write('\n');
                },
                _ => w => RankingTable.From(result, null, LanguageOption.Options(parse, language)).WriteText(w, cancellation),
            };
            input.Write(parse, stdout, write, cancellation);
            return ExitCodes.Success;
        });
        return cmd;
    }
}
