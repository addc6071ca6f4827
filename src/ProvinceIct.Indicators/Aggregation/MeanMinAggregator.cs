using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>Mean-min function: <c>M - alpha (sqrt((M - min)^2 + beta^2) - beta)</c>. Method text: <c>mean-min(ALPHA,BETA)</c>. Created by <see cref="Aggregator"/>'s factory of the same name.</summary>
public sealed record MeanMinAggregator : Aggregator
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "mean-min";

    /// <summary>Creates the aggregator, validating every parameter.</summary>
    /// <param name="alpha">alpha, in [0, 1].</param>
    /// <param name="beta">beta, at or above 0 and finite.</param>
    /// <exception cref="Errors.ValidationException">When a parameter is out of range (<see cref="Errors.ProblemCode.InvalidParameter"/>, naming the method, the parameter, what was expected and what was found).</exception>
    public MeanMinAggregator(double alpha, double beta)
        : base(AggregationMethod.MeanMin)
    {
        Alpha = Errors.ParameterCheck.InRange(MethodName, "alpha", alpha, 0, 1);
        Beta = Errors.ParameterCheck.NonNegative(MethodName, "beta", beta);
    }

    /// <summary>alpha, the weight of the penalty, in [0, 1].</summary>
    public double Alpha { get; }

    /// <summary>beta, at or above 0 and finite.</summary>
    public double Beta { get; }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => MethodCall.Create(MethodName).With(Alpha).With(Beta);

    /// <summary>Reads the method text's arguments (the registry's entry for this method).</summary>
    internal static MeanMinAggregator Read(MethodArguments arguments)
    {
        var alpha = arguments.Text(-1, "a", null) is null ? arguments.Number(0, "alpha") : arguments.Number(0, "a");
        var beta = arguments.Text(-1, "b", null) is null ? arguments.Number(1, "beta") : arguments.Number(1, "b");
        arguments.EnsureAllRead();
        return new MeanMinAggregator(alpha, beta);
    }

    /// <inheritdoc/>
    internal override bool IsPerUnit => true;

    /// <summary><c>M - alpha (sqrt((M - min)^2 + beta^2) - beta)</c>, beta scaled with the values.</summary>
    internal override double AggregateUnit(Span<double> values, ReadOnlySpan<double> weights, int exponent)
    {
        var beta = Math.ScaleB(Beta, -exponent);
        var mean = AggregatorKernel.WeightedMean(values, weights);
        var min = double.PositiveInfinity;
        foreach (var x in values)
        {
            min = Math.Min(min, x);
        }

        var d = mean - min;
        return mean - (Alpha * (Math.Sqrt((d * d) + (beta * beta)) - beta));
    }

    /// <inheritdoc/>
    private protected override void Sealed()
    {
    }
}
