using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>Mazziotta-Pareto index on standardised children (node-level). Method text: <c>mpi-</c> or <c>mpi+</c>. Created by <see cref="Aggregator"/>'s factory of the same name.</summary>
public sealed record MazziottaParetoAggregator : Aggregator
{
    /// <summary>Creates the aggregator, validating every parameter.</summary>
    /// <param name="penalty">The penalty direction (default: MPI-).</param>
    public MazziottaParetoAggregator(MpiPenalty penalty = MpiPenalty.Negative)
        : base(AggregationMethod.MazziottaPareto)
    {
        Penalty = penalty;
    }

    /// <summary>The penalty direction (MPI- or MPI+).</summary>
    public MpiPenalty Penalty { get; }

    /// <inheritdoc/>
    public override string Name => Penalty == MpiPenalty.Negative ? "mpi-" : "mpi+";

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => MethodCall.Create(Name);

    /// <summary>Reads the method text's arguments (the registry's entry for this method).</summary>
    internal static MazziottaParetoAggregator Read(MethodArguments arguments)
    {
        arguments.EnsureAllRead();
        return new MazziottaParetoAggregator(arguments.Call.Name == "mpi+" ? MpiPenalty.Positive : MpiPenalty.Negative);
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
