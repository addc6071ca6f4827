using System.CommandLine;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;

namespace ProvinceIct.Indicators.Cli;

/// <summary>The <c>ictindex</c> command line: builds the commands and maps failures to exit codes.</summary>
internal static class IctIndexCli
{
    /// <summary>Runs the command line with the given writers (tests pass string writers).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot(stdout, stderr);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine("error: " + e.Message);
            }

            stderr.WriteLine("Run 'ictindex --help' for usage.");
            return ExitCodes.BadArguments;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitCodes.BadArguments;
        }
        catch (ValidationException ex)
        {
            stderr.WriteLine($"error: invalid {ex.What}: {ex.Report.Problems.Length} problem(s)");
            foreach (var p in ex.Report.Problems)
            {
                stderr.WriteLine(p.ToString());
            }

            return ExitCodes.InvalidInput;
        }
        catch (CalculationException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitCodes.InvalidInput;
        }
        catch (IndicatorException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitCodes.BadArguments;
        }
    }

    private static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("ictindex: compute and rank composite readiness indices of Vietnam's provinces (or any units).");
        root.Subcommands.Add(RankCommand(stdout));
        root.Subcommands.Add(ComputeCommand(stdout));
        root.Subcommands.Add(GeographyCommands.Provinces(stdout));
        root.Subcommands.Add(GeographyCommands.Match(stdout, stderr));
        root.Subcommands.Add(GeographyCommands.Remap(stdout));
        return root;
    }

    private static Command RankCommand(TextWriter stdout)
    {
        var top = new Option<int?>("--top") { Description = "Show only the first N provinces." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json", "markdown");
        var cmd = new Command("rank", "Rank the 63 provinces on the embedded Open-data Provincial Readiness Index 2016 (illustrative; not the official Vietnam ICT Index).")
        {
            top,
            format,
        };
        cmd.SetAction(parse =>
        {
            var n = parse.GetValue(top);
            if (n is < 1)
            {
                throw new UsageException("--top must be at least 1.");
            }

            var table = RankingTable.From(OpenReadiness2016.Compute(), n);
            stdout.WriteLine(parse.GetValue(format) switch
            {
                "csv" => table.ToCsv().TrimEnd('\n'),
                "json" => table.ToJson(),
                "markdown" => table.ToMarkdown(),
                _ => table.ToText(),
            });
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command ComputeCommand(TextWriter stdout)
    {
        var data = new Option<FileInfo>("--data") { Description = "Wide CSV in COINr's iData layout (uCode, uName, Group_* columns, one column per indicator).", Required = true };
        var meta = new Option<FileInfo?>("--meta") { Description = "COINr iMeta CSV (iCode, iName, Level, Parent, Direction, Weight, Type, ...)." };
        var methodology = new Option<FileInfo?>("--methodology") { Description = "A methodology JSON file." };
        var preset = new Option<string?>("--preset") { Description = "A built-in methodology: " + string.Join(", ", PresetCatalog.Names) + "." };
        var normalise = new Option<string?>("--normalise") { Description = "Normaliser for every indicator." };
        normalise.AcceptOnlyFromAmong(MethodOptions.Normalisers);
        var range = new Option<string?>("--range") { Description = "Output range L,U of the normaliser (minmax, percentile-rank, dist-to-max, fraction-of-max)." };
        var aggregate = new Option<string?>("--aggregate") { Description = "Aggregator for every aggregate: arithmetic, geometric, harmonic, power:P or minimum." };
        var ties = new Option<string?>("--ties") { Description = "Tie policy of the rankings." };
        ties.AcceptOnlyFromAmong(MethodOptions.TieNames);
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "long-csv", "json");
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output." };
        var cmd = new Command("compute", "Compute an index from your own data with iMeta metadata, a methodology JSON or a built-in preset.")
        {
            data, meta, methodology, preset, normalise, range, aggregate, ties, format, output,
        };
        cmd.SetAction(parse =>
        {
            var metaFile = parse.GetValue(meta);
            var methodologyFile = parse.GetValue(methodology);
            var presetName = parse.GetValue(preset);
            if ((metaFile is null ? 0 : 1) + (methodologyFile is null ? 0 : 1) + (presetName is null ? 0 : 1) != 1)
            {
                throw new UsageException("Give exactly one of --meta FILE, --methodology FILE or --preset NAME.");
            }

            Methodology m;
            IReadOnlyList<string> groups = [];
            if (presetName is not null)
            {
                m = PresetCatalog.TryGet(presetName, out var p)
                    ? p
                    : throw new UsageException($"Unknown preset '{presetName}'; known presets: {string.Join(", ", PresetCatalog.Names)}.");
            }
            else if (metaFile is not null)
            {
                var table = MetaCsv.Load(RequireFile(metaFile, "--meta"));
                m = Methodology.Create(table.Framework.IndexCode, table.Framework.Root.Name, table.Framework);
                groups = table.GroupCodes;
            }
            else
            {
                m = MethodologyJson.Load(RequireFile(methodologyFile!, "--methodology"));
            }

            m = MethodOptions.Apply(m, parse.GetValue(normalise), parse.GetValue(range), parse.GetValue(aggregate), parse.GetValue(ties));
            var dataset = WideCsv.Load(RequireFile(parse.GetValue(data)!, "--data"), new WideCsvOptions { Framework = m.Framework, GroupColumns = [.. groups] });
            var result = IndexCalculator.Compute(m, dataset);
            var text = parse.GetValue(format) switch
            {
                "csv" => ResultCsv.ToWideCsv(result),
                "long-csv" => ResultCsv.ToLongCsv(result),
                "json" => RankingTable.From(result).ToJson() + "\n",
                _ => RankingTable.From(result).ToText() + "\n",
            };
            if (parse.GetValue(output) is { } file)
            {
                File.WriteAllText(file.FullName, text, new System.Text.UTF8Encoding(false));
            }
            else
            {
                stdout.Write(text);
            }

            return ExitCodes.Success;
        });
        return cmd;
    }

    private static string RequireFile(FileInfo file, string option) =>
        file.Exists ? file.FullName : throw new UsageException($"{option}: file not found: {file.FullName}");
}
