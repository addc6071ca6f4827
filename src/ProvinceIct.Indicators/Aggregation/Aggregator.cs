using System.Globalization;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>
/// An aggregation method with its parameters: an immutable value that belongs to a methodology (globally or on one
/// node) and round-trips through JSON. Weights are relative within the node. Missing children are dropped and the
/// remaining weights re-normalised (COINr's convention, also for the power mean); when no child with a positive
/// weight is present, the result is missing. Children with zero weight never influence the result.
/// </summary>
public sealed record Aggregator
{
    private Aggregator(AggregationMethod method, double power)
    {
        Method = method;
        Power = power;
    }

    /// <summary>Weighted arithmetic mean: <c>sum(w x) / sum(w)</c> over present children.</summary>
    public static Aggregator ArithmeticMean { get; } = new(AggregationMethod.ArithmeticMean, 1);

    /// <summary>Weighted geometric mean: <c>exp(sum(w log x) / sum(w))</c>; a present child at or below zero is an error naming unit and child.</summary>
    public static Aggregator GeometricMean { get; } = new(AggregationMethod.GeometricMean, 0);

    /// <summary>Weighted harmonic mean: <c>sum(w) / sum(w / x)</c>; a present child at or below zero is an error naming unit and child.</summary>
    public static Aggregator HarmonicMean { get; } = new(AggregationMethod.HarmonicMean, -1);

    /// <summary>Minimum of the present children with a positive weight (weights otherwise ignored).</summary>
    public static Aggregator Minimum { get; } = new(AggregationMethod.Minimum, double.NegativeInfinity);

    /// <summary>
    /// Weighted power (generalised) mean of order p: <c>(sum(w x^p) / sum(w))^(1/p)</c>. p = 1 is the arithmetic mean,
    /// p = 0 the geometric mean (its limit), p = -1 the harmonic mean. For p &lt;= 0 every present child must be above
    /// zero; for other non-integer p, at or above zero; otherwise an error names unit and child.
    /// </summary>
    /// <param name="p">The order; finite.</param>
    /// <returns>The aggregator.</returns>
    public static Aggregator PowerMean(double p)
    {
        Internal.Preconditions.Finite(p);
        return new Aggregator(AggregationMethod.PowerMean, p);
    }

    /// <summary>The method.</summary>
    public AggregationMethod Method { get; init; }

    /// <summary>The order p of the power mean (1 arithmetic, 0 geometric, -1 harmonic; -infinity for the minimum).</summary>
    public double Power { get; init; }

    /// <summary>
    /// Aggregates one unit's children (for notebooks and tests; the compiled pipeline uses the same formula).
    /// Missing children (NaN) are dropped with their weight; the result is NaN when no child with a positive weight
    /// is present.
    /// </summary>
    /// <param name="values">The children's scores.</param>
    /// <param name="weights">The children's weights (relative; finite, non-negative).</param>
    /// <returns>The aggregate score.</returns>
    /// <exception cref="Errors.CalculationException">When a geometric, harmonic or power mean meets a value it cannot take; names the child by position (<c>child 1</c>, ...).</exception>
    public double Aggregate(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        Internal.Preconditions.SameLength(values.Count, weights.Count, nameof(weights));
        foreach (var w in weights)
        {
            Internal.Preconditions.NonNegative(w, nameof(weights));
        }

        var k = values.Count;
        var output = new double[1];
        var children = Enumerable.Range(0, k).ToArray();
        var names = children.Select(i => "child " + (i + 1).ToString(CultureInfo.InvariantCulture)).ToArray();
        AggregatorKernel.Aggregate(Method, Power, 0, values.ToArray(), 1, children, weights.ToArray(), Enumerable.Repeat(1.0, k).ToArray(),
            output, new int[1], new double[1], new double[1], "aggregate", names, ["unit"]);
        return output[0];
    }

    /// <summary>A short invariant description: <c>arithmetic</c>, <c>geometric</c>, <c>harmonic</c>, <c>power:2</c>, <c>minimum</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Method switch
    {
        AggregationMethod.ArithmeticMean => "arithmetic",
        AggregationMethod.GeometricMean => "geometric",
        AggregationMethod.HarmonicMean => "harmonic",
        AggregationMethod.PowerMean => "power:" + Power.ToString("R", CultureInfo.InvariantCulture),
        AggregationMethod.Minimum => "minimum",
        _ => Method.ToString(),
    };
}
