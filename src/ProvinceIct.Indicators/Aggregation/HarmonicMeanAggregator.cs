using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>Weighted harmonic mean: <c>sum(w) / sum(w / x)</c>. Method text: <c>harmonic</c>, or <c>harmonic(shift=EPSILON)</c> with the shift policy. Created by <see cref="Aggregator"/>'s factory of the same name.</summary>
public sealed record HarmonicMeanAggregator : ShiftableMeanAggregator
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "harmonic";

    /// <summary>Creates the aggregator under the <see cref="NonPositivePolicy.Error"/> policy.</summary>
    public HarmonicMeanAggregator()
        : base(AggregationMethod.HarmonicMean)
    {
    }

    /// <summary>Creates the aggregator with the <see cref="NonPositivePolicy.Shift"/> policy (see <see cref="Aggregator.HarmonicMeanShifted"/>).</summary>
    /// <param name="epsilon">The value the smallest child value is lifted to; finite and above zero.</param>
    /// <exception cref="Errors.ValidationException">When epsilon is not finite or not above zero (<see cref="Errors.ProblemCode.InvalidParameter"/>).</exception>
    public HarmonicMeanAggregator(double epsilon)
        : base(AggregationMethod.HarmonicMean, MethodName, epsilon)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <summary>Reads the method text's arguments (the registry's entry for this method).</summary>
    internal static HarmonicMeanAggregator Read(MethodArguments arguments) => Read(arguments, () => new HarmonicMeanAggregator(), e => new HarmonicMeanAggregator(e));
}
