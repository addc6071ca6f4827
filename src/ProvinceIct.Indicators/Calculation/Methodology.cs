using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Ranking;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>
/// Everything that decides an index's numbers, as one immutable value: the treatment steps applied to the raw data
/// (denominate, screen, impute, treat), the framework (tree, weights, per-node methods), the default normaliser and aggregator (a node's own method overrides them), the default availability
/// threshold for aggregates and the tie policy for ranking. It round-trips through JSON exactly
/// (<c>ProvinceIct.Indicators.IO.MethodologyJson</c>). Create with <see cref="Create"/>; change with the <c>With...</c> methods.
/// </summary>
public sealed record Methodology
{
    private Methodology(string code, string name, Framework framework)
    {
        Code = code;
        Name = name;
        Framework = framework;
    }

    /// <summary>Creates a methodology.</summary>
    /// <param name="code">A short ASCII code (for example <c>open-readiness-2016</c>).</param>
    /// <param name="name">A display name.</param>
    /// <param name="framework">The framework.</param>
    /// <param name="normaliser">The default normaliser (default: min-max to [0, 100]).</param>
    /// <param name="aggregator">The default aggregator (default: weighted arithmetic mean).</param>
    /// <param name="ties">The tie policy (default: competition, "1224").</param>
    /// <param name="availabilityThreshold">The default share of children an aggregate needs present (default 0: any one present child suffices).</param>
    /// <returns>The methodology.</returns>
    /// <exception cref="ValidationException">When the methods do not fit the framework (see <see cref="Validate"/>).</exception>
    public static Methodology Create(string code, string name, Framework framework, Normaliser? normaliser = null, Aggregator? aggregator = null, TiePolicy ties = TiePolicy.Competition, double availabilityThreshold = 0)
    {
        Internal.Preconditions.NotBlank(code);
        ArgumentNullException.ThrowIfNull(framework);
        var m = new Methodology(code, string.IsNullOrWhiteSpace(name) ? code : name, framework)
        {
            Normaliser = normaliser ?? Normaliser.MinMax(),
            Aggregator = aggregator ?? Aggregator.ArithmeticMean,
            Ties = ties,
            AvailabilityThreshold = availabilityThreshold,
        };
        m.Validate().ThrowIfInvalid("methodology");
        return m;
    }

    /// <summary>A short ASCII code.</summary>
    public string Code { get; init; }

    /// <summary>The display name.</summary>
    public string Name { get; init; }

    /// <summary>A description: what the index is, its source, what is not known.</summary>
    public string? Description { get; init; }

    /// <summary>The framework.</summary>
    public Framework Framework { get; init; }

    /// <summary>The default normaliser, for indicators without their own.</summary>
    public Normaliser Normaliser { get; init; } = Normaliser.MinMax();

    /// <summary>The default aggregator, for aggregates without their own.</summary>
    public Aggregator Aggregator { get; init; } = Aggregator.ArithmeticMean;

    /// <summary>The tie policy of every ranking.</summary>
    public TiePolicy Ties { get; init; } = TiePolicy.Competition;

    /// <summary>The default availability threshold of aggregates: the share of children that must be present, in [0, 1].</summary>
    public double AvailabilityThreshold { get; init; }

    /// <summary>
    /// The treatment steps applied to the raw data, in this order, when the methodology is compiled against a dataset
    /// (before normalisation); empty by default. The order given is kept as it is (COINr's example coin, for one, imputes
    /// before it screens); <see cref="TreatmentOrder"/> holds the default order (denominate, screen, impute, treat). See
    /// <see cref="TreatmentStep"/>.
    /// </summary>
    public ImmutableArray<TreatmentStep> Treatment { get; init; } = [];

    /// <summary>
    /// The weighting method of every aggregate, applied when the index is computed (null: the framework's weights).
    /// A node's own method (<see cref="NodeWeighting"/>) overrides it. See <see cref="WeightingMethod"/>.
    /// </summary>
    public WeightingMethod? Weighting { get; private init; }

    /// <summary>The weighting methods of single aggregates, by node code; each overrides <see cref="Weighting"/> for that node.</summary>
    public ImmutableSortedDictionary<string, WeightingMethod> NodeWeighting { get; private init; } = ImmutableSortedDictionary.Create<string, WeightingMethod>(StringComparer.Ordinal);

