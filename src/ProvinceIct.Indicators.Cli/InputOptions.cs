using System.CommandLine;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// The options that say what to compute: <c>--data</c> with <c>--meta</c>, <c>--methodology</c> or <c>--preset</c>,
/// the per-run method overrides, and <c>--format</c>/<c>--output</c>. Shared by compute, uncertainty and sensitivity.
/// </summary>
internal sealed class InputOptions
{
    private readonly bool _dataRequired;

    public InputOptions(bool dataRequired)
    {
        _dataRequired = dataRequired;
        Data = new Option<FileInfo?>("--data") { Description = "Wide CSV in COINr's iData layout (uCode, uName, Group_* columns, one column per indicator).", Required = dataRequired };
        Normalise.AcceptOnlyFromAmong(MethodOptions.Normalisers);
        Ties.AcceptOnlyFromAmong(MethodOptions.TieNames);
    }

    public Option<FileInfo?> Data { get; }

    public Option<FileInfo?> Meta { get; } = new("--meta") { Description = "COINr iMeta CSV (iCode, iName, Level, Parent, Direction, Weight, Type, ...)." };

    public Option<FileInfo?> MethodologyFile { get; } = new("--methodology") { Description = "A methodology JSON file." };

    public Option<string?> Preset { get; } = new("--preset") { Description = "A built-in methodology: " + string.Join(", ", PresetCatalog.Names) + "." };

    public Option<string?> Normalise { get; } = new("--normalise") { Description = "Normaliser for every indicator." };

    public Option<string?> Range { get; } = new("--range") { Description = "Output range L,U of the normaliser (minmax, percentile-rank, dist-to-max, fraction-of-max)." };

    public Option<string?> Aggregate { get; } = new("--aggregate") { Description = "Aggregator for every aggregate: arithmetic, geometric, harmonic, power:P or minimum." };

    public Option<string?> Ties { get; } = new("--ties") { Description = "Tie policy of the rankings." };

    public Option<FileInfo?> Output { get; } = new("--output") { Description = "Write to this file instead of standard output." };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Data, Meta, MethodologyFile, Preset, Normalise, Range, Aggregate, Ties, Output })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>
    /// The methodology and data: from the files or preset given, or (when nothing is given and data are optional) the
    /// embedded Open-data Provincial Readiness Index 2016.
    /// </summary>
    public (Methodology Methodology, Dataset Dataset) Load(ParseResult parse)
    {
        var metaFile = parse.GetValue(Meta);
        var methodologyFile = parse.GetValue(MethodologyFile);
        var presetName = parse.GetValue(Preset);
        var dataFile = parse.GetValue(Data);
        var given = (metaFile is null ? 0 : 1) + (methodologyFile is null ? 0 : 1) + (presetName is null ? 0 : 1);
        Methodology m;
        Dataset? dataset = null;
        IReadOnlyList<string> groups = [];
        if (given == 0 && dataFile is null && !_dataRequired)
        {
            m = OpenReadiness2016.Methodology;
            dataset = OpenReadiness2016.Dataset;
        }
        else if (given != 1)
        {
            throw new UsageException("Give exactly one of --meta FILE, --methodology FILE or --preset NAME.");
        }
        else if (presetName is not null)
        {
            m = PresetCatalog.TryGet(presetName, out var p)
                ? p
                : throw new UsageException($"Unknown preset '{presetName}'; known presets: {string.Join(", ", PresetCatalog.Names)}.");
            if (dataFile is null && string.Equals(presetName, OpenReadiness2016.PresetName, StringComparison.OrdinalIgnoreCase))
            {
                dataset = OpenReadiness2016.Dataset;
            }
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

        m = MethodOptions.Apply(m, parse.GetValue(Normalise), parse.GetValue(Range), parse.GetValue(Aggregate), parse.GetValue(Ties));
        if (dataset is null)
        {
            if (dataFile is null)
            {
                throw new UsageException("--data FILE is needed with this methodology.");
            }

            dataset = WideCsv.Load(RequireFile(dataFile, "--data"), new WideCsvOptions { Framework = m.Framework, GroupColumns = [.. groups] });
        }

        return (m, dataset);
    }

    /// <summary>Writes the text to <c>--output</c> (UTF-8 without BOM) or standard output.</summary>
    public void Write(ParseResult parse, TextWriter stdout, string text)
    {
        if (parse.GetValue(Output) is { } file)
        {
            File.WriteAllText(file.FullName, text, new System.Text.UTF8Encoding(false));
        }
        else
        {
            stdout.Write(text);
        }
    }

    public static string RequireFile(FileInfo file, string option) =>
        file.Exists ? file.FullName : throw new UsageException($"{option}: file not found: {file.FullName}");
}
