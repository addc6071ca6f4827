using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Geography;

/// <summary>
/// How one column is carried from the 63 units of <see cref="ProvinceGeography.Provinces2016"/> to the 34 units of
/// <see cref="ProvinceGeography.Provinces2025"/>: a method (<see cref="Sum"/>, <see cref="WeightedMean"/>,
/// <see cref="Mean"/>, <see cref="Maximum"/>, <see cref="Minimum"/>, <see cref="Drop"/>) and a
/// <see cref="RemapMissingPolicy"/> (default <see cref="RemapMissingPolicy.Propagate"/>). An immutable value.
/// </summary>
/// <remarks>
/// A 2025 unit formed from exactly one 2016 unit (kept or renamed, same territory) takes that unit's value unchanged
/// under every rule, missing or not; a weighted mean then reads no weight (<c>w x / w = x</c>). The rules below apply
/// to units formed from two or three predecessors.
/// </remarks>
public sealed record RemapRule
{
    private RemapRule(RemapMethod method, string? weightColumn, RemapMissingPolicy missingPolicy)
    {
        Method = method;
        WeightColumn = weightColumn;
        MissingPolicy = missingPolicy;
    }

    /// <summary>Sum of the predecessors' values, <c>sum(x)</c>: for counts and money (the union holds all of them).</summary>
    public static RemapRule Sum { get; } = new(RemapMethod.Sum, null, RemapMissingPolicy.Propagate);

    /// <summary>
    /// Plain mean of the predecessors' values, <c>sum(x) / n</c>: the DTI 2024 rule for the published main indices of
    /// merged provinces, and a fallback for scores with no denominator. Every predecessor counts equally whatever its size.
    /// </summary>
    public static RemapRule Mean { get; } = new(RemapMethod.Mean, null, RemapMissingPolicy.Propagate);

    /// <summary>
    /// Largest predecessor value, <c>max(x)</c>. For a yes/no indicator it answers "did any part of the new unit have
    /// it"; for a service level, "the best level offered anywhere in it". Never a default: the question must be chosen.
    /// </summary>
    public static RemapRule Maximum { get; } = new(RemapMethod.Maximum, null, RemapMissingPolicy.Propagate);

    /// <summary>
    /// Smallest predecessor value, <c>min(x)</c>. For a yes/no indicator it answers "did every part of the new unit have
    /// it"; for a service level, "the level offered everywhere in it". Never a default: the question must be chosen.
    /// </summary>
    public static RemapRule Minimum { get; } = new(RemapMethod.Minimum, null, RemapMissingPolicy.Propagate);

    /// <summary>
    /// Leave the column out of the remapped dataset, on purpose: for values that have no meaning for a union (ranks,
    /// densities you would rather recompute, identifiers). A column still serves as a weight when dropped.
    /// </summary>
    public static RemapRule Drop { get; } = new(RemapMethod.Drop, null, RemapMissingPolicy.Propagate);

    /// <summary>
    /// Mean weighted by a denominator column of the same dataset, <c>sum(w x) / sum(w)</c>: for rates, shares and
    /// percents. With the indicator's own denominator as the weight (population for a rate per 10,000 people,
    /// households for a share of households) it is exactly the ratio of the summed numerators to the summed
    /// denominators. The weights are the 2016 units' values of <paramref name="weightColumn"/>; they must be zero or
    /// more, and a merged unit whose weights sum to zero is an error naming it.
    /// </summary>
    /// <param name="weightColumn">The code of the weight column, for example <c>population_avg_thousand</c>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException">When <paramref name="weightColumn"/> is null, empty or white space.</exception>
    public static RemapRule WeightedMean(string weightColumn)
    {
        Internal.Preconditions.NotBlank(weightColumn);
        return new RemapRule(RemapMethod.WeightedMean, weightColumn, RemapMissingPolicy.Propagate);
    }

    /// <summary>The method.</summary>
    public RemapMethod Method { get; }

    /// <summary>For <see cref="RemapMethod.WeightedMean"/>, the code of the weight column; otherwise null.</summary>
    public string? WeightColumn { get; }

    /// <summary>What to do when a predecessor has no value (or weight); <see cref="RemapMissingPolicy.Propagate"/> unless changed.</summary>
    public RemapMissingPolicy MissingPolicy { get; }