    /// <summary>The weighting method that applies to an aggregate: its own, or the whole index's; null for the framework's weights.</summary>
    /// <param name="aggregateCode">The aggregate code.</param>
    /// <returns>The method, or null.</returns>
    public WeightingMethod? WeightingFor(string aggregateCode) => NodeWeighting.TryGetValue(aggregateCode, out var w) ? w : Weighting;

    /// <summary>
    /// Returns a copy whose aggregates are all weighted by <paramref name="method"/> when the index is computed, bottom
    /// level first (a pillar's derived weights shape the scores its parent's weights are derived from); nodes with their
    /// own method keep it.
    /// </summary>
    /// <param name="method">The method, or null for the framework's weights.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ValidationException">When the method does not fit every aggregate (AHP, for one, belongs to one node).</exception>
    public Methodology WithWeighting(WeightingMethod? method)
    {
        var m = this with { Weighting = method };
        m.Validate().ThrowIfInvalid("methodology");
        return m;
    }

    /// <summary>Returns a copy in which one aggregate's children are weighted by <paramref name="method"/> when the index is computed.</summary>
    /// <param name="nodeCode">An aggregate of the framework.</param>
    /// <param name="method">The method, or null to remove the node's own method.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ValidationException">When the node is not an aggregate of the framework, or the method does not fit it.</exception>
    public Methodology WithWeighting(string nodeCode, WeightingMethod? method)
    {
        Internal.Preconditions.NotBlank(nodeCode);
        var m = this with { NodeWeighting = method is null ? NodeWeighting.Remove(nodeCode) : NodeWeighting.SetItem(nodeCode, method) };
        m.Validate().ThrowIfInvalid("methodology");
        return m;
    }

    /// <summary>The normaliser that applies to an indicator: its own, or the default.</summary>
    /// <param name="indicatorCode">The indicator code.</param>
    /// <returns>The normaliser.</returns>
    public Normaliser NormaliserFor(string indicatorCode) => Framework[indicatorCode].Normaliser ?? Normaliser;

    /// <summary>The aggregator that applies to an aggregate: its own, or the default.</summary>
    /// <param name="aggregateCode">The aggregate code.</param>
    /// <returns>The aggregator.</returns>
    public Aggregator AggregatorFor(string aggregateCode) => Framework[aggregateCode].Aggregator ?? Aggregator;

    /// <summary>The availability threshold that applies to an aggregate: its own, or the default.</summary>
    /// <param name="aggregateCode">The aggregate code.</param>
    /// <returns>The threshold.</returns>
    public double AvailabilityThresholdFor(string aggregateCode) => Framework[aggregateCode].AvailabilityThreshold ?? AvailabilityThreshold;

