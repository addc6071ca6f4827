using System.CommandLine;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// The options that say what to compute: <c>--data</c> with <c>--meta</c>, <c>--methodology</c> or <c>--preset</c>,
/// the per-run method overrides, the treatment steps (<c>--denominate</c>, <c>--screen</c>, <c>--impute</c>,
/// <c>--treat</c>), and <c>--output</c>. Shared by compute, uncertainty and sensitivity.
/// </summary>
internal sealed class InputOptions
{
    private readonly bool _dataRequired;
    private readonly List<Option<FileInfo?>> _alsoWrites = [];

    public InputOptions(bool dataRequired)
    {
        _dataRequired = dataRequired;
        Data = new Option<FileInfo?>("--data") { Description = CliStrings.Get("Help_Input_Data") };
        Ties.AcceptOnlyFromAmong(MethodOptions.TieNames);
    }

    public Option<FileInfo?> Data { get; }

    public Option<FileInfo?> Meta { get; } = new("--meta") { Description = CliStrings.Get("Help_Input_Meta") + " " + KindHelp };

    /// <summary>The iMeta Kind column in words, for --help.</summary>
    public static string KindHelp => CliStrings.Get("Help_Kind");

    public Option<FileInfo?> MethodologyFile { get; } = new("--methodology") { Description = CliStrings.Get("Help_Input_Methodology") };

    public Option<string?> Preset { get; } = new("--preset") { Description = CliStrings.Format("Help_Input_Preset", PresetNames.HelpList(withComponentWeights: true)) };

    public Option<string?> ComponentWeights { get; } = new("--component-weights") { Description = CliStrings.Get("Help_Input_ComponentWeights") };

    public Option<string?> Normalise { get; } = new("--normalise") { Description = CliStrings.Format("Help_Input_Normalise", string.Join(", ", MethodOptions.Normalisers)) };

    public Option<string?> Range { get; } = new("--range") { Description = CliStrings.Get("Help_Input_Range") };

    public Option<string?> Aggregate { get; } = new("--aggregate") { Description = CliStrings.Format("Help_Input_Aggregate", MethodOptions.AggregatorNames) };

    public Option<string[]> Weights { get; } = new("--weights")
    {
        Description = CliStrings.Format("Help_Input_Weights", Weighting.WeightingText.Names),
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<bool> Denominate { get; } = new("--denominate") { Description = CliStrings.Get("Help_Input_Denominate") };

    public Option<string?> Screen { get; } = new("--screen") { Description = CliStrings.Get("Help_Input_Screen") };

    public Option<string?> Impute { get; } = new("--impute") { Description = CliStrings.Get("Help_Input_Impute") };

    public Option<string?> Treat { get; } = new("--treat") { Description = CliStrings.Get("Help_Input_Treat") };

    public Option<FileInfo[]> Plugins { get; } = new("--plugin") { Description = CliStrings.Get("Help_Input_Plugin") };

    public Option<string?> Steps { get; } = new("--steps") { Description = CliStrings.Get("Help_Input_Steps") };

    public Option<string?> Ties { get; } = new("--ties") { Description = CliStrings.Get("Help_Input_Ties") };

    public Option<FileInfo?> Output { get; } = new("--output") { Description = CliStrings.Get("Help_Input_Output") };

    public Option<string?> Encoding { get; } = new("--encoding") { Description = CliStrings.Get("Help_Input_Encoding") };

    public Option<string?> Delimiter { get; } = new("--delimiter") { Description = CliStrings.Get("Help_Input_Delimiter") };

    public Option<string?> Culture { get; } = new("--culture") { Description = CliStrings.Get("Help_Input_Culture") };

    public Option<string?> Geography { get; } = new("--geography") { Description = CliStrings.Get("Help_Input_Geography") };

    /// <summary>The delimiter policy and delimiter named by <c>--delimiter</c> (default: detect).</summary>
    public static (Tables.CsvDelimiterPolicy Policy, char Delimiter) ParseDelimiter(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => (Tables.CsvDelimiterPolicy.Detect, ','),
        "comma" or "," => (Tables.CsvDelimiterPolicy.Given, ','),
        "semicolon" or ";" => (Tables.CsvDelimiterPolicy.Given, ';'),
        "tab" or "\t" or "\\t" => (Tables.CsvDelimiterPolicy.Given, '\t'),
        _ => throw new UsageException(CliStrings.Format("Msg_DelimiterMustBe", text)),
    };

    /// <summary>The number culture named by <c>--culture</c> (default invariant).</summary>
    public static NumberCulture ParseCulture(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "invariant" => NumberCulture.Invariant,
        "vi" or "vi-vn" or "vietnamese" => NumberCulture.Vietnamese,
        _ => throw new UsageException(CliStrings.Format("Msg_CultureMustBe", text)),
    };

    /// <summary>The encoding named by <c>--encoding</c>, or null for UTF-8.</summary>
    public static System.Text.Encoding? ParseEncoding(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var n = name.Trim();
        try
        {
            return int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var codePage)
                ? System.Text.Encoding.GetEncoding(codePage)
                : System.Text.Encoding.GetEncoding(n.Equals("cp1258", StringComparison.OrdinalIgnoreCase) ? "windows-1258" : n);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new UsageException(CliStrings.Format("Msg_UnknownEncoding", name));
        }
    }

