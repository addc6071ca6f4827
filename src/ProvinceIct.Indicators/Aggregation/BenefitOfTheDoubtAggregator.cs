using ProvinceIct.Indicators.MethodText;

using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>Benefit of the doubt: each unit's score under the weights most favourable to it (node-level). Method text: <c>bod</c>, or with weight bounds <c>bod(LOWER,UPPER)</c>. Created by <see cref="Aggregator"/>'s factory of the same name.</summary>
public sealed record BenefitOfTheDoubtAggregator : Aggregator
{
    /// <summary>Creates the aggregator, validating every parameter.</summary>
    /// <param name="lowerBound">The lower bound on every weight; finite, at or above 0.</param>
    /// <param name="upperBound">The upper bound; above 0 and at or above the lower bound, +infinity for none.</param>
    /// <exception cref="Errors.ValidationException">When a parameter is out of range (<see cref="Errors.ProblemCode.InvalidParameter"/>, naming the method, the parameter, what was expected and what was found).</exception>
    public BenefitOfTheDoubtAggregator(double lowerBound = 0, double upperBound = double.PositiveInfinity)
        : base(AggregationMethod.BenefitOfTheDoubt)
    {
        LowerBound = lowerBound;
        UpperBound = upperBound;
        Errors.ParameterCheck.NonNegative(Name, "lower", lowerBound);
        if (double.IsNaN(upperBound) || !(upperBound > 0) || upperBound < lowerBound)
        {
            throw Errors.ValidationException.InvalidParameter(Name, "upper", new ProblemText("Param_BodUpper", Errors.ParameterCheck.Text(lowerBound)), ProblemText.Verbatim(Errors.ParameterCheck.Text(upperBound)));
        }
    }

    /// <summary>The lower bound on every weight (finite, at or above 0).</summary>
    public double LowerBound { get; }

    /// <summary>The upper bound on every weight, +infinity for none.</summary>
    public double UpperBound { get; }

    /// <inheritdoc/>
    public override string Name => "bod";

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => LowerBound == 0 && double.IsPositiveInfinity(UpperBound) ? MethodCall.Create(Name) : MethodCall.Create(Name).With(LowerBound).With(UpperBound);

    /// <summary>Reads the method text's arguments (the registry's entry for this method).</summary>
    internal static BenefitOfTheDoubtAggregator Read(MethodArguments arguments)
    {
        var lower = arguments.Number(0, "lower", 0);
        var upper = arguments.Number(1, "upper", double.PositiveInfinity);
        arguments.EnsureAllRead();
        return new BenefitOfTheDoubtAggregator(lower, upper);
    }

    /// <inheritdoc/>
    private protected override void Sealed()
    {
    }
}
