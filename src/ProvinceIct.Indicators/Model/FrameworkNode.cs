using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Normalisation;

namespace ProvinceIct.Indicators.Model;

/// <summary>
/// One node of a <see cref="Framework"/>: an indicator (a leaf, level 1) or an aggregate (a pillar, sub-index or the
/// index itself). Every node except the root names its parent and has a weight relative to its siblings. A node may
/// carry its own normaliser (indicators) or aggregator (aggregates), which then overrides the methodology's default.
/// Create with <see cref="ForIndicator"/> or <see cref="Aggregate"/>.
/// </summary>
public sealed record FrameworkNode
{
    private FrameworkNode(string code, string name)
    {
        Code = code;
        Name = name;
    }

    /// <summary>Creates an indicator (leaf) node.</summary>
    /// <param name="indicator">The indicator definition; the node's code is the indicator's code.</param>
    /// <param name="parentCode">The parent aggregate's code.</param>
    /// <param name="weight">The weight relative to the siblings (default 1); finite and non-negative.</param>
    /// <param name="normaliser">A normaliser for this indicator only, or null for the methodology's default.</param>
    /// <returns>The node.</returns>
    public static FrameworkNode ForIndicator(IndicatorDefinition indicator, string parentCode, double weight = 1, Normaliser? normaliser = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        Internal.Preconditions.NotBlank(parentCode);
        return new FrameworkNode(indicator.Code, indicator.NameEn)
        {
            NameVi = indicator.NameVi,
            Indicator = indicator,
            ParentCode = parentCode,
            Weight = weight,
            Normaliser = normaliser,
        };
    }

    /// <summary>Creates an aggregate node; a null <paramref name="parentCode"/> makes it the root (the index).</summary>
    /// <param name="code">The node code.</param>
    /// <param name="name">The English name.</param>
    /// <param name="parentCode">The parent's code, or null for the index.</param>
    /// <param name="weight">The weight relative to the siblings (default 1; ignored for the root).</param>
    /// <param name="aggregator">An aggregator for this node only, or null for the methodology's default.</param>
    /// <param name="nameVi">The Vietnamese name, if any.</param>
    /// <returns>The node.</returns>
    public static FrameworkNode Aggregate(string code, string name, string? parentCode = null, double weight = 1, Aggregator? aggregator = null, string? nameVi = null)
    {
        Internal.Preconditions.NotBlank(code);
        return new FrameworkNode(code, string.IsNullOrWhiteSpace(name) ? code : name)
        {
            NameVi = nameVi,
            ParentCode = parentCode,
            Weight = weight,
            Aggregator = aggregator,
        };
    }

    /// <summary>The node code (for an indicator, the indicator's code).</summary>
    public string Code { get; init; }

    /// <summary>The English name.</summary>
    public string Name { get; init; }

    /// <summary>The Vietnamese name, if any.</summary>
    public string? NameVi { get; init; }

    /// <summary>The parent's code; null for the root.</summary>
    public string? ParentCode { get; init; }

    /// <summary>The weight relative to the siblings (validated by <see cref="Framework"/>: finite, non-negative, siblings not all zero).</summary>
    public double Weight { get; init; } = 1;

    /// <summary>The indicator definition for a leaf; null for an aggregate.</summary>
    public IndicatorDefinition? Indicator { get; init; }

    /// <summary>This indicator's own normaliser, or null for the methodology's default.</summary>
    public Normaliser? Normaliser { get; init; }

    /// <summary>This aggregate's own aggregator, or null for the methodology's default.</summary>
    public Aggregator? Aggregator { get; init; }

    /// <summary>
    /// This aggregate's availability threshold: the share of its children that must be present for its score to be
    /// computed (in [0, 1]); null for the methodology's default.
    /// </summary>
    public double? AvailabilityThreshold { get; init; }

    /// <summary>The direction of an aggregate's score (a negative aggregate is multiplied by -1 before it is aggregated further). For an indicator node, see <see cref="Direction"/>.</summary>
    public Direction AggregateDirection { get; init; } = Direction.Positive;

    /// <summary>True for an indicator (leaf) node.</summary>
    public bool IsIndicator => Indicator is not null;

    /// <summary>The node's direction: the indicator's direction for a leaf, <see cref="AggregateDirection"/> for an aggregate.</summary>
    public Direction Direction => Indicator?.Direction ?? AggregateDirection;

    /// <summary>Formats as <c>code (name) -> parent, w=weight</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        Code + " (" + Name + ")" + (ParentCode is null ? " [root]" : " -> " + ParentCode + ", w=" + Weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
}
