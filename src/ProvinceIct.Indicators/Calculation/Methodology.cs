using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
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
            problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, "The default availability threshold is outside [0, 1].") { Expected = "a share in [0, 1]", Found = AvailabilityThreshold.ToString("R", CultureInfo.InvariantCulture) });
        }

        if (!Enum.IsDefined(Ties))
        {
            problems.Add(new ValidationProblem(ProblemCode.UnknownValue, "The tie policy is not one of the defined policies.") { Expected = "competition, dense, fractional or ordinal", Found = Ties.ToString() });
        }

        foreach (var node in Framework.Nodes.Where(n => n.IsIndicator))
        {
            var def = node.Indicator!;
            var norm = node.Normaliser ?? Normaliser;
            if (norm.Method == NormalisationMethod.Goalposts && def.Goalposts is null)
            {
                problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, $"Indicator '{def.Code}' is normalised with goalposts but has none.") { IndicatorCode = def.Code, Expected = "goalposts [L, U] on the indicator", Found = "none" });
            }

            if (norm.Method == NormalisationMethod.DistanceToTarget && def.Target is null)
            {
                problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, $"Indicator '{def.Code}' is normalised by distance to target but has no target.") { IndicatorCode = def.Code, Expected = "a target on the indicator", Found = "none" });
            }

            if (norm.Method == NormalisationMethod.DistanceToReference && string.IsNullOrWhiteSpace(norm.ReferenceUnit))
            {
                problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, $"Indicator '{def.Code}' is normalised by distance to a reference unit but names none.") { IndicatorCode = def.Code, Expected = "a reference unit code", Found = "none" });
            }

            if (norm.Method == NormalisationMethod.ReferenceValue)
            {
                if (def.ReferenceValue is null)
                {
                    problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, $"Indicator '{def.Code}' is normalised by a reference value but has none.") { IndicatorCode = def.Code, Expected = "a positive reference value on the indicator", Found = "none" });
                }

                if (def.Direction == Direction.Negative)
                {
                    problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, $"Indicator '{def.Code}' has a negative direction; a capped ratio to a reference value needs a positive one.") { IndicatorCode = def.Code, Expected = "positive direction", Found = "negative" });
                }
            }
        }

        foreach (var rule in Treatment.Where(t => t.Kind == TreatmentStepKind.Denominate).SelectMany(t => t.Denominators))
        {
            if (!Framework.Contains(rule.IndicatorCode) || !Framework[rule.IndicatorCode].IsIndicator)
            {
                problems.Add(new ValidationProblem(ProblemCode.UnknownValue, $"A denomination step names '{rule.IndicatorCode}', which is not an indicator of the framework.") { IndicatorCode = rule.IndicatorCode, Expected = "an indicator code of the framework", Found = rule.IndicatorCode });
            }
        }

        return ValidationReport.Of(problems);
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

    /// <summary>Formats as <c>code: framework, normaliser, aggregator, ties</c>, preceded by the treatment steps when there are any.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        $"{Code}: {Framework}; {(Treatment.IsDefaultOrEmpty ? string.Empty : "treat " + string.Join(", ", Treatment) + "; ")}normalise {Normaliser}; aggregate {Aggregator}; ties {Ties.ToString().ToLowerInvariant()}";
}
