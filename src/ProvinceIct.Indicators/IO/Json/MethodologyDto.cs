namespace ProvinceIct.Indicators.IO.Json;

// JSON shapes of a methodology (camelCase properties, declaration order = written order). Mapped to and from the
// domain types by MethodologyJson through their factories, so every invariant is checked on the way in.
// Defaults are applied in the mapping, not by property initialisers: the source generator sets every init-only
// property, absent ones to default(T), which would turn a missing weight into 0.

/// <summary>A methodology as JSON.</summary>
internal sealed class MethodologyDto
{
    public int? FormatVersion { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public List<TreatmentStepDto>? Treatment { get; init; }

    public List<WeightingDto>? Weighting { get; init; }

    public required NormaliserDto Normaliser { get; init; }

    public required AggregatorDto Aggregator { get; init; }

    public required string Ties { get; init; }

    public double AvailabilityThreshold { get; init; }

    public required List<NodeDto> Nodes { get; init; }
}

/// <summary>A normaliser as JSON; absent numbers are the method's defaults (or NaN where the method has none).</summary>
internal sealed class NormaliserDto
{
    public required string Method { get; init; }

    public double? Lower { get; init; }

    public double? Upper { get; init; }

    public double? Mean { get; init; }

    public double? Sd { get; init; }

    public string? ReferenceUnit { get; init; }

    public string? Cap { get; init; }

    public string? Degenerate { get; init; }
}

/// <summary>An aggregator as JSON; the power only for the power mean, alpha and beta only for mean-min, the penalty only for (A)MPI, the reference only for AMPI, nonPositive and epsilon only for a shifted geometric or harmonic mean, the bounds only for benefit of the doubt (absent: 0 and none).</summary>
internal sealed class AggregatorDto
{
    public required string Method { get; init; }

    public double? Power { get; init; }

    public double? Alpha { get; init; }

    public double? Beta { get; init; }

    public string? Penalty { get; init; }

    public double? Reference { get; init; }

    public string? NonPositive { get; init; }

    public double? Epsilon { get; init; }

    public double? LowerBound { get; init; }

    public double? UpperBound { get; init; }
}

/// <summary>A framework node as JSON.</summary>
internal sealed class NodeDto
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? NameVi { get; init; }

    public string? Parent { get; init; }

    public double? Weight { get; init; }

    public string? Direction { get; init; }

    public IndicatorDto? Indicator { get; init; }

    public NormaliserDto? Normaliser { get; init; }

    public AggregatorDto? Aggregator { get; init; }

    public double? AvailabilityThreshold { get; init; }
}

/// <summary>An indicator definition as JSON (the code and direction are the node's; names only when they differ from the node's).</summary>
internal sealed class IndicatorDto
{
    public string? NameEn { get; init; }

    public string? NameVi { get; init; }

    public required KindDto Kind { get; init; }

    public string? Unit { get; init; }

    public GoalpostsDto? Goalposts { get; init; }

    public double? Target { get; init; }

    public double? ReferenceValue { get; init; }

    public string? Denominator { get; init; }
}

/// <summary>An indicator kind as JSON: <c>{"category":"rate","per":10000}</c>, <c>{"category":"money","currency":"million VND"}</c>, <c>{"category":"boundedScore","min":0,"max":10}</c>.</summary>
internal sealed class KindDto
{
    public required string Category { get; init; }

    public double? Per { get; init; }

    public string? Currency { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }
}

/// <summary>Goalposts as JSON.</summary>
internal sealed class GoalpostsDto
{
    public required double Lower { get; init; }

    public required double Upper { get; init; }
}

/// <summary>
/// A treatment step as JSON: <c>step</c> is the kind (<c>denominate</c>, <c>denominateByDefinitions</c>, <c>screen</c>,
/// <c>impute</c>, <c>treat</c>, <c>boxCox</c>); only the properties of that kind are written.
/// </summary>
internal sealed class TreatmentStepDto
{
    public required string Step { get; init; }

    public List<DenominationRuleDto>? Denominators { get; init; }

    public double? Scale { get; init; }

    public double? Threshold { get; init; }

    public string? UnitScreen { get; init; }

    public double? NonZeroThreshold { get; init; }

    public List<string>? ForceInclude { get; init; }

    public List<string>? ForceExclude { get; init; }

    public string? Imputer { get; init; }

    public string? Group { get; init; }

    public int? WinMax { get; init; }

    public double? SkewnessThreshold { get; init; }

    public double? KurtosisThreshold { get; init; }

    public double? Lambda { get; init; }
}

/// <summary>A denomination rule as JSON.</summary>
internal sealed class DenominationRuleDto
{
    public required string Indicator { get; init; }

    public required string Denominator { get; init; }

    public double? Scale { get; init; }
}

/// <summary>A weighting method as JSON: the canonical method text, and the aggregate it weights (absent: every aggregate).</summary>
internal sealed class WeightingDto
{
    public string? Node { get; init; }

    public required string Method { get; init; }
}
