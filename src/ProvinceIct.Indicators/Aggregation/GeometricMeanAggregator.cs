using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>Weighted geometric mean: <c>exp(sum(w log x) / sum(w))</c>. Method text: <c>geometric</c>, or <c>geometric(shift=EPSILON)</c> with the shift policy. Created by <see cref="Aggregator"/>'s factory of the same name.</summary>
public sealed record GeometricMeanAggregator : Aggregator
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "geometric";

    /// <summary>Creates the aggregator, validating every parameter.</summary>
    public GeometricMeanAggregator()
        : base(AggregationMethod.GeometricMean)
    {
        NonPositive = NonPositivePolicy.Error;
        Epsilon = double.NaN;
    }

    /// <summary>Creates the aggregator with the <see cref="NonPositivePolicy.Shift"/> policy (see <see cref="Aggregator.GeometricMeanShifted"/>).</summary>
    /// <param name="epsilon">The value the smallest child value is lifted to; finite and above zero.</param>
    /// <exception cref="Errors.ValidationException">When epsilon is not finite or not above zero (<see cref="Errors.ProblemCode.InvalidParameter"/>).</exception>
    public GeometricMeanAggregator(double epsilon)
        : base(AggregationMethod.GeometricMean)
    {
        NonPositive = NonPositivePolicy.Shift;
        Epsilon = Errors.ParameterCheck.Positive(MethodName, "shift", epsilon);
    }

    /// <summary>What the mean does with values at or below zero: <see cref="NonPositivePolicy.Error"/>, or <see cref="NonPositivePolicy.Shift"/> by <see cref="Epsilon"/>.</summary>
    public NonPositivePolicy NonPositive { get; }

    /// <summary>epsilon of <see cref="NonPositivePolicy.Shift"/> (NaN under <see cref="NonPositivePolicy.Error"/>).</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => double.IsNaN(Epsilon) ? MethodCall.Create(MethodName) : MethodCall.Create(MethodName).With("shift", Epsilon);

    /// <summary>Reads the method text's arguments (the registry's entry for this method).</summary>
    internal static GeometricMeanAggregator Read(MethodArguments arguments)
    {
        var shift = arguments.Number(-1, "shift", double.NaN);
        arguments.EnsureAllRead();
        return double.IsNaN(shift) ? new GeometricMeanAggregator() : new GeometricMeanAggregator(shift);
    }

    /// <inheritdoc/>
    private protected override void Sealed()
    {
    }
}
