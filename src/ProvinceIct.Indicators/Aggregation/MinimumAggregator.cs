using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>Minimum of the present children with a positive weight. Method text: <c>minimum</c>. Created by <see cref="Aggregator"/>'s factory of the same name.</summary>
public sealed record MinimumAggregator : Aggregator
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "minimum";

    /// <summary>Creates the aggregator, validating every parameter.</summary>
    public MinimumAggregator()
        : base(AggregationMethod.Minimum)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => MethodCall.Create(MethodName);

    /// <summary>Reads the method text's arguments (the registry's entry for this method).</summary>
    internal static MinimumAggregator Read(MethodArguments arguments) => NoArguments(arguments, new MinimumAggregator());

    /// <inheritdoc/>
    private protected override void Sealed()
    {
    }
}