    /// <summary>Returns a copy with another missing-value policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="policy"/> is not a defined value.</exception>
    public RemapRule WithMissingPolicy(RemapMissingPolicy policy)
    {
        if (policy is not (RemapMissingPolicy.Propagate or RemapMissingPolicy.UseAvailable))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "The policy must be Propagate or UseAvailable.");
        }

        return policy == MissingPolicy ? this : new RemapRule(Method, WeightColumn, policy);
    }

    /// <summary>
    /// Combines the values of the predecessors of one 2025 unit (for notebooks and tests; <see cref="BoundaryRemapper"/>
    /// uses the same formula). Missing values are NaN and follow <see cref="MissingPolicy"/>; one value is returned
    /// unchanged (weight not read); no value gives NaN.
    /// </summary>
    /// <param name="values">The predecessors' values; NaN for missing.</param>
    /// <param name="weights">For <see cref="RemapMethod.WeightedMean"/>, one weight per value (zero or more; NaN for
    /// missing); ignored by the other methods and may be null for them.</param>
    /// <returns>The 2025 unit's value, or NaN when it is missing.</returns>
    /// <exception cref="ArgumentException">When a weighted mean gets no weights, or weights of another length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a weight is negative or infinite.</exception>
    /// <exception cref="InvalidOperationException">When the rule is <see cref="Drop"/>, which produces no value.</exception>
    /// <exception cref="CalculationException">With <see cref="ProblemCode.ZeroWeightSum"/> when the weights of the values combined sum to zero.</exception>
    public double Apply(IReadOnlyList<double> values, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (Method == RemapMethod.Drop)
        {
            throw new InvalidOperationException("The Drop rule produces no value.");
        }

        var x = values.ToArray();
        var w = new double[x.Length];
        if (Method == RemapMethod.WeightedMean)
        {
            if (weights is null)
            {
                throw new ArgumentException("A weighted mean needs one weight per value.", nameof(weights));
            }

            Internal.Preconditions.SameLength(x.Length, weights.Count, nameof(weights));
            for (var i = 0; i < w.Length; i++)
            {
                w[i] = weights[i];
                if (!double.IsNaN(w[i]))
                {
                    Internal.Preconditions.NonNegative(w[i], nameof(weights));
                }
            }
        }

        var result = Combine(x, w, out _, out var zeroWeightSum);
        return zeroWeightSum
            ? throw new CalculationException(ProblemCode.ZeroWeightSum, new ProblemText("Calc_RemapZeroSum", ToString()), ToString())
            : result;
    }

    /// <summary>
    /// The kernel: combines <paramref name="x"/> (NaN = missing, also for an absent predecessor) with weights
    /// <paramref name="w"/> (read only by a weighted mean of two or more values).
    /// </summary>
    internal double Combine(ReadOnlySpan<double> x, ReadOnlySpan<double> w, out RemapOutcome outcome, out bool zeroWeightSum)
    {
        zeroWeightSum = false;
        if (x.Length == 0)
        {
            outcome = RemapOutcome.Missing;
            return double.NaN;
        }

        if (x.Length == 1)
        {
            outcome = double.IsNaN(x[0]) ? RemapOutcome.Missing : RemapOutcome.Complete;
            return x[0];
        }

        var weighted = Method == RemapMethod.WeightedMean;
        int used = 0, missing = 0;
        double sum = 0, sumW = 0, max = double.NegativeInfinity, min = double.PositiveInfinity;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || (weighted && double.IsNaN(w[i])))
            {
                missing++;
                continue;
            }

            used++;
            if (weighted)
            {
                sum += w[i] * x[i];
                sumW += w[i];
            }
            else
            {
                sum += x[i];
            }

            max = Math.Max(max, x[i]);
            min = Math.Min(min, x[i]);
        }

        if (used == 0 || (missing > 0 && MissingPolicy == RemapMissingPolicy.Propagate))
        {
            outcome = RemapOutcome.Missing;
            return double.NaN;
        }

        if (weighted && sumW == 0)
        {
            zeroWeightSum = true;
            outcome = RemapOutcome.Missing;
            return double.NaN;
        }

        outcome = missing > 0 ? RemapOutcome.Partial : RemapOutcome.Complete;
        return Method switch
        {
            RemapMethod.Sum => sum,
            // A mean lies between the smallest and largest value; rounding can put it an ulp outside (100 and 100
            // weighted 0.3 and 0.7 gave 100.00000000000001, an invalid percent): clamp it back.
            RemapMethod.WeightedMean => Math.Clamp(sum / sumW, min, max),
            RemapMethod.Mean => Math.Clamp(sum / used, min, max),
            RemapMethod.Maximum => max,
            RemapMethod.Minimum => min,
            _ => throw new InvalidOperationException("The Drop rule produces no value."),
        };
    }

    /// <summary>
    /// A short invariant description: <c>sum</c>, <c>mean</c>, <c>maximum</c>, <c>minimum</c>, <c>drop</c>,
    /// <c>weighted-mean[population_avg_thousand]</c>, followed by <c>/use-available</c> under that policy.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var method = Method switch
        {
            RemapMethod.Sum => "sum",
            RemapMethod.WeightedMean => "weighted-mean[" + WeightColumn + "]",
            RemapMethod.Mean => "mean",
            RemapMethod.Maximum => "maximum",
            RemapMethod.Minimum => "minimum",
            RemapMethod.Drop => "drop",
            _ => Method.ToString(),
        };
        return MissingPolicy == RemapMissingPolicy.UseAvailable && Method != RemapMethod.Drop ? method + "/use-available" : method;
    }
}
