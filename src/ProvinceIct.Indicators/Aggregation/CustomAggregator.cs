using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>
/// The base of a user-defined aggregator: derive from it in one record, give the method text in the constructor and
/// write the formula in <see cref="Aggregate(ReadOnlySpan{double}, ReadOnlySpan{double})"/>; register a factory by name
/// (<c>Methods.MethodRegistry.WithAggregator</c>, or an <c>IMethodPlugin</c>) to read it from JSON, the CLI and
/// uncertainty choices.
/// <para>
/// Contract of the formula: it aggregates one unit at a time. It receives the unit's present children with a positive
/// weight (after the children's direction signs), never NaN and never empty, and their weights, relative (scaled so
/// that the largest is 1; divide by their sum for shares). Missing children are dropped with their weight before the
/// call; a unit with no such child, or below the node's availability threshold, is missing without a call. A
/// non-finite result is an error naming node and unit. The kernel runs on the hot path: it should not allocate.
/// </para>
/// </summary>
public abstract record CustomAggregator : Aggregator
{
    private readonly MethodCall _call;

    /// <summary>Creates the aggregator with its method text (name and parameters), which <see cref="ToMethodCall"/> returns.</summary>
    /// <param name="call">The method text, for example <c>MethodCall.Create("unweighted-sum")</c>.</param>
    protected CustomAggregator(MethodCall call)
        : base(AggregationMethod.Custom)
    {
        ArgumentNullException.ThrowIfNull(call);
        _call = call;
    }

    /// <inheritdoc/>
    public sealed override string Name => _call.Name;

    /// <inheritdoc/>
    public sealed override MethodCall ToMethodCall() => _call;

    /// <summary>The formula: aggregates one unit's children (see the class's contract).</summary>
    /// <param name="values">The present children's values.</param>
    /// <param name="weights">Their weights, relative, parallel to <paramref name="values"/>.</param>
    /// <returns>The unit's aggregate score.</returns>
    public abstract double Aggregate(ReadOnlySpan<double> values, ReadOnlySpan<double> weights);

    /// <inheritdoc/>
    internal sealed override bool IsPerUnit => true;

    /// <inheritdoc/>
    internal sealed override double AggregateUnit(Span<double> values, ReadOnlySpan<double> weights, int exponent) =>
        Aggregate(values, weights);

    /// <inheritdoc/>
    private protected sealed override void Sealed()
    {
    }
}
