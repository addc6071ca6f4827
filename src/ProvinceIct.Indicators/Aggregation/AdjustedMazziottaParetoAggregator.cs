using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>Adjusted Mazziotta-Pareto index on children rescaled to [70, 130] around goalposts (node-level). Method text: <c>ampi-</c>, <c>ampi+</c>, or with a reference <c>ampi-(100)</c>. Created by <see cref="Aggregator"/>'s factory of the same name.</summary>
public sealed record AdjustedMazziottaParetoAggregator : Aggregator
{
    /// <summary>Creates the aggregator, validating every parameter.</summary>
    /// <param name="penalty">The penalty direction (default: AMPI-).</param>
    /// <param name="reference">The reference value that maps to 100, or NaN for each child's midpoint.</param>
    /// <exception cref="Errors.ValidationException">When a parameter is out of range (<see cref="Errors.ProblemCode.InvalidParameter"/>, naming the method, the parameter, what was expected and what was found).</exception>
    public AdjustedMazziottaParetoAggregator(MpiPenalty penalty = MpiPenalty.Negative, double reference = double.NaN)
        : base(AggregationMethod.AdjustedMazziottaPareto)
    {
        Penalty = penalty;
        Reference = double.IsNaN(reference) ? reference : Errors.ParameterCheck.Finite(Name, "reference", reference);
    }

    /// <summary>The penalty direction (AMPI- or AMPI+).</summary>
    public MpiPenalty Penalty { get; }

    /// <summary>The reference value that maps to 100, NaN for each child's midpoint.</summary>
    public double Reference { get; }

    /// <inheritdoc/>
    public override string Name => Penalty == MpiPenalty.Negative ? "ampi-" : "ampi+";

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => double.IsNaN(Reference) ? MethodCall.Create(Name) : MethodCall.Create(Name).With(Reference);

    /// <summary>Reads the method text's arguments (the registry's entry for this method).</summary>
    internal static AdjustedMazziottaParetoAggregator Read(MethodArguments arguments)
    {
        var reference = arguments.Text(-1, "ref", null) is null ? arguments.Number(0, "reference", double.NaN) : arguments.Number(0, "ref", double.NaN);
        arguments.EnsureAllRead();
        return new AdjustedMazziottaParetoAggregator(arguments.Call.Name == "ampi+" ? MpiPenalty.Positive : MpiPenalty.Negative, reference);
    }

    /// <inheritdoc/>
    internal override bool IsPerUnit => true;

    /// <summary>The index of one unit's rescaled values (the rescaling over the units is done by the kernel, shared with its sibling).</summary>
    internal override double AggregateUnit(Span<double> values, ReadOnlySpan<double> weights, int exponent) =>
        AggregatorKernel.MpiOf(values, weights, Penalty);

    /// <inheritdoc/>
    private protected override void Sealed()
    {
    }
}
