using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// One uncertain input of an index, with the pipeline stage it touches (so the engine re-runs only what follows).
/// Create with <see cref="WeightNoise"/>, <see cref="NormaliserChoice"/>, <see cref="AggregatorChoice"/> or
/// <see cref="ExcludeOneIndicator"/>. Immutable.
/// </summary>
public sealed class UncertainFactor
{
    private UncertainFactor(FactorKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>
    /// Weight noise: each nominal weight of the selected levels times an independent U(1 - f, 1 + f) draw (METHODS.md;
    /// weights are relative within their node, so the aggregation re-normalises them).
    /// </summary>
    /// <param name="fraction">f, in (0, 1) (default 0.25).</param>
    /// <param name="levels">The levels whose nodes' weights are perturbed (1 = indicators, 2 = pillars, ...), or null for every level.</param>
    /// <returns>The factor.</returns>
    public static UncertainFactor WeightNoise(double fraction = 0.25, IEnumerable<int>? levels = null)
    {
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The noise fraction must be in (0, 1).");
        }

        var lv = levels?.Distinct().Order().ToImmutableArray() ?? [];
        return new UncertainFactor(FactorKind.WeightNoise, "weights±" + fraction.ToString("R", CultureInfo.InvariantCulture) + (lv.IsEmpty ? string.Empty : "@L" + string.Join(",", lv)))
        {
            Fraction = fraction,
            Levels = lv,
        };
    }

    /// <summary>A discrete choice, equally likely, of the normaliser for every indicator.</summary>
    /// <param name="options">At least two normalisers.</param>
    /// <returns>The factor.</returns>
    public static UncertainFactor NormaliserChoice(params IEnumerable<Normaliser> options)
    {
        var list = (options ?? throw new ArgumentNullException(nameof(options))).ToImmutableArray();
        if (list.Length < 2)
        {
            throw new ArgumentException("A choice needs at least two options.", nameof(options));
        }

        return new UncertainFactor(FactorKind.NormaliserChoice, "normaliser") { Normalisers = list };
    }

    /// <summary>A discrete choice, equally likely, of the aggregator for every aggregate.</summary>
    /// <param name="options">At least two aggregators.</param>
    /// <returns>The factor.</returns>
    public static UncertainFactor AggregatorChoice(params IEnumerable<Aggregator> options)
    {
        var list = (options ?? throw new ArgumentNullException(nameof(options))).ToImmutableArray();
        if (list.Length < 2)
        {
            throw new ArgumentException("A choice needs at least two options.", nameof(options));
        }

        return new UncertainFactor(FactorKind.AggregatorChoice, "aggregator") { Aggregators = list };
    }

    /// <summary>
    /// A discrete choice, equally likely, of the aggregator of the given aggregate nodes only (the others keep theirs).
    /// Several such factors may be given; where factors share a node, the later one in the list decides.
    /// </summary>
    /// <param name="nodeCodes">The aggregate nodes (at least one).</param>
    /// <param name="options">At least two aggregators.</param>
    /// <returns>The factor.</returns>
    public static UncertainFactor AggregatorChoiceAt(IEnumerable<string> nodeCodes, params IEnumerable<Aggregator> options)
    {
        var nodes = (nodeCodes ?? throw new ArgumentNullException(nameof(nodeCodes))).Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (nodes.IsEmpty)
        {
            throw new ArgumentException("Name at least one aggregate node.", nameof(nodeCodes));
        }

        var f = AggregatorChoice(options);
        return new UncertainFactor(FactorKind.AggregatorChoice, "aggregator@" + string.Join(",", nodes)) { Aggregators = f.Aggregators, Nodes = nodes };
    }

    /// <summary>A discrete choice, equally likely, among "exclude no indicator" and "exclude indicator j" for each indicator (its weight set to 0).</summary>
    /// <returns>The factor.</returns>
    public static UncertainFactor ExcludeOneIndicator() => new(FactorKind.ExcludeOneIndicator, "exclude-one");

    /// <summary>
    /// A discrete choice, equally likely, of the imputation method applied before normalisation (it replaces the
    /// methodology's own imputation step, or is added after denomination and screening). Each option's data are
    /// prepared once, before the replications.
    /// </summary>
    /// <param name="options">At least two imputers (within-pillar imputation is not a data step and is refused).</param>
    /// <returns>The factor.</returns>
    public static UncertainFactor ImputationChoice(params IEnumerable<Imputer> options)
    {
        var list = (options ?? throw new ArgumentNullException(nameof(options))).ToImmutableArray();
        if (list.Length < 2)
        {
            throw new ArgumentException("A choice needs at least two options.", nameof(options));
        }

        return new UncertainFactor(FactorKind.ImputationChoice, "imputation") { Imputers = list };
    }

