using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>Weighted arithmetic mean: <c>sum(w x) / sum(w)</c> over present children. Method text: <c>arithmetic</c>. Created by <see cref="Aggregator"/>'s factory of the same name.</summary>
public sealed record ArithmeticMeanAggregator : Aggregator
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "arithmetic";

    /// <summary>Creates the aggregator, validating every parameter.</summary>
    public ArithmeticMeanAggregator()
        : base(AggregationMethod.ArithmeticMean)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => MethodCall.Create(MethodName);

    /// <summary>Reads the method text's arguments (the registry's entry for this method).</summary>
    internal static ArithmeticMeanAggregator Read(MethodArguments arguments) => NoArguments(arguments, new ArithmeticMeanAggregator());

    /// <inheritdoc/>
    private protected override void Sealed()
    {
    }
}
