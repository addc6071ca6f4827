using ProvinceIct.Indicators.MethodText;

using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>
/// Copeland score from weighted pairwise outranking of the units (node-level). Method text: <c>copeland</c> (pairs
/// compared on their shared children, <see cref="CopelandMissingPolicy.SharedChildren"/>) or <c>copeland(missing=coinr)</c>
/// (COINr's order-dependent rule, <see cref="CopelandMissingPolicy.Coinr"/>). Created by <see cref="Aggregator"/>'s
/// factory of the same name, or with this constructor for the COINr rule.
/// </summary>
/// <remarks>
/// Under <see cref="CopelandMissingPolicy.Coinr"/> every unit of the node takes part in the comparisons, as in COINr,
/// including a unit with no present child of positive weight or below the availability threshold; such a unit's own
/// score is then missing (the library's rule for an aggregate without data; COINr would give it a number, and blanks
/// it only under <c>dat_thresh</c>), but the other units' scores are COINr's. Ties are exact equality.
/// </remarks>
public sealed record CopelandAggregator : Aggregator
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "copeland";

    /// <summary>The key of the missing-data policy in method text (<c>copeland(missing=coinr)</c>).</summary>
    public const string MissingKey = "missing";

    /// <summary>Creates the aggregator, validating every parameter.</summary>
    /// <param name="missing">How a child missing for one unit of a pair is treated (default <see cref="CopelandMissingPolicy.SharedChildren"/>).</param>
    /// <exception cref="Errors.ValidationException">When <paramref name="missing"/> is not a defined policy (<see cref="Errors.ProblemCode.InvalidParameter"/>).</exception>
    public CopelandAggregator(CopelandMissingPolicy missing = CopelandMissingPolicy.SharedChildren)
        : base(AggregationMethod.Copeland)
    {
        Missing = Enum.IsDefined(missing) ? missing : throw Errors.ValidationException.InvalidParameter(MethodName, nameof(missing), ProblemText.Verbatim("shared or coinr"), ProblemText.Verbatim(missing.ToString()));
    }

    /// <summary>How a child missing for one unit of a pair is treated.</summary>
    public CopelandMissingPolicy Missing { get; }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() =>
        Missing == CopelandMissingPolicy.Coinr ? MethodCall.Create(MethodName).With(MissingKey, "coinr") : MethodCall.Create(MethodName);

    /// <summary>Reads the method text's arguments (the registry's entry for this method): <c>missing=shared</c> (the default) or <c>missing=coinr</c>, by key or as the one positional argument.</summary>
    internal static CopelandAggregator Read(MethodArguments arguments)
    {
        var text = arguments.Text(0, MissingKey, "shared") ?? "shared";
        arguments.EnsureAllRead();
        return text.ToLowerInvariant() switch
        {
            "shared" => new CopelandAggregator(),
            "coinr" => new CopelandAggregator(CopelandMissingPolicy.Coinr),
            _ => throw arguments.Fail(new ProblemText("Copeland_Missing", MethodName, MissingKey, text), ProblemText.Verbatim("shared, coinr"), ProblemText.Verbatim(text)),
        };
    }

    /// <inheritdoc/>
    private protected override void Sealed()
    {
    }
}