    /// <summary>
    /// Checks that the methods fit the framework, reporting every problem: the default threshold outside [0, 1];
    /// goalposts normalisation of an indicator without goalposts; reference-value normalisation of an indicator
    /// without a reference value or with a negative direction; distance-to-target normalisation of an indicator without
    /// a target; distance to a reference unit without a unit code (whether the unit exists is checked against a dataset
    /// by <see cref="IndexCalculator.Validate"/>); a denomination rule of an indicator that is not in the framework (whether
    /// the denominator columns, forced units and group names exist is checked against a dataset by <see cref="IndexCalculator.Validate"/>).
    /// </summary>
    /// <returns>The report.</returns>
    public ValidationReport Validate()
    {
        var problems = new List<ValidationProblem>();
        if (!(AvailabilityThreshold >= 0 && AvailabilityThreshold <= 1))
        {
            problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, new ProblemText("Method_DefaultAvailability")) { ExpectedText = new ProblemText("Kind_Share"), Found = AvailabilityThreshold.ToString("R", CultureInfo.InvariantCulture) });
        }

        if (!Enum.IsDefined(Ties))
        {
            problems.Add(new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Method_Ties")) { ExpectedText = new ProblemText("Method_ExpectedTies"), Found = Ties.ToString() });
        }

        foreach (var node in Framework.Nodes.Where(n => n.IsIndicator))
        {
            var def = node.Indicator!;
            var norm = node.Normaliser ?? Normaliser;
            problems.AddRange(norm.Validate(def));
        }

        foreach (var step in Treatment)
        {
            problems.AddRange(step.Validate(Framework));
        }

        problems.AddRange(ValidateWeighting());
        return ValidationReport.Of(problems);
    }

    private IEnumerable<ValidationProblem> ValidateWeighting()
    {
        if (Weighting is { AppliesToWholeIndex: false } w)
        {
            yield return new ValidationProblem(ProblemCode.InvalidParameter, new ProblemText("Method_NodeWeighting", w.ToString())) { ExpectedText = new ProblemText("Method_ExpectedNode"), Found = w.ToString() };
        }

        foreach (var (code, method) in NodeWeighting)
        {
            if (!Framework.Contains(code) || Framework[code].IsIndicator)
            {
                yield return new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Method_NotAggregate", method.ToString(), code)) { IndicatorCode = code, ExpectedText = new ProblemText("Method_ExpectedAggregate"), Found = code };
                continue;
            }

            foreach (var p in method.Validate(Framework, code))
            {
                yield return p;
            }
        }

        if (Weighting is { AppliesToWholeIndex: true } all)
        {
            foreach (var node in Framework.Aggregates.Where(a => !NodeWeighting.ContainsKey(a.Code)))
            {
                foreach (var p in all.Validate(Framework, node.Code))
                {
                    yield return p;
                }
            }
        }
    }

    /// <summary>Returns a copy in which every indicator uses <paramref name="normaliser"/> (per-indicator overrides removed).</summary>
    /// <param name="normaliser">The normaliser.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ValidationException">When the normaliser does not fit an indicator.</exception>
    public Methodology WithNormaliserEverywhere(Normaliser normaliser)
    {
        ArgumentNullException.ThrowIfNull(normaliser);
        var fw = Framework.Create(Framework.Nodes.Select(n => n.IsIndicator ? n with { Normaliser = null } : n));
        var m = this with { Framework = fw, Normaliser = normaliser };
        m.Validate().ThrowIfInvalid("methodology");
        return m;
    }

    /// <summary>Returns a copy in which every aggregate uses <paramref name="aggregator"/> (per-node overrides removed).</summary>
    /// <param name="aggregator">The aggregator.</param>
    /// <returns>The copy.</returns>
    public Methodology WithAggregatorEverywhere(Aggregator aggregator)
    {
        ArgumentNullException.ThrowIfNull(aggregator);
        var fw = Framework.Create(Framework.Nodes.Select(n => n.IsIndicator ? n : n with { Aggregator = null }));
        return this with { Framework = fw, Aggregator = aggregator };
    }

    /// <summary>Returns a copy with these treatment steps (replacing any), applied in the order given (never re-sorted; <see cref="TreatmentOrder"/> holds the default order).</summary>
    /// <param name="steps">The steps; none for no treatment.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ValidationException">When a step names an indicator that is not in the framework.</exception>
    public Methodology WithTreatment(params IEnumerable<TreatmentStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var m = this with { Treatment = steps.Select(s => s ?? throw new ArgumentException("Steps must not be null.", nameof(steps))).ToImmutableArray() };
        m.Validate().ThrowIfInvalid("methodology");
        return m;
    }

    /// <summary>Returns a copy with another tie policy.</summary>
    /// <param name="ties">The tie policy.</param>
    /// <returns>The copy.</returns>
    public Methodology WithTies(TiePolicy ties) => this with { Ties = ties };

    /// <summary>Formats as <c>code: framework, normaliser, aggregator, ties</c>, preceded by the treatment steps when there are any, followed by the weighting when there is one (<c>; weights pca(loadings), P1: equal</c>).</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        $"{Code}: {Framework}; {(Treatment.IsDefaultOrEmpty ? string.Empty : "treat " + string.Join(", ", Treatment) + "; ")}normalise {Normaliser}; aggregate {Aggregator}; ties {Ties.ToString().ToLowerInvariant()}"
        + (Weighting is null && NodeWeighting.IsEmpty ? string.Empty : "; weights " + string.Join(", ", (Weighting is null ? Array.Empty<string>() : new[] { Weighting.ToString() }).Concat(NodeWeighting.Select(kv => kv.Key + ": " + kv.Value))));
}
