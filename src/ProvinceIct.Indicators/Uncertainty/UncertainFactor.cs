using System.Collections.Immutable;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// One uncertain input of an index, with the pipeline stage it touches (so the engine re-runs only what follows).
/// Create with <see cref="WeightNoise"/>, <see cref="NormaliserChoice"/>, <see cref="AggregatorChoice"/>,
/// <see cref="AggregatorChoiceAt"/>, <see cref="ExcludeOneIndicator"/>, <see cref="ImputationChoice"/>,
/// <see cref="OutlierTreatmentChoice"/> or <see cref="Custom"/>. Immutable.
/// <para>
/// A closed hierarchy: one sealed case per factor (<see cref="WeightNoiseFactor"/>, <see cref="NormaliserChoiceFactor"/>,
/// <see cref="AggregatorChoiceFactor"/>, <see cref="AggregatorChoiceAtFactor"/>, <see cref="ExcludeOneIndicatorFactor"/>,
/// <see cref="ImputationChoiceFactor"/>, <see cref="OutlierTreatmentChoiceFactor"/>, <see cref="CustomFactor"/>), each in
/// its own file with its parameters (get-only, validated once in its constructor), how it binds to a compiled index, how
/// a row of uniforms sets up a replication (allocation-free) and how a replication is told in words. Options are written
/// in method text (<c>minmax(0,100)</c>, <c>group-mean(region)</c>, <c>winsorise(5,2,3.5)</c>), the spelling the CLI reads.
/// </para>
/// </summary>
public abstract record UncertainFactor
{
    private protected UncertainFactor(string name)
    {
        Name = name;
    }

    /// <summary>
    /// Weight noise: each nominal weight of the selected levels times an independent U(1 - f, 1 + f) draw (METHODS.md;
    /// weights are relative within their node, so the aggregation re-normalises them).
    /// </summary>
    /// <param name="fraction">f, in (0, 1) (default 0.25).</param>
    /// <param name="levels">The levels whose nodes' weights are perturbed (1 = indicators, 2 = pillars, ...), or null for every level.</param>
    /// <returns>The factor (a <see cref="WeightNoiseFactor"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">When f is outside (0, 1).</exception>
    public static UncertainFactor WeightNoise(double fraction = 0.25, IEnumerable<int>? levels = null) => new WeightNoiseFactor(fraction, levels);

    /// <summary>A discrete choice, equally likely, of the normaliser for every indicator.</summary>
    /// <param name="options">At least two normalisers.</param>
    /// <returns>The factor (a <see cref="NormaliserChoiceFactor"/>).</returns>
    /// <exception cref="ArgumentException">When there are fewer than two options.</exception>
    public static UncertainFactor NormaliserChoice(params IEnumerable<Normaliser> options) => new NormaliserChoiceFactor(options);

    /// <summary>A discrete choice, equally likely, of the aggregator for every aggregate.</summary>
    /// <param name="options">At least two aggregators.</param>
    /// <returns>The factor (an <see cref="AggregatorChoiceFactor"/>).</returns>
    /// <exception cref="ArgumentException">When there are fewer than two options.</exception>
    public static UncertainFactor AggregatorChoice(params IEnumerable<Aggregator> options) => new AggregatorChoiceFactor(options);

    /// <summary>
    /// A discrete choice, equally likely, of the aggregator of the given aggregate nodes only (the others keep theirs).
    /// Several such factors may be given; where factors share a node, the later one in the list decides.
    /// </summary>
    /// <param name="nodeCodes">The aggregate nodes (at least one).</param>
    /// <param name="options">At least two aggregators.</param>
    /// <returns>The factor (an <see cref="AggregatorChoiceAtFactor"/>).</returns>
    /// <exception cref="ArgumentException">When there is no node or fewer than two options.</exception>
    public static UncertainFactor AggregatorChoiceAt(IEnumerable<string> nodeCodes, params IEnumerable<Aggregator> options) => new AggregatorChoiceAtFactor(nodeCodes, options);

    /// <summary>A discrete choice, equally likely, among "exclude no indicator" and "exclude indicator j" for each indicator (its weight set to 0).</summary>
    /// <returns>The factor (an <see cref="ExcludeOneIndicatorFactor"/>).</returns>
    public static UncertainFactor ExcludeOneIndicator() => new ExcludeOneIndicatorFactor();