    /// <summary>Applies <c>--weights [NODE:]METHOD</c> values in order (a later value for the same node wins).</summary>
    internal static Methodology ApplyWeights(Methodology m, string[]? values)
    {
        foreach (var value in values ?? [])
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var paren = value.IndexOf('(', StringComparison.Ordinal);
            var node = colon > 0 && (paren < 0 || colon < paren) ? value[..colon].Trim() : null;
            var text = node is null ? value : value[(colon + 1)..];
            var read = MethodOptions.Registry.Read<Calculation.WeightingMethod>(text.Trim(), "--weights");
            if (!read.TryGetValue(out var method))
            {
                var problem = read.Report.Problems[0];
                throw new UsageException("--weights: " + problem.MessageIn(CliStrings.Culture) + (problem.Code == Errors.ProblemCode.UnknownValue
                    ? Suggestions.DidYouMean(text.Split('(')[0].Trim(), MethodOptions.Registry.Names<Calculation.WeightingMethod>())
                    : string.Empty));
            }

            if (node is not null && (!m.Framework.Contains(node) || m.Framework[node].IsIndicator))
            {
                throw new UsageException("--weights " + value + ": " + CliStrings.Format("Msg_WeightsNotAggregate", node, string.Join(", ", m.Framework.Aggregates.Select(a => a.Code))));
            }

            try
            {
                m = node is null ? m.WithWeighting(method) : m.WithWeighting(node, method);
            }
            catch (Errors.ValidationException ex)
            {
                throw new UsageException("--weights " + value + ": " + string.Join(" ", ex.Report.Problems.Select(p => p.MessageIn(CliStrings.Culture))));
            }
        }

