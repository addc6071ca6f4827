using System.Globalization;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>
/// A normalisation method with its parameters: an immutable value that belongs to a methodology and round-trips
/// through JSON. Create with the named factories. Missing values (NaN) stay missing; every column statistic
/// (min, max, mean, sd, ranks) is computed over the non-missing values only. A negative-direction indicator is
/// multiplied by -1 first, except for <see cref="NormalisationMethod.Goalposts"/>, which handles direction itself.
/// </summary>
public sealed record Normaliser
{
    private Normaliser(NormalisationMethod method, double lower, double upper)
    {
        Method = method;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>Values unchanged (for data already on a common scale, such as published sub-indices). Direction still flips the sign.</summary>
    public static Normaliser Identity { get; } = new(NormalisationMethod.Identity, double.NaN, double.NaN);

    /// <summary>Rank among the non-missing values, ascending (best value gets n), ties share the smallest rank (COINr <c>n_rank</c>).</summary>
    public static Normaliser Rank { get; } = new(NormalisationMethod.Rank, double.NaN, double.NaN);

    /// <summary>Min-max: <c>(x - min) / (max - min) * (u - l) + l</c>.</summary>
    /// <param name="lower">l, the output minimum (default 0).</param>
    /// <param name="upper">u, the output maximum (default 100).</param>
    /// <param name="degenerate">What to do with a constant column (default: error).</param>
    /// <returns>The normaliser.</returns>
    public static Normaliser MinMax(double lower = 0, double upper = 100, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
    {
        Internal.Preconditions.Range(lower, upper);
        return new Normaliser(NormalisationMethod.MinMax, lower, upper) { Degenerate = degenerate };
    }

    /// <summary>Z-score: <c>(x - mean) / sd * s + m</c>, with the sample standard deviation (n - 1).</summary>
    /// <param name="mean">m, the output mean (default 0).</param>
    /// <param name="sd">s, the output standard deviation (default 1); positive.</param>
    /// <param name="degenerate">What to do when sd = 0 or fewer than two values (default: error).</param>
    /// <returns>The normaliser.</returns>
    public static Normaliser ZScore(double mean = 0, double sd = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
    {
        Internal.Preconditions.Finite(mean);
        Internal.Preconditions.Positive(sd);
        return new Normaliser(NormalisationMethod.ZScore, double.NaN, double.NaN) { Mean = mean, StandardDeviation = sd, Degenerate = degenerate };
    }

    /// <summary>Percentile rank: <c>(rank - 1) / (n - 1) * (u - l) + l</c>, rank as in <see cref="Rank"/>.</summary>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1).</param>
    /// <param name="degenerate">What to do with a single non-missing value (default: error).</param>
    /// <returns>The normaliser.</returns>
    public static Normaliser PercentileRank(double lower = 0, double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
    {
        Internal.Preconditions.Range(lower, upper);
        return new Normaliser(NormalisationMethod.PercentileRank, lower, upper) { Degenerate = degenerate };
    }

    /// <summary>Distance to the maximum: <c>1 - (max - x) / (max - min)</c>, mapped to [l, u] (COINr <c>n_dist2max</c> with a range).</summary>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1).</param>
    /// <param name="degenerate">What to do with a constant column (default: error).</param>
    /// <returns>The normaliser.</returns>
    public static Normaliser DistanceToMax(double lower = 0, double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
    {
        Internal.Preconditions.Range(lower, upper);
        return new Normaliser(NormalisationMethod.DistanceToMax, lower, upper) { Degenerate = degenerate };
    }

    /// <summary>Fraction of the maximum: <c>x / max * u</c> (COINr <c>n_fracmax</c> when u = 1).</summary>
    /// <param name="upper">u, the value the maximum maps to (default 1).</param>
    /// <param name="degenerate">What to do when max = 0 (default: error).</param>
    /// <returns>The normaliser.</returns>
    public static Normaliser FractionOfMax(double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
    {
        Internal.Preconditions.Positive(upper);
        return new Normaliser(NormalisationMethod.FractionOfMax, 0, upper) { Degenerate = degenerate };
    }

    /// <summary>
    /// Goalposts: <c>t = (x - L) / (U - L)</c> (negative direction: <c>(U - x) / (U - L)</c>), truncated to [0, 1],
    /// then <c>t * (u - l) + l</c>. L and U are the indicator's <see cref="Definitions.IndicatorDefinition.Goalposts"/>;
    /// an indicator without goalposts is a validation error.
    /// </summary>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1; COINr's <c>scale</c>).</param>
    /// <returns>The normaliser.</returns>
    public static Normaliser Goalposts(double lower = 0, double upper = 1)
    {
        Internal.Preconditions.Range(lower, upper);
        return new Normaliser(NormalisationMethod.Goalposts, lower, upper);
    }

    /// <summary>
    /// Reference value (capped ratio): <c>min(x / ref, 1) * (u - l) + l</c>, ref the indicator's
    /// <see cref="Definitions.IndicatorDefinition.ReferenceValue"/> (ITU IDI 2017). Needs a positive-direction indicator
    /// with a reference value; anything else is a validation error.
    /// </summary>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1).</param>
    /// <returns>The normaliser.</returns>
    public static Normaliser ReferenceValue(double lower = 0, double upper = 1)
    {
        Internal.Preconditions.Range(lower, upper);
        return new Normaliser(NormalisationMethod.ReferenceValue, lower, upper);
    }

    /// <summary>
    /// Log goalposts (capped log ratio): <c>t = min(log10(x) / log10(ref), 1)</c>, then <c>t * (u - l) + l</c>, ref the
    /// indicator's <see cref="Definitions.IndicatorDefinition.ReferenceValue"/> (ITU IDI 2017 normalises international
    /// bandwidth per Internet user this way, with ref = 2,158,212 bit/s, so log10(ref) = 6.33). Only the upper end is
    /// capped, as in the ITU formula: a value in (0, 1) gives t below 0. Needs a positive-direction indicator with a
    /// reference value above 1. Missing values (NaN) stay missing; a value at or below zero has no logarithm and is an
    /// error naming the indicator and the row.
    /// </summary>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1).</param>
    /// <returns>The normaliser.</returns>
    public static Normaliser LogReference(double lower = 0, double upper = 1)
    {
        Internal.Preconditions.Range(lower, upper);
        return new Normaliser(NormalisationMethod.LogReference, lower, upper);
    }

    /// <summary>
    /// Borda score: <c>rank - 1</c>, rank as in <see cref="Rank"/> (ascending, the best value gets n - 1, ties share the
    /// smallest; COINr <c>n_borda</c>). Missing values stay missing and are not counted.
    /// </summary>
    public static Normaliser Borda { get; } = new(NormalisationMethod.Borda, double.NaN, double.NaN);

    /// <summary>
    /// Distance to a reference unit: <c>t = 1 - (x_ref - x) / (x_ref - min)</c>, optionally capped at 1, then
    /// <c>t * (u - l) + l</c> (COINr <c>n_dist2ref</c> when [l, u] = [0, 1]). x_ref is the value of the unit with code
    /// <paramref name="unitCode"/> on the same indicator; min is over the non-missing values. The reference unit scores
    /// 1 (u), the minimum 0 (l); a unit above the reference scores above 1 unless capped. A negative-direction indicator
    /// is multiplied by -1 first. An unknown unit code is a validation error of the dataset; a missing reference value is
    /// an error naming unit and indicator; x_ref = min is a column without spread (see <paramref name="degenerate"/>).
    /// Missing values stay missing.
    /// </summary>
    /// <param name="unitCode">The reference unit's code.</param>
    /// <param name="cap">Whether to cap t at 1 (default: no cap).</param>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1).</param>
    /// <param name="degenerate">What to do when the reference value is the minimum (default: error).</param>
    /// <returns>The normaliser.</returns>
    public static Normaliser DistanceToReference(string unitCode, CapPolicy cap = CapPolicy.None, double lower = 0, double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
    {
        Internal.Preconditions.NotBlank(unitCode);
        Internal.Preconditions.Range(lower, upper);
        return new Normaliser(NormalisationMethod.DistanceToReference, lower, upper) { ReferenceUnit = unitCode, Cap = cap, Degenerate = degenerate };
    }

    /// <summary>
    /// Distance to target: <c>t = (x - min) / (target - min)</c>; for a negative-direction indicator
    /// <c>t = (max - x) / (max - target)</c>; optionally capped at 1, no lower cap; then <c>t * (u - l) + l</c>
    /// (COINr <c>n_dist2targ</c> when [l, u] = [0, 1]). The target is the indicator's
    /// <see cref="Definitions.IndicatorDefinition.Target"/> (none is a validation error); min and max are over the non-missing
    /// values. Direction is handled here, not by the -1 flip. A target equal to min (max for a negative indicator) is a
    /// column without spread (see <paramref name="degenerate"/>); a target on the wrong side of it (below min, above max
    /// for a negative indicator) is an error naming the indicator. Missing values stay missing.
    /// </summary>
    /// <param name="cap">Whether to cap t at 1 (default: no cap).</param>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1).</param>
    /// <param name="degenerate">What to do when the target equals the worst value (default: error).</param>
    /// <returns>The normaliser.</returns>
    public static Normaliser DistanceToTarget(CapPolicy cap = CapPolicy.None, double lower = 0, double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
    {
        Internal.Preconditions.Range(lower, upper);
        return new Normaliser(NormalisationMethod.DistanceToTarget, lower, upper) { Cap = cap, Degenerate = degenerate };
    }

    /// <summary>
    /// Categorical scale (OECD/JRC Handbook): the category c is the number of the percentiles P15, P25, P65, P85, P95 of
    /// the column at or below x (so c is 0 below P15, 1 in [P15, P25), ..., 5 at or above P95: a value equal to a band
    /// edge goes to the upper band, as R's <c>findInterval</c>), then <c>c / 5 * (u - l) + l</c>, which is 0, 20, 40, 60,
    /// 80, 100 with the default range. Percentiles are R's <c>quantile(type = 7)</c> (R's and COINr's default) over the
    /// non-missing values: with the sorted values v_1..v_n, h = 1 + (n - 1) p, P = v_floor(h) + (h - floor(h)) (v_ceil(h) - v_floor(h)).
    /// A negative-direction indicator is multiplied by -1 first. Missing values stay missing; a column whose values are
    /// all equal has no bands (see <paramref name="degenerate"/>).
    /// </summary>
    /// <param name="lower">l, the value of category 0 (default 0).</param>
    /// <param name="upper">u, the value of category 5 (default 100).</param>
    /// <param name="degenerate">What to do with a constant column (default: error).</param>
    /// <returns>The normaliser.</returns>
    public static Normaliser Categorical(double lower = 0, double upper = 100, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
    {
        Internal.Preconditions.Range(lower, upper);
        return new Normaliser(NormalisationMethod.Categorical, lower, upper) { Degenerate = degenerate };
    }

    /// <summary>The method.</summary>
    public NormalisationMethod Method { get; init; }

    /// <summary>l, the lower end of the output range (NaN for methods without a range: identity, rank, z-score).</summary>
    public double Lower { get; init; }

    /// <summary>u, the upper end of the output range (NaN for methods without a range).</summary>
    public double Upper { get; init; }

    /// <summary>m, the output mean of a z-score (NaN for other methods).</summary>
    public double Mean { get; init; } = double.NaN;

    /// <summary>s, the output standard deviation of a z-score (NaN for other methods).</summary>
    public double StandardDeviation { get; init; } = double.NaN;

    /// <summary>The reference unit's code for <see cref="NormalisationMethod.DistanceToReference"/> (null for other methods).</summary>
    public string? ReferenceUnit { get; init; }

    /// <summary>The cap of a distance normaliser (<see cref="CapPolicy.None"/> for other methods).</summary>
    public CapPolicy Cap { get; init; } = CapPolicy.None;

    /// <summary>What to do with a column that has no spread.</summary>
    public DegenerateColumnPolicy Degenerate { get; init; } = DegenerateColumnPolicy.Error;

    /// <summary>True when the method maps onto the range [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
    public bool HasRange => Method is NormalisationMethod.MinMax or NormalisationMethod.PercentileRank or NormalisationMethod.DistanceToMax
        or NormalisationMethod.FractionOfMax or NormalisationMethod.Goalposts or NormalisationMethod.ReferenceValue
        or NormalisationMethod.LogReference or NormalisationMethod.DistanceToReference or NormalisationMethod.DistanceToTarget
        or NormalisationMethod.Categorical;

    /// <summary>Returns a copy with the output range [l, u] (only for methods with a range).</summary>
    /// <param name="lower">l.</param>
    /// <param name="upper">u, strictly above l.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="InvalidOperationException">When the method has no output range.</exception>
    public Normaliser WithRange(double lower, double upper)
    {
        Internal.Preconditions.Range(lower, upper);
        if (Method == NormalisationMethod.ZScore)
        {
            throw new InvalidOperationException("A z-score has a mean and standard deviation, not a range: use Normaliser.ZScore(mean, sd).");
        }

        if (!HasRange)
        {
            throw new InvalidOperationException("The " + Method + " normaliser has no output range.");
        }

        if (Method == NormalisationMethod.FractionOfMax && lower != 0)
        {
            throw new InvalidOperationException("Fraction of max maps 0 to 0: only the upper end can be set.");
        }

        return this with { Lower = lower, Upper = upper };
    }

    /// <summary>
    /// Normalises one column of values (for notebooks and tests; the compiled pipeline uses the same formulas).
    /// NaN stays NaN; statistics are computed over the non-missing values. The indicator supplies the direction
    /// and, where the method needs them, the goalposts or reference value; null means a positive indicator
    /// named <c>x</c> without references.
    /// </summary>
    /// <param name="values">The raw values.</param>
    /// <param name="indicator">The indicator, or null.</param>
    /// <returns>The normalised values, in the same order.</returns>
    /// <exception cref="Errors.CalculationException">For a column without spread under <see cref="DegenerateColumnPolicy.Error"/>, a negative value under fraction of max, or a value at or below zero (or a reference value at or below 1) under log reference.</exception>
    /// <exception cref="InvalidOperationException">When the method needs goalposts, a reference value or a target the indicator lacks, or is a distance to a reference unit (use the overload with unit codes).</exception>
    public double[] Apply(IReadOnlyList<double> values, Definitions.IndicatorDefinition? indicator = null)
    {
        if (Method == NormalisationMethod.DistanceToReference)
        {
            throw new InvalidOperationException("Distance to a reference unit needs the unit codes: use Apply(values, indicator, unitCodes).");
        }

        return Apply(values, indicator, null);
    }

    /// <summary>
    /// Normalises one column of values whose units are named, as <see cref="Apply(IReadOnlyList{double}, Definitions.IndicatorDefinition?)"/>;
    /// needed by <see cref="NormalisationMethod.DistanceToReference"/>, which finds its reference unit among
    /// <paramref name="unitCodes"/>.
    /// </summary>
    /// <param name="values">The raw values.</param>
    /// <param name="indicator">The indicator, or null.</param>
    /// <param name="unitCodes">The units' codes, parallel to <paramref name="values"/> (null when no method needs them).</param>
    /// <returns>The normalised values, in the same order.</returns>
    /// <exception cref="Errors.CalculationException">As the other overload; also when the reference unit's value is missing.</exception>
    /// <exception cref="ArgumentException">When the reference unit is not among <paramref name="unitCodes"/>, or the lengths differ.</exception>
    /// <exception cref="InvalidOperationException">When the method needs goalposts, a reference value or a target the indicator lacks.</exception>
    public double[] Apply(IReadOnlyList<double> values, Definitions.IndicatorDefinition? indicator, IReadOnlyList<string>? unitCodes)
    {
        ArgumentNullException.ThrowIfNull(values);
        var row = -1;
        if (Method == NormalisationMethod.DistanceToReference)
        {
            ArgumentNullException.ThrowIfNull(unitCodes);
            Internal.Preconditions.SameLength(values.Count, unitCodes.Count, nameof(unitCodes));
            for (var i = 0; i < unitCodes.Count && row < 0; i++)
            {
                row = string.Equals(unitCodes[i], ReferenceUnit, StringComparison.Ordinal) ? i : -1;
            }

            if (row < 0)
            {
                throw new ArgumentException($"The reference unit '{ReferenceUnit}' is not among the unit codes.", nameof(unitCodes));
            }
        }

        var def = indicator ?? Definitions.IndicatorDefinition.Create("x", "x", Definitions.IndicatorKind.Real);
        if (Method == NormalisationMethod.Goalposts && def.Goalposts is null)
        {
            throw new InvalidOperationException($"Indicator '{def.Code}' has no goalposts.");
        }

        if (Method is NormalisationMethod.ReferenceValue or NormalisationMethod.LogReference && (def.ReferenceValue is null || def.Direction == Definitions.Direction.Negative))
        {
            throw new InvalidOperationException($"Indicator '{def.Code}' needs a reference value and a positive direction.");
        }

        if (Method == NormalisationMethod.DistanceToTarget && def.Target is null)
        {
            throw new InvalidOperationException($"Indicator '{def.Code}' has no target.");
        }

        var x = values.ToArray();
        var y = new double[x.Length];
        NormaliserKernel.Apply(new NormaliserPlan(this, def, row), x, y, new double[x.Length], new int[x.Length], unitCodes);
        return y;
    }

    /// <summary>A short invariant description, for example <c>minmax[0,100]</c>, <c>zscore(m=0,s=1)</c>, <c>rank</c>, <c>dist-to-ref(HN,cap)[0,1]</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Method switch
    {
        NormalisationMethod.Identity => "identity",
        NormalisationMethod.Rank => "rank",
        NormalisationMethod.ZScore => "zscore(m=" + F(Mean) + ",s=" + F(StandardDeviation) + ")",
        NormalisationMethod.MinMax => "minmax[" + F(Lower) + "," + F(Upper) + "]",
        NormalisationMethod.PercentileRank => "percentile-rank[" + F(Lower) + "," + F(Upper) + "]",
        NormalisationMethod.DistanceToMax => "dist-to-max[" + F(Lower) + "," + F(Upper) + "]",
        NormalisationMethod.FractionOfMax => "fraction-of-max[" + F(Lower) + "," + F(Upper) + "]",
        NormalisationMethod.Goalposts => "goalposts[" + F(Lower) + "," + F(Upper) + "]",
        NormalisationMethod.ReferenceValue => "reference-value[" + F(Lower) + "," + F(Upper) + "]",
        NormalisationMethod.LogReference => "log-reference[" + F(Lower) + "," + F(Upper) + "]",
        NormalisationMethod.Borda => "borda",
        NormalisationMethod.DistanceToReference => "dist-to-ref(" + ReferenceUnit + (Cap == CapPolicy.AtOne ? ",cap" : string.Empty) + ")[" + F(Lower) + "," + F(Upper) + "]",
        NormalisationMethod.DistanceToTarget => "dist-to-target" + (Cap == CapPolicy.AtOne ? "(cap)" : string.Empty) + "[" + F(Lower) + "," + F(Upper) + "]",
        NormalisationMethod.Categorical => "categorical[" + F(Lower) + "," + F(Upper) + "]",
        _ => Method.ToString(),
    };

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
