using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>Median of the present children with a positive weight (R's <c>median</c>). Method text: <c>median</c>. Created by <see cref="Aggregator"/>'s factory of the same name.</summary>
public sealed record MedianAggregator : Aggregator
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "median";

    /// <summary>Creates the aggregator, validating every parameter.</summary>
    public MedianAggregator()
        : base(AggregationMethod.Median)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => MethodCall.Create(MethodName);

    /// <summary>Reads the method text's arguments (the registry's entry for this method).</summary>
    internal static MedianAggregator Read(MethodArguments arguments) => NoArguments(arguments, new MedianAggregator());

    /// <inheritdoc/>
    internal override bool IsPerUnit => true;

    /// <summary>The middle value, or the mean of the two middle values (sorts the scratch in place).</summary>
    internal override double AggregateUnit(Span<double> values, ReadOnlySpan<double> weights, int exponent)
    {
        values.Sort();
        var h = values.Length / 2;
        return values.Length % 2 == 1 ? values[h] : (values[h - 1] + values[h]) / 2;
    }

    /// <inheritdoc/>
    private protected override void Sealed()
    {
    }
}