        return m;
    }

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Data, Meta, MethodologyFile, Preset, ComponentWeights, Plugins, Normalise, Range, Aggregate, Weights, Ties, Denominate, Screen, Impute, Treat, Steps, Output, Encoding, Delimiter, Culture, Geography })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>
    /// The methodology and data: from the files or preset given, or (when nothing is given and data are optional) the
    /// embedded Open-data Provincial Readiness Index 2016. With <c>--preset</c> and no <c>--data</c>, the preset's
    /// embedded sample (<see cref="PresetInfo.Sample"/>), announced in one line on <paramref name="notes"/>; a preset
    /// without a sample is a usage error asking for <c>--data</c>.
    /// </summary>
    public (Methodology Methodology, Dataset Dataset) Load(ParseResult parse, TextWriter? notes = null, CancellationToken cancellation = default)
    {
        CheckOutputs(parse);
        MethodOptions.Registry = PluginLoader.Load(parse.GetValue(Plugins) ?? []);
        var metaFile = parse.GetValue(Meta);
        var methodologyFile = parse.GetValue(MethodologyFile);
        var presetName = parse.GetValue(Preset);
        var dataFile = parse.GetValue(Data);
        var encoding = ParseEncoding(parse.GetValue(Encoding));
        var (delimiterPolicy, delimiter) = ParseDelimiter(parse.GetValue(Delimiter));
        var culture = ParseCulture(parse.GetValue(Culture));
        var geography = parse.GetValue(Geography) is { } g ? GeographyCommands.ParseGeography(g) : (ProvinceGeography?)null;
        if (metaFile is null && methodologyFile is null && presetName is null && IsWorkbook(dataFile)
            && XlsxData.ReadSheetNames(RequireFile(dataFile!, "--data")) is { Success: true } names
            && names.Value.Any(n => string.Equals(n, XlsxData.MetaSheet, StringComparison.OrdinalIgnoreCase)))
        {
            // One workbook in COINr's layout: --data book.xlsx holds both iData and iMeta.
            metaFile = dataFile;
        }

        if (parse.GetValue(ComponentWeights) is not null && !string.Equals(presetName, VnIctIndex2006.PresetName, StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException(CliStrings.Format("Msg_ComponentWeightsPresetOnly", VnIctIndex2006.PresetName));
        }

        var given = (metaFile is null ? 0 : 1) + (methodologyFile is null ? 0 : 1) + (presetName is null ? 0 : 1);
        Methodology m;
        Dataset? dataset = null;
        IReadOnlyList<string> groups = [];
        double? goalpostScale = null;
        if (given == 0 && dataFile is null && !_dataRequired)
        {
            m = OpenReadiness2016.Methodology;
            dataset = OpenReadiness2016.Dataset;
        }
        else if (given == 0 && dataFile is null)
        {
            throw new UsageException(CliStrings.Get("Msg_GiveData"));
        }
        else if (given != 1)
        {
            throw new UsageException(CliStrings.Get("Msg_GiveOneMethodology"));
        }
        else if (presetName is not null && string.Equals(presetName, VnIctIndex2006.PresetName, StringComparison.OrdinalIgnoreCase))
        {
            m = VnIctIndex2006Methodology(parse.GetValue(ComponentWeights)) ?? throw new UsageException(Suggestions.UnknownPreset(presetName));
            if (dataFile is null)
            {
                throw new UsageException("--preset " + VnIctIndex2006.PresetName + ": " + CliStrings.Format("Msg_NoSampleGiveComponents", string.Join(", ", VnIctIndex2006.ComponentCodes)));
            }
        }
        else if (presetName is not null)
        {
            m = PresetCatalog.TryGet(presetName, out var p)
                ? p
                : throw new UsageException(Suggestions.UnknownPreset(presetName));
            if (dataFile is null)
            {
                var info = PresetCatalog.Info(presetName);
                dataset = info.Sample
                    ?? throw new UsageException("--preset " + info.Name + ": " + CliStrings.Get("Msg_NoSampleGiveOwnData"));
                notes?.WriteLine(SampleNote(info));
            }
        }
        else if (metaFile is not null)
        {
            var table = IsWorkbook(metaFile)
                ? XlsxData.ReadMeta(RequireFile(metaFile, "--meta")).GetValueOrThrow()
                : MetaCsv.Read(RequireFile(metaFile, "--meta"), encoding, delimiterPolicy, delimiter).GetValueOrThrow();
            m = Methodology.Create(table.Framework.IndexCode, table.Framework.Root.Name, table.Framework);
            groups = table.GroupCodes;
            goalpostScale = table.GoalpostScale;
        }
        else
        {
            m = MethodologyJson.Load(RequireFile(methodologyFile!, "--methodology"), MethodOptions.Registry);
        }

        m = MethodOptions.Apply(m, parse.GetValue(Normalise), parse.GetValue(Range), parse.GetValue(Aggregate), parse.GetValue(Ties), goalpostScale);
        m = TreatmentOptions.Apply(m, parse.GetValue(Denominate), parse.GetValue(Screen), parse.GetValue(Impute), parse.GetValue(Treat), parse.GetValue(Steps));
        m = ApplyWeights(m, parse.GetValue(Weights));
        if (dataset is null)
        {
            if (dataFile is null)
            {
                throw new UsageException(CliStrings.Get("Msg_DataNeeded"));
            }

            var options = new WideCsvOptions
            {
                Framework = m.Framework,
                GroupColumns = [.. groups],
                Encoding = encoding,
                DelimiterPolicy = delimiterPolicy,
                Delimiter = delimiter,
                NumberCulture = culture,
                ProvinceColumnGeography = geography ?? (presetName is not null && PresetCatalog.TryGet(presetName, out _) ? PresetCatalog.Info(presetName).Geography : ProvinceGeography.Provinces2016),
            };
            var read = IsWorkbook(dataFile)
                ? XlsxData.ReadDataset(RequireFile(dataFile, "--data"), options, cancellation: cancellation)
                : WideCsv.Read(RequireFile(dataFile, "--data"), options, cancellation);
            foreach (var warning in read.Warnings)
            {
                notes?.WriteLine(CliStrings.Get("Msg_WarningPrefix") + warning.Describe(CliStrings.Culture));
            }

            dataset = read.GetValueOrThrow();
        }

        if (parse.GetValue(Normalise) is not null && m.Normaliser is Normalisation.DistanceToReferenceNormaliser { ReferenceUnit: var refUnit } && !dataset.Units.Any(u => u.Code == refUnit))
        {
            throw new UsageException("--normalise dist-to-ref:" + refUnit + ": " + CliStrings.Format("Msg_DataHaveNoUnit", refUnit) + AnalysisCommands.ClosestUnits(dataset.Units, refUnit));
        }

        if (parse.GetValue(Impute) is not null && m.Treatment.OfType<ImputeStep>().Select(t => t.Imputer).OfType<GroupImputer>().FirstOrDefault()?.GroupName is { } group
            && !dataset.Units.Any(u => u.Group(group) is not null))
        {
            var known = dataset.Units.SelectMany(u => u.Groups.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            throw new UsageException(known.Count == 0 ? CliStrings.Format("Msg_ImputeNoGroupColumns", group) : CliStrings.Format("Msg_ImputeGroupsAre", group, string.Join(", ", known)));
        }

        return (m, dataset);
    }

    /// <summary>
    /// The Vietnam ICT Index 2006-2015 methodology with the weights of <c>--component-weights CODE=W,...</c>, or null when
    /// none are given (the caller refuses); a malformed list or a refused set of weights is a usage error naming each problem.
    /// </summary>
    internal static Methodology? VnIctIndex2006Methodology(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(part.AsSpan(eq + 1), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var w)
                || !weights.TryAdd(part[..eq].Trim(), w))
            {
                throw new UsageException(CliStrings.Format("Msg_ComponentWeightsNotCodeWeight", part, string.Join(", ", VnIctIndex2006.ComponentCodes)));
            }
        }

        var report = VnIctIndex2006.ValidateWeights(weights);
        return report.IsValid
            ? VnIctIndex2006.Create(weights)
            : throw new UsageException("--component-weights: " + string.Join(" ", report.Problems.Select(p => p.MessageIn(CliStrings.Culture))));
    }

    /// <summary>The one-line note that a run shows a preset's embedded sample.</summary>
    public static string SampleNote(PresetInfo info) =>
        CliStrings.Format("Msg_SampleNote", info.Name, info.SampleNoteIn(CliStrings.Culture));

    /// <summary>
    /// Checks <c>--output</c> and the other outputs a command writes (<see cref="AlsoWrites"/>) against the inputs
    /// before any work: see <see cref="OutputPaths.Check"/>. <see cref="Load"/> calls it first.
    /// </summary>
    public void CheckOutputs(ParseResult parse) =>
        OutputPaths.Check(
            [(parse.GetValue(Output), "--output"), .. _alsoWrites.Select(o => (parse.GetValue(o), o.Name))],
            [(parse.GetValue(Data), "--data"), (parse.GetValue(Meta), "--meta"), (parse.GetValue(MethodologyFile), "--methodology")]);

    /// <summary>Another file option of the command that it writes (such as compute's <c>--log</c>), checked with <c>--output</c>.</summary>
    public void AlsoWrites(Option<FileInfo?> option) => _alsoWrites.Add(option);

    /// <summary>
    /// Streams the output to <c>--output</c> (UTF-8 without BOM, atomically: to a temporary file renamed over the target
    /// once complete; a FIFO or device in place) or to standard output, without building it as one string.
    /// </summary>
    public void Write(ParseResult parse, TextWriter stdout, Action<TextWriter> write, CancellationToken cancellation)
    {
        if (parse.GetValue(Output) is { } file)
        {
            Internal.AtomicFile.WriteText(file.FullName, write, cancellation);
        }
        else
        {
            write(stdout);
        }
    }

    /// <summary>Writes the text to <c>--output</c> (UTF-8 without BOM, atomically) or standard output.</summary>
    public void Write(ParseResult parse, TextWriter stdout, string text)
    {
        if (parse.GetValue(Output) is { } file)
        {
            Internal.AtomicFile.WriteAllText(file.FullName, text);
        }
        else
        {
            stdout.Write(text);
        }
    }

    /// <summary>True for an Excel workbook (<c>.xlsx</c>, <c>.xlsm</c>), read through <see cref="XlsxData"/> instead of the CSV readers.</summary>
    public static bool IsWorkbook(FileInfo? file) =>
        file is not null && (file.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) || file.Extension.Equals(".xlsm", StringComparison.OrdinalIgnoreCase));

    /// <summary>The full path of an input file; a missing file or a folder is a usage error (exit 2) naming the option.</summary>
    public static string RequireFile(FileInfo file, string option) =>
        file.Exists ? file.FullName
        : Directory.Exists(file.FullName) ? throw new UsageException(CliStrings.Format("Msg_InputIsFolder", option, file.FullName))
        : throw new UsageException(CliStrings.Format("Msg_FileNotFound", option, file.FullName));
}