    /// <summary>
    /// A discrete choice, equally likely, of the imputation method applied before normalisation (it replaces the
    /// methodology's own imputation step, or is added after denomination and screening). Each option's data are
    /// prepared once, before the replications.
    /// </summary>
    /// <param name="options">At least two imputers (within-pillar imputation is not a data step and is refused).</param>
    /// <returns>The factor (an <see cref="ImputationChoiceFactor"/>).</returns>
    /// <exception cref="ArgumentException">When there are fewer than two options.</exception>
    public static UncertainFactor ImputationChoice(params IEnumerable<Imputer> options) => new ImputationChoiceFactor(options);

    /// <summary>
    /// A discrete choice, equally likely, of outlier treatment before normalisation; a null option means "no treatment"
    /// (it replaces the methodology's own treatment step). Each option's data are prepared once, before the replications.
    /// </summary>
    /// <param name="options">At least two options, null for none (for example none, winsorise up to 1, ..., up to 5).</param>
    /// <returns>The factor (an <see cref="OutlierTreatmentChoiceFactor"/>).</returns>
    /// <exception cref="ArgumentException">When there are fewer than two options.</exception>
    public static UncertainFactor OutlierTreatmentChoice(params IEnumerable<OutlierTreatment?> options) => new OutlierTreatmentChoiceFactor(options);

    /// <summary>
    /// A user-defined discrete factor over any methodology parameter: option i (equally likely) turns the methodology
    /// into <c>transform(methodology, i)</c>. Each option is compiled once, before the replications; every option must
    /// keep the framework's nodes and units (change weights, methods, thresholds, ties, treatment steps...).
    /// </summary>
    /// <param name="name">The factor's name, for reports.</param>
    /// <param name="optionLabels">A label per option (at least two), for replays and reports.</param>
    /// <param name="transform">Gives the methodology of option i; called once per option and combination, not per replication.</param>
    /// <returns>The factor (a <see cref="CustomFactor"/>).</returns>
    /// <exception cref="ArgumentException">When the name is blank or there are fewer than two options.</exception>
    public static UncertainFactor Custom(string name, IEnumerable<string> optionLabels, Func<Methodology, int, Methodology> transform) =>
        new CustomFactor(name, optionLabels, transform);

    /// <summary>What kind of factor this is (the tag of its case).</summary>
    public abstract FactorKind Kind { get; }

    /// <summary>A short name, used in reports.</summary>
    public string Name { get; }

    /// <summary>True for factors whose options are compiled as separate variants (imputation, outlier treatment, custom).</summary>
    public virtual bool ChangesData => false;

    /// <summary>The first pipeline stage this factor changes.</summary>
    public virtual PipelineStage Stage => PipelineStage.Aggregation;

    /// <summary>The name and options, for example <c>normaliser {minmax(1,100) | zscore(10,2)}</c>.</summary>
    /// <returns>The text.</returns>
    public sealed override string ToString()
    {
        var options = OptionTexts.ToList();
        return options.Count == 0 ? Name : Name + " {" + string.Join(" | ", options) + "}";
    }

    /// <summary>The options in words (method text), for <see cref="ToString"/>; empty for factors without listed options.</summary>
    private protected virtual IEnumerable<string> OptionTexts => [];

    /// <summary>True for the factors that may be given at most once per analysis.</summary>
    internal virtual bool AtMostOnce => false;

    /// <summary>Binds the factor to a compiled index: checks it fits, and sets the binding's options, dimensions and positions.</summary>
    /// <exception cref="ArgumentException">When the factor does not fit the methodology (the message says why).</exception>
    internal abstract void Bind(FactorBinding binding, Methodology methodology, CompiledIndex compiled);

    /// <summary>Sets up the workspace from the row of uniforms (allocation-free); returns the normaliser option chosen, or -1.</summary>
    internal virtual int Apply(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace) => -1;

    /// <summary>For a custom factor, the methodology of option <paramref name="choice"/>; others return it unchanged.</summary>
    internal virtual Methodology Transform(Methodology methodology, int choice) => methodology;

    /// <summary>For a data factor, the treatment steps with option <paramref name="choice"/> in place; others return them unchanged.</summary>
    internal virtual ImmutableArray<TreatmentStep> ReplaceSteps(ImmutableArray<TreatmentStep> steps, int choice) => steps;

    /// <summary>The factor's value in a replication, in words; applies it to the replayed methodology <paramref name="methodology"/> where it changes a method.</summary>
    internal abstract string Describe(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace, CompiledIndex compiled, ref Methodology methodology);

    /// <summary>At least two options, or throws.</summary>
    private protected static ImmutableArray<T> Options<T>(IEnumerable<T> options, string name)
    {
        var list = (options ?? throw new ArgumentNullException(name)).ToImmutableArray();
        return list.Length >= 2 ? list : throw new ArgumentException("A choice needs at least two options.", name);
    }
}
