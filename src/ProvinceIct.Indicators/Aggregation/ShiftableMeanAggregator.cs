using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>
/// The weighted means that need child values above zero and can lift them by a shift instead of failing: the geometric
/// mean (<see cref="GeometricMeanAggregator"/>) and the harmonic mean (<see cref="HarmonicMeanAggregator"/>). Under
/// <see cref="NonPositivePolicy.Error"/> (method text <c>geometric</c>) a present child at or below zero is an error naming
/// unit and child; under <see cref="NonPositivePolicy.Shift"/> (method text <c>geometric(shift=EPSILON)</c>) every value
/// is lifted by <c>delta = max(0, epsilon - m)</c>, m the smallest present value of the node (see
/// <see cref="Aggregator.GeometricMeanShifted"/>).
/// </summary>
public abstract record ShiftableMeanAggregator : Aggregator
{
    /// <summary>The case under the error policy.</summary>
    private protected ShiftableMeanAggregator(AggregationMethod method)
        : base(method)
    {
        NonPositive = NonPositivePolicy.Error;
        Epsilon = double.NaN;
    }

    /// <summary>The case under the shift policy; epsilon is checked in the case's name.</summary>
    private protected ShiftableMeanAggregator(AggregationMethod method, string name, double epsilon)
        : base(method)
    {
        NonPositive = NonPositivePolicy.Shift;
        Epsilon = Errors.ParameterCheck.Positive(name, "shift", epsilon);
    }

    /// <summary>What the mean does with values at or below zero: <see cref="NonPositivePolicy.Error"/>, or <see cref="NonPositivePolicy.Shift"/> by <see cref="Epsilon"/>.</summary>
    public NonPositivePolicy NonPositive { get; }

    /// <summary>epsilon of <see cref="NonPositivePolicy.Shift"/> (NaN under <see cref="NonPositivePolicy.Error"/>).</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public sealed override MethodCall ToMethodCall() =>
        double.IsNaN(Epsilon) ? MethodCall.Create(Name) : MethodCall.Create(Name).With("shift", Epsilon);

    /// <summary>Reads the method text's arguments, <c>shift=EPSILON</c> or none, and creates the case under either policy.</summary>
    private protected static T Read<T>(MethodArguments arguments, Func<T> error, Func<double, T> shift)
    {
        var epsilon = arguments.Number(-1, "shift", double.NaN);
        arguments.EnsureAllRead();
        return double.IsNaN(epsilon) ? error() : shift(epsilon);
    }

    /// <inheritdoc/>
    private protected sealed override void Sealed()
    {
    }
}
