namespace ProvinceIct.Indicators.Definitions;

/// <summary>
/// What an indicator is: code, names, kind (which decides valid values), unit text, direction, and the optional
/// fixed references some normalisers need (goalposts, target, reference value) and the denominator it is divided by.
/// Create with <see cref="Create"/> and refine with the <c>With...</c> methods or <c>with</c> expressions.
/// </summary>
public sealed record IndicatorDefinition
{
    private IndicatorDefinition(string code, string nameEn, IndicatorKind kind)
    {
        Code = code;
        NameEn = nameEn;
        Kind = kind;
    }

    /// <summary>Creates an indicator definition.</summary>
    /// <param name="code">The ASCII code, unique in a framework (for example <c>literacy_pct</c>).</param>
    /// <param name="nameEn">The English name.</param>
    /// <param name="kind">The kind, which decides the valid values.</param>
    /// <param name="direction">Whether higher is better (default) or worse.</param>
    /// <param name="nameVi">The Vietnamese name, if any.</param>
    /// <param name="unit">The unit of measure as text (for example "%" or "persons per 10,000").</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentException">When <paramref name="code"/> or <paramref name="nameEn"/> is blank.</exception>
    public static IndicatorDefinition Create(string code, string nameEn, IndicatorKind kind, Direction direction = Direction.Positive, string? nameVi = null, string? unit = null)
    {
        Internal.Preconditions.NotBlank(code);
        Internal.Preconditions.NotBlank(nameEn);
        ArgumentNullException.ThrowIfNull(kind);
        if (direction is not (Direction.Positive or Direction.Negative))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Direction must be Positive or Negative.");
        }

        return new IndicatorDefinition(code, nameEn, kind) { Direction = direction, NameVi = nameVi, Unit = unit };
    }

    /// <summary>The ASCII code, unique in a framework.</summary>
    public string Code { get; init; }

    /// <summary>The English name.</summary>
    public string NameEn { get; init; }

    /// <summary>The Vietnamese name, if any.</summary>
    public string? NameVi { get; init; }

    /// <summary>The kind, which decides the valid values.</summary>
    public IndicatorKind Kind { get; init; }

    /// <summary>The unit of measure as text, if any.</summary>
    public string? Unit { get; init; }

    /// <summary>Whether higher is better (positive) or worse (negative).</summary>
    public Direction Direction { get; init; } = Direction.Positive;

    /// <summary>Fixed goalposts for the goalposts normaliser, if any.</summary>
    public Goalposts? Goalposts { get; init; }

    /// <summary>A target value for distance-to-target normalisation, if any.</summary>
    public double? Target { get; init; }

    /// <summary>A reference value for the reference-value (capped ratio) normaliser, if any.</summary>
    public double? ReferenceValue { get; init; }

    /// <summary>The code of the denominator this indicator is divided by (for example population), if any.</summary>
    public string? DenominatorCode { get; init; }

    /// <summary>Returns a copy with goalposts set.</summary>
    /// <param name="lower">The lower goalpost.</param>
    /// <param name="upper">The upper goalpost, strictly above <paramref name="lower"/>.</param>
    /// <returns>The copy.</returns>
    public IndicatorDefinition WithGoalposts(double lower, double upper) => this with { Goalposts = new Goalposts(lower, upper) };

    /// <summary>Returns a copy with a reference value set (the capped-ratio normaliser divides by it).</summary>
    /// <param name="referenceValue">The reference value; finite and positive.</param>
    /// <returns>The copy.</returns>
    public IndicatorDefinition WithReferenceValue(double referenceValue) => this with { ReferenceValue = Internal.Preconditions.Positive(referenceValue) };

    /// <summary>Returns a copy with a target value set.</summary>
    /// <param name="target">The target; finite.</param>
    /// <returns>The copy.</returns>
    public IndicatorDefinition WithTarget(double target) => this with { Target = Internal.Preconditions.Finite(target) };

    /// <summary>The code, name, kind and direction, for example <c>literacy_pct (Literacy rate, percent, +)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{Code} ({NameEn}, {Kind}, {(Direction == Direction.Positive ? "+" : "-")})";
}
