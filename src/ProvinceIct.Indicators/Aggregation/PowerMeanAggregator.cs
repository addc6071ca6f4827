using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>Weighted power (generalised) mean of order p: <c>(sum(w x^p) / sum(w))^(1/p)</c>. Method text: <c>generalised-mean(P)</c> (old spelling <c>power:P</c>). Created by <see cref="Aggregator"/>'s factory of the same name.</summary>
public sealed record PowerMeanAggregator : Aggregator
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "generalised-mean";

    /// <summary>Creates the aggregator, validating every parameter.</summary>
    /// <param name="p">The order; finite.</param>
    /// <exception cref="Errors.ValidationException">When a parameter is out of range (<see cref="Errors.ProblemCode.InvalidParameter"/>, naming the method, the parameter, what was expected and what was found).</exception>
    public PowerMeanAggregator(double p)
        : base(AggregationMethod.PowerMean)
    {
        Power = Errors.ParameterCheck.Finite(MethodName, "p", p);
    }

    /// <summary>The order p (1 arithmetic, 0 geometric, -1 harmonic).</summary>
    public double Power { get; }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => MethodCall.Create(MethodName).With(Power);

    /// <summary>Reads the method text's arguments (the registry's entry for this method).</summary>
    internal static PowerMeanAggregator Read(MethodArguments arguments)
    {
        var p = arguments.Number(0, "p");
        arguments.EnsureAllRead();
        return new PowerMeanAggregator(p);
    }

    /// <inheritdoc/>
    private protected override void Sealed()
    {
    }
}
