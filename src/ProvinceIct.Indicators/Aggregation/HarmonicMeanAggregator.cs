using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>Weighted harmonic mean: <c>sum(w) / sum(w / x)</c>. Method text: <c>harmonic</c>, or <c>harmonic(shift=EPSILON)</c> with the shift policy. Created by <see cref="Aggregator"/>'s factory of the same name.</summary>
public sealed record HarmonicMeanAggregator : Aggregator
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "harmonic";

    /// <summary>Creates the aggregator, validating every parameter.</summary>
    public HarmonicMeanAggregator()
        : base(AggregationMethod.HarmonicMean)
    {
        NonPositive = NonPositivePolicy.Error;
        Epsilon = double.NaN;
    }

    /// <summary>Creates the aggregator with the <see cref="NonPositivePolicy.Shift"/> policy (see <see cref="Aggregator.HarmonicMeanShifted"/>).</summary>
    /// <param name="epsilon">The value the smallest child value is lifted to; finite and above zero.</param>
    /// <exception cref="Errors.ValidationException">When epsilon is not finite or not above zero (<see cref="Errors.ProblemCode.InvalidParameter"/>).</exception>
    public HarmonicMeanAggregator(double epsilon)
        : base(AggregationMethod.HarmonicMean)
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
    internal static HarmonicMeanAggregator Read(MethodArguments arguments)
    {
        var shift = arguments.Number(-1, "shift", double.NaN);
        arguments.EnsureAllRead();
        return double.IsNaN(shift) ? new HarmonicMeanAggregator() : new HarmonicMeanAggregator(shift);
    }

    /// <inheritdoc/>
    private protected override void Sealed()
    {
    }
}