    /// <summary>
    /// A discrete choice, equally likely, of outlier treatment before normalisation; a null option means "no treatment"
    /// (it replaces the methodology's own treatment step). Each option's data are prepared once, before the replications.
    /// </summary>
    /// <param name="options">At least two options, null for none (for example none, winsorise up to 1, ..., up to 5).</param>
    /// <returns>The factor.</returns>
    public static UncertainFactor OutlierTreatmentChoice(params IEnumerable<OutlierTreatment?> options)
    {
        var list = (options ?? throw new ArgumentNullException(nameof(options))).ToImmutableArray();
        if (list.Length < 2)
        {
            throw new ArgumentException("A choice needs at least two options.", nameof(options));
        }

        return new UncertainFactor(FactorKind.OutlierTreatmentChoice, "outlier-treatment") { Treatments = list };
    }

    /// <summary>
    /// A user-defined discrete factor over any methodology parameter: option i (equally likely) turns the methodology
    /// into <c>transform(methodology, i)</c>. Each option is compiled once, before the replications; every option must
    /// keep the framework's nodes and units (change weights, methods, thresholds, ties, treatment steps...).
    /// </summary>
    /// <param name="name">The factor's name, for reports.</param>
    /// <param name="optionLabels">A label per option (at least two), for replays and reports.</param>
    /// <param name="transform">Gives the methodology of option i; called once per option and combination, not per replication.</param>
    /// <returns>The factor.</returns>
    public static UncertainFactor Custom(string name, IEnumerable<string> optionLabels, Func<Methodology, int, Methodology> transform)
    {
        Internal.Preconditions.NotBlank(name);
        ArgumentNullException.ThrowIfNull(transform);
        var labels = (optionLabels ?? throw new ArgumentNullException(nameof(optionLabels))).ToImmutableArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException("A choice needs at least two options.", nameof(optionLabels));
        }

        return new UncertainFactor(FactorKind.Custom, name) { OptionLabels = labels, Transform = transform };
    }

    /// <summary>For a custom factor, the option labels.</summary>
    public ImmutableArray<string> OptionLabels { get; private init; } = [];

    internal Func<Methodology, int, Methodology>? Transform { get; private init; }

    /// <summary>For an imputation choice, the options.</summary>
    public ImmutableArray<Imputer> Imputers { get; private init; } = [];

    /// <summary>For an outlier-treatment choice, the options (null = no treatment).</summary>
    public ImmutableArray<OutlierTreatment?> Treatments { get; private init; } = [];

    /// <summary>True for factors whose options are compiled as separate variants (imputation, outlier treatment, custom).</summary>
    public bool ChangesData => Kind is FactorKind.ImputationChoice or FactorKind.OutlierTreatmentChoice or FactorKind.Custom;

    /// <summary>The kind.</summary>
    public FactorKind Kind { get; }

    /// <summary>A short name, used in reports.</summary>
    public string Name { get; }

    /// <summary>For weight noise, f.</summary>
    public double Fraction { get; private init; }

    /// <summary>For weight noise, the levels perturbed (empty = all).</summary>
    public ImmutableArray<int> Levels { get; private init; } = [];

    /// <summary>For a normaliser choice, the options.</summary>
    public ImmutableArray<Normaliser> Normalisers { get; private init; } = [];

    /// <summary>For an aggregator choice, the aggregate nodes it applies to (empty = every aggregate).</summary>
    public ImmutableArray<string> Nodes { get; private init; } = [];

    /// <summary>For an aggregator choice, the options.</summary>
    public ImmutableArray<Aggregator> Aggregators { get; private init; } = [];

    /// <summary>The first pipeline stage this factor changes.</summary>
    public PipelineStage Stage => Kind is FactorKind.NormaliserChoice or FactorKind.ImputationChoice or FactorKind.OutlierTreatmentChoice or FactorKind.Custom ? PipelineStage.Normalisation : PipelineStage.Aggregation;

    /// <summary>The name and options, for example <c>normaliser {minmax[1,100] | zscore(m=10,s=2)}</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        FactorKind.NormaliserChoice => Name + " {" + string.Join(" | ", Normalisers) + "}",
        FactorKind.AggregatorChoice => Name + " {" + string.Join(" | ", Aggregators) + "}",
        FactorKind.ImputationChoice => Name + " {" + string.Join(" | ", Imputers) + "}",
        FactorKind.Custom => Name + " {" + string.Join(" | ", OptionLabels) + "}",
        FactorKind.OutlierTreatmentChoice => Name + " {" + string.Join(" | ", Treatments.Select(t => t?.ToString() ?? "none")) + "}",
        _ => Name,
    };
}
