using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>Copeland score from weighted pairwise outranking of the units (node-level). Method text: <c>copeland</c>. Created by <see cref="Aggregator"/>'s factory of the same name.</summary>
public sealed record CopelandAggregator : Aggregator
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "copeland";

    /// <summary>Creates the aggregator, validating every parameter.</summary>
    public CopelandAggregator()
        : base(AggregationMethod.Copeland)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => MethodCall.Create(MethodName);

    /// <summary>Reads the method text's arguments (the registry's entry for this method).</summary>
    internal static CopelandAggregator Read(MethodArguments arguments) => NoArguments(arguments, new CopelandAggregator());

    /// <inheritdoc/>
    private protected override void Sealed()
    {
    }
}
