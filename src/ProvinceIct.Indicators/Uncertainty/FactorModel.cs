using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// Factors bound to a compiled index: which uniform columns each factor reads, and how a row of uniforms sets up a
/// workspace (weights, normaliser, aggregator) before a run. Immutable; thread-safe.
/// </summary>
internal sealed class FactorModel
{
    private readonly Binding[] _bindings;
    private readonly Binding[] _dataBindings;
    private readonly UncertainFactor? _normaliserFactor;

    public FactorModel(Methodology methodology, Dataset dataset, IReadOnlyList<UncertainFactor> factors)
    {
        Methodology = methodology;
        Dataset = dataset;
        Compiled = IndexCalculator.Compile(methodology, dataset);
        Factors = factors;
        var bindings = new List<Binding>();
        var offset = 0;
        if (factors.Count == 0)
        {
            throw new ArgumentException("At least one uncertain factor is needed.", nameof(factors));
        }

        if (factors.Count(f => f.Kind == FactorKind.NormaliserChoice) > 1 || factors.Count(f => f.Kind == FactorKind.AggregatorChoice && f.Nodes.IsEmpty) > 1 || factors.Count(f => f.Kind == FactorKind.ExcludeOneIndicator) > 1 || factors.Count(f => f.Kind == FactorKind.ImputationChoice) > 1 || factors.Count(f => f.Kind == FactorKind.OutlierTreatmentChoice) > 1)
        {
            throw new ArgumentException("Give each choice factor at most once.", nameof(factors));
        }

        foreach (var f in factors)
        {
            var b = new Binding { Factor = f, Offset = offset };
            switch (f.Kind)
            {
                case FactorKind.WeightNoise:
                    b.Edges = Enumerable.Range(0, Compiled.Edges.Length).Where(e => f.Levels.IsEmpty || f.Levels.Contains(Compiled.EdgeChildLevels[e])).ToArray();
                    if (b.Edges.Length == 0)
                    {
                        throw new ArgumentException($"Weight noise on levels {string.Join(",", f.Levels)} touches no weight of this framework.", nameof(factors));
                    }

                    b.Dimensions = b.Edges.Length;
                    break;
                case FactorKind.NormaliserChoice:
                    foreach (var n in f.Normalisers)
                    {
                        methodology.WithNormaliserEverywhere(n).Validate().ThrowIfInvalid("normaliser option " + n);
                    }

                    b.Options = f.Normalisers.Length;
                    b.Dimensions = 1;
                    break;
                case FactorKind.AggregatorChoice:
                    b.Options = f.Aggregators.Length;
                    b.Dimensions = 1;
                    foreach (var node in f.Nodes.Where(c => !methodology.Framework.Contains(c) || methodology.Framework[c].IsIndicator))
                    {
                        throw new ArgumentException($"'{node}' is not an aggregate node of the framework.", nameof(factors));
                    }

                    b.Aggregates = f.Nodes.Select(c => Compiled.NodeCodes.IndexOf(c) - Compiled.IndicatorCount).ToArray();
                    break;
                case FactorKind.ImputationChoice:
                    b.Options = f.Imputers.Length;
                    b.Dimensions = 1;
                    break;
                case FactorKind.OutlierTreatmentChoice:
                    b.Options = f.Treatments.Length;
                    b.Dimensions = 1;
                    break;
                case FactorKind.Custom:
                    b.Options = f.OptionLabels.Length;
                    b.Dimensions = 1;
                    break;
                default:
                    b.Edges = Compiled.Indicators.Select(d => Compiled.Edges.IndexOf(Compiled.Edges.First(e => e.ChildCode == d.Code))).ToArray();
                    b.Options = Compiled.IndicatorCount + 1;
                    b.Dimensions = 1;
                    break;
            }

            offset += b.Dimensions;
            bindings.Add(b);
        }

        _bindings = [.. bindings];
        _dataBindings = [.. bindings.Where(b => b.Factor.ChangesData)];
        Variants = BuildVariants(methodology, dataset);
        _normaliserFactor = factors.FirstOrDefault(f => f.Kind == FactorKind.NormaliserChoice);
        Dimensions = offset;
        HasNormaliserChoice = factors.Any(f => f.Kind == FactorKind.NormaliserChoice);
    }

    public Methodology Methodology { get; }

    public Dataset Dataset { get; }

    /// <summary>The index compiled under the nominal methodology (variant 0 when no factor changes the data).</summary>
    public CompiledIndex Compiled { get; }

    /// <summary>
    /// One compiled index per combination of the data-changing factors' options (mixed radix, factor order), each with
    /// the same units, nodes and edges as <see cref="Compiled"/>; just <see cref="Compiled"/> when no factor changes the data.
    /// </summary>
    public CompiledIndex[] Variants { get; }

    /// <summary>The data variant a row of uniforms selects. Allocates nothing.</summary>
    public int Variant(ReadOnlySpan<double> u)
    {
        var v = 0;
        foreach (var b in _dataBindings)
        {
            v = (v * b.Options) + Choose(u[b.Offset], b.Options);
        }

        return v;
    }

