using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Treatment;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// Factors bound to a compiled index: which uniform columns each factor reads, and how a row of uniforms sets up a
/// workspace (weights, normaliser, aggregator) before a run. Immutable; thread-safe.
/// </summary>
internal sealed class FactorModel
{
    private readonly FactorBinding[] _bindings;
    private readonly FactorBinding[] _dataBindings;
    private readonly NormaliserChoiceFactor? _normaliserFactor;

    public FactorModel(Methodology methodology, Dataset dataset, IReadOnlyList<UncertainFactor> factors)
    {
        Methodology = methodology;
        Dataset = dataset;
        Compiled = IndexCalculator.Compile(methodology, dataset);
        Factors = factors;
        var bindings = new List<FactorBinding>();
        var offset = 0;
        if (factors.Count == 0)
        {
            throw new ArgumentException("At least one uncertain factor is needed.", nameof(factors));
        }

        if (factors.Where(f => f.AtMostOnce).GroupBy(f => f.Kind).Any(g => g.Count() > 1))
        {
            throw new ArgumentException("Give each choice factor at most once.", nameof(factors));
        }

        foreach (var f in factors)
        {
            var b = new FactorBinding { Factor = f, Offset = offset };
            f.Bind(b, methodology, Compiled);
            offset += b.Dimensions;
            bindings.Add(b);
        }

        _bindings = [.. bindings];
        _dataBindings = [.. bindings.Where(b => b.Factor.ChangesData)];
        Variants = BuildVariants(methodology, dataset);
        _normaliserFactor = factors.OfType<NormaliserChoiceFactor>().FirstOrDefault();
        Dimensions = offset;
        HasNormaliserChoice = _normaliserFactor is not null;
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
            v = (v * b.Options) + b.Choose(u);
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
            methodology = _dataBindings[k].Factor.Transform(methodology, choices[k]);
        }

        var steps = methodology.Treatment;
        for (var k = 0; k < _dataBindings.Length; k++)
        {
            steps = _dataBindings[k].Factor.ReplaceSteps(steps, choices[k]);
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
            var chosen = b.Factor.Apply(b, u, ws);
            normaliser = chosen >= 0 ? chosen : normaliser;
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
        Apply(u, ws);
        foreach (var b in _bindings)
        {
            values.Add(KeyValuePair.Create(b.Factor.Name, b.Factor.Describe(b, u, ws, Compiled, ref m)));
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
            throw new CalculationException(ex.Code, new ProblemText("Calc_Replication", replication.ToString(CultureInfo.InvariantCulture), ex.Text), ex.NodeCode, ex.UnitCode, ex.ChildCode, ex.Value);
        }
    }

    /// <summary>Ends the replication part of a failed replication's message; the calculation's own message follows.</summary>
    internal const string ReasonSeparator = ": ";
}
