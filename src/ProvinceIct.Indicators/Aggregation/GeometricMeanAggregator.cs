using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>Weighted geometric mean: <c>exp(sum(w log x) / sum(w))</c>. Method text: <c>geometric</c>, or <c>geometric(shift=EPSILON)</c> with the shift policy. Created by <see cref="Aggregator"/>'s factory of the same name.</summary>
public sealed record GeometricMeanAggregator : ShiftableMeanAggregator
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "geometric";

    /// <summary>Creates the aggregator under the <see cref="NonPositivePolicy.Error"/> policy.</summary>
    public GeometricMeanAggregator()
        : base(AggregationMethod.GeometricMean)
    {
    }

    /// <summary>Creates the aggregator with the <see cref="NonPositivePolicy.Shift"/> policy (see <see cref="Aggregator.GeometricMeanShifted"/>).</summary>
    /// <param name="epsilon">The value the smallest child value is lifted to; finite and above zero.</param>
    /// <exception cref="Errors.ValidationException">When epsilon is not finite or not above zero (<see cref="Errors.ProblemCode.InvalidParameter"/>).</exception>
    public GeometricMeanAggregator(double epsilon)
        : base(AggregationMethod.GeometricMean, MethodName, epsilon)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <summary>Reads the method text's arguments (the registry's entry for this method).</summary>
    internal static GeometricMeanAggregator Read(MethodArguments arguments) => Read(arguments, () => new GeometricMeanAggregator(), e => new GeometricMeanAggregator(e));
}