    private CompiledIndex[] BuildVariants(Methodology methodology, Dataset dataset)
    {
        if (_dataBindings.Length == 0)
        {
            return [Compiled];
        }

        var count = _dataBindings.Aggregate(1, (n, b) => n * b.Options);
        var variants = new CompiledIndex[count];
        for (var v = 0; v < count; v++)
        {
            var m = VariantMethodology(methodology, v);
            var compiled = IndexCalculator.Compile(m, dataset);
            if (!compiled.Units.Select(u => u.Code).SequenceEqual(Compiled.Units.Select(u => u.Code), StringComparer.Ordinal))
            {
                throw new ArgumentException("A factor option changes which units are scored (screening); the options must keep the same units.", nameof(methodology));
            }

            if (!compiled.NodeCodes.SequenceEqual(Compiled.NodeCodes, StringComparer.Ordinal) || !compiled.Edges.SequenceEqual(Compiled.Edges))
            {
                throw new ArgumentException("A custom factor option changes the framework's nodes; options may change weights and methods, not the tree.", nameof(methodology));
            }

            variants[v] = compiled;
        }

        return variants;
    }

    /// <summary>The methodology of data variant <paramref name="variant"/>: the chosen imputation and outlier treatment take the place of the methodology's own steps of those kinds, keeping the methodology's order (a kind it lacks goes to its default place, <see cref="TreatmentOrder.Place"/>).</summary>
    private Methodology VariantMethodology(Methodology methodology, int variant)
    {
        var choices = new int[_dataBindings.Length];
        for (var k = _dataBindings.Length - 1; k >= 0; k--)
        {
            choices[k] = variant % _dataBindings[k].Options;
            variant /= _dataBindings[k].Options;
        }

        // Custom transforms first (in factor order), then the imputation and treatment choices replace steps of their kind.
        for (var k = 0; k < _dataBindings.Length; k++)
        {
            var f = _dataBindings[k].Factor;
            if (f.Kind == FactorKind.Custom)
            {
                methodology = f.Transform!(methodology, choices[k]) ?? throw new InvalidOperationException($"Factor '{f.Name}' returned no methodology for option {choices[k].ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        var steps = methodology.Treatment;
        for (var k = 0; k < _dataBindings.Length; k++)
        {
            var f = _dataBindings[k].Factor;
            if (f.Kind == FactorKind.Custom)
            {
                continue;
            }

            steps = f.Kind == FactorKind.ImputationChoice
                ? TreatmentOrder.Place(steps, TreatmentStepKind.Impute, TreatmentStep.Impute(f.Imputers[choices[k]]))
                : TreatmentOrder.Place(steps, TreatmentStepKind.Treat, f.Treatments[choices[k]] is { } t ? TreatmentStep.Treat(t) : null);
        }

        return methodology.WithTreatment(steps);
    }

    public IReadOnlyList<UncertainFactor> Factors { get; }

    /// <summary>The number of uniform columns a replication needs.</summary>
    public int Dimensions { get; }

    public bool HasNormaliserChoice { get; }

    /// <summary>The column range of factor <paramref name="f"/>.</summary>
    public (int Offset, int Count) Columns(int f) => (_bindings[f].Offset, _bindings[f].Dimensions);

    /// <summary>
    /// Sets up the workspace for the uniforms <paramref name="u"/> and returns the normaliser option chosen (-1 when
    /// there is no normaliser factor). Allocates nothing.
    /// </summary>
    public int Apply(ReadOnlySpan<double> u, IndexWorkspace ws)
    {
        ws.ResetWeights();
        ws.ResetAggregators();
        var normaliser = -1;
        foreach (var b in _bindings)
        {
            switch (b.Factor.Kind)
            {
                case FactorKind.WeightNoise:
                    {
                        var f = b.Factor.Fraction;
                        for (var k = 0; k < b.Edges.Length; k++)
                        {
                            ws.Weights[b.Edges[k]] *= 1 - f + (2 * f * u[b.Offset + k]);
                        }

                        break;
                    }

                case FactorKind.NormaliserChoice:
                    normaliser = Choose(u[b.Offset], b.Options);
                    break;
                case FactorKind.AggregatorChoice:
                    var chosen = b.Factor.Aggregators[Choose(u[b.Offset], b.Options)];
                    if (b.Aggregates.Length == 0)
                    {
                        ws.SetAggregator(chosen);
                    }
                    else
                    {
                        foreach (var a in b.Aggregates)
                        {
                            ws.SetAggregator(a, chosen);
                        }
                    }

                    break;
                case FactorKind.ExcludeOneIndicator:
                    var excluded = Choose(u[b.Offset], b.Options) - 1;
                    if (excluded >= 0)
                    {
                        ws.Weights[b.Edges[excluded]] = 0;
                    }

                    break;
                default:
                    break; // data factors chose the workspace's compiled index already
            }
        }

        return normaliser;
    }

    /// <summary>Sets the normaliser option on the workspace (validated at binding).</summary>
    public void SetNormaliser(IndexWorkspace ws, int option) => ws.SetNormaliser(_normaliserFactor!.Normalisers[option]);

    /// <summary>The methodology a replication uses, for replay, and the factor values in words.</summary>
    public (Methodology Methodology, List<KeyValuePair<string, string>> Values) Describe(ReadOnlySpan<double> u)
    {
        var variant = Variant(u);
        var ws = Variants[variant].CreateWorkspace();
        var m = _dataBindings.Length == 0 ? Methodology : VariantMethodology(Methodology, variant);
        var values = new List<KeyValuePair<string, string>>();
        var normaliser = Apply(u, ws);
        foreach (var b in _bindings)
        {
            switch (b.Factor.Kind)
            {
                case FactorKind.WeightNoise:
                    values.Add(KeyValuePair.Create(b.Factor.Name, string.Join(", ", b.Edges.Select(e => Compiled.Edges[e].ChildCode + "=" + ws.Weights[e].ToString("0.####", CultureInfo.InvariantCulture)))));
                    break;
                case FactorKind.NormaliserChoice:
                    m = m.WithNormaliserEverywhere(b.Factor.Normalisers[normaliser]);
                    values.Add(KeyValuePair.Create(b.Factor.Name, b.Factor.Normalisers[normaliser].ToString()));
                    break;
                case FactorKind.AggregatorChoice:
                    var agg = b.Factor.Aggregators[Choose(u[b.Offset], b.Options)];
                    m = b.Factor.Nodes.IsEmpty
                        ? m.WithAggregatorEverywhere(agg)
                        : m with { Framework = b.Factor.Nodes.Aggregate(m.Framework, (fw, c) => fw.Replace(fw[c] with { Aggregator = agg })) };
                    values.Add(KeyValuePair.Create(b.Factor.Name, agg.ToString()));
                    break;
                case FactorKind.ImputationChoice:
                    values.Add(KeyValuePair.Create(b.Factor.Name, b.Factor.Imputers[Choose(u[b.Offset], b.Options)].ToString()));
                    break;
                case FactorKind.OutlierTreatmentChoice:
                    values.Add(KeyValuePair.Create(b.Factor.Name, b.Factor.Treatments[Choose(u[b.Offset], b.Options)]?.ToString() ?? "none"));
                    break;
                case FactorKind.Custom:
                    values.Add(KeyValuePair.Create(b.Factor.Name, b.Factor.OptionLabels[Choose(u[b.Offset], b.Options)]));
                    break;
                default:
                    var excluded = Choose(u[b.Offset], b.Options) - 1;
                    values.Add(KeyValuePair.Create(b.Factor.Name, excluded < 0 ? "none" : Compiled.Indicators[excluded].Code));
                    break;
            }
        }

        var fw = m.Framework;
        for (var e = 0; e < Compiled.Edges.Length; e++)
        {
            if (ws.Weights[e] != Compiled.NominalWeights[e])
            {
                fw = fw.Replace(fw[Compiled.Edges[e].ChildCode] with { Weight = ws.Weights[e] });
            }
        }

        return (m with { Framework = fw }, values);
    }

    private static int Choose(double u, int options) => Math.Min((int)(u * options), options - 1);

    /// <summary>The "never normalised" marker for <see cref="Run"/>'s last-normaliser state.</summary>
    public const int NotNormalised = int.MinValue;

    /// <summary>Runs one replication into the workspace: applies the factors and runs from the first stage that changed. Throws with the replication's number on a calculation error.</summary>
    public void Run(long replication, ReadOnlySpan<double> u, IndexWorkspace[] workspaces, int[] lastNormaliser, out IndexWorkspace used)
    {
        var variant = Variant(u);
        var ws = workspaces[variant];
        used = ws;
        var option = Apply(u, ws);
        var from = PipelineStage.Aggregation;
        if (option != lastNormaliser[variant])
        {
            if (option >= 0)
            {
                SetNormaliser(ws, option);
            }

            lastNormaliser[variant] = option;
            from = PipelineStage.Normalisation;
        }

        try
        {
            Variants[variant].Run(ws, from);
        }
        catch (CalculationException ex)
        {
            throw new CalculationException(ex.Code, $"Replication {replication.ToString(CultureInfo.InvariantCulture)} failed (replay it with Replication({replication.ToString(CultureInfo.InvariantCulture)}) to see its factor values){ReasonSeparator}{ex.Message}", ex.NodeCode, ex.UnitCode, ex.ChildCode, ex.Value);
        }
    }

    /// <summary>Ends the replication part of a failed replication's message; the calculation's own message follows.</summary>
    internal const string ReasonSeparator = ": ";

    private sealed class Binding
    {
        public required UncertainFactor Factor { get; init; }

        public int Offset { get; init; }

        public int Dimensions { get; set; }

        public int Options { get; set; }

        public int[] Edges { get; set; } = [];

        public int[] Aggregates { get; set; } = [];
    }
}
