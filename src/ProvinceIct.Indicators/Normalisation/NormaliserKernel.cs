using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Ranking;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>A normaliser resolved for one indicator: method, parameters and the indicator's references, as plain fields.</summary>
internal readonly struct NormaliserPlan
{
    public NormaliserPlan(Normaliser normaliser, IndicatorDefinition indicator, int referenceRow = -1)
    {
        ReferenceRow = referenceRow;
        ReferenceUnit = normaliser.ReferenceUnit;
        Cap = normaliser.Cap;
        Target = indicator.Target ?? double.NaN;
        Method = normaliser.Method;
        Lower = normaliser.Lower;
        Upper = normaliser.Upper;
        Mean = normaliser.Mean;
        Sd = normaliser.StandardDeviation;
        Degenerate = normaliser.Degenerate;
        Sign = indicator.Direction == Direction.Negative ? -1.0 : 1.0;
        GoalLower = indicator.Goalposts?.Lower ?? double.NaN;
        GoalUpper = indicator.Goalposts?.Upper ?? double.NaN;
        Reference = indicator.ReferenceValue ?? double.NaN;
        Code = indicator.Code;
    }

    public NormalisationMethod Method { get; }
    public double Lower { get; }
    public double Upper { get; }
    public double Mean { get; }
    public double Sd { get; }
    public DegenerateColumnPolicy Degenerate { get; }
    public double Sign { get; }
    public double GoalLower { get; }
    public double GoalUpper { get; }
    public double Reference { get; }
    public string Code { get; }
    public int ReferenceRow { get; }
    public string? ReferenceUnit { get; }
    public CapPolicy Cap { get; }
    public double Target { get; }
}

/// <summary>The normalisation formulas, column by column, allocation-free (scratch supplied by the caller).</summary>
internal static class NormaliserKernel
{
    /// <summary>
    /// Normalises one column. NaN stays NaN; statistics use the non-missing values only. A present value never gives a
    /// non-finite result: if the formula would, that is a <see cref="CalculationException"/> naming indicator and unit.
    /// </summary>
    /// <exception cref="CalculationException">For a degenerate column under the error policy, or a negative value for fraction of max.</exception>
    public static void Apply(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items, IReadOnlyList<string>? unitCodes = null)
    {
        ApplyFormula(plan, x, y, keys, items);
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(y[i]) && !double.IsNaN(x[i]))
            {
                var unit = unitCodes is null ? "at row " + (i + 1).ToString(CultureInfo.InvariantCulture) : "'" + unitCodes[i] + "'";
                throw new CalculationException(ProblemCode.NonFiniteValue,
                    $"Indicator '{plan.Code}' cannot be normalised by {plan.Method}: unit {unit} with value {F(x[i])} came out {F(y[i])}, which is not a finite number. Rescale the indicator or choose other bounds.",
                    plan.Code, unitCodes?[i], value: x[i]);
            }
        }
    }

    private static void ApplyFormula(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items)
    {
        var n = x.Length;
        var s = plan.Sign;
        switch (plan.Method)
        {
            case NormalisationMethod.Identity:
                for (var i = 0; i < n; i++)
                {
                    y[i] = s * x[i];
                }

                return;

            case NormalisationMethod.MinMax:
            case NormalisationMethod.DistanceToMax:
                {
                    MinMax(x, s, out var min, out var max, out var count);
                    if (count == 0)
                    {
                        y.Fill(double.NaN);
                        return;
                    }

                    var l = plan.Lower;
                    var u = plan.Upper;
                    if (!(max > min))
                    {
                        Degenerate(plan, x, y, (l / 2) + (u / 2), "max = min = " + F(min * s));
                        return;
                    }

                    var range = max - min;
                    var span = u - l;
                    if (!double.IsFinite(range) || !double.IsFinite(span))
                    {
                        // Values or bounds spanning more than double.MaxValue: the same formula with every difference
                        // taken in halves, (x/2 - min/2) / (max/2 - min/2), and the output as (1 - t) l + t u.
                        var halfRange = (max / 2) - (min / 2);
                        for (var i = 0; i < n; i++)
                        {
                            var v = s * x[i];
                            var t = plan.Method == NormalisationMethod.MinMax
                                ? ((v / 2) - (min / 2)) / halfRange
                                : 1 - (((max / 2) - (v / 2)) / halfRange);
                            y[i] = Between(t, l, u);
                        }

                        return;
                    }

                    if (plan.Method == NormalisationMethod.MinMax)
                    {
                        var i = 0;
                        if (Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count)
                        {
                            // Same operations in the same order as the scalar formula, four at a time; NaN stays NaN.
                            var vs = Vector256.Create(s);
                            var vmin = Vector256.Create(min);
                            var vrange = Vector256.Create(range);
                            var vspan = Vector256.Create(span);
                            var vl = Vector256.Create(l);
                            ref var x0 = ref MemoryMarshal.GetReference(x);
                            ref var y0 = ref MemoryMarshal.GetReference(y);
                            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
                            {
                                ((((vs * Vector256.LoadUnsafe(ref x0, (nuint)i)) - vmin) / vrange * vspan) + vl).StoreUnsafe(ref y0, (nuint)i);
                            }
                        }

                        for (; i < n; i++)
                        {
                            y[i] = ((((s * x[i]) - min) / range) * span) + l;
                        }
                    }
                    else
                    {
                        for (var i = 0; i < n; i++)
                        {
                            y[i] = ((1 - ((max - (s * x[i])) / range)) * span) + l;
                        }
                    }

                    return;
                }

            case NormalisationMethod.ZScore:
                {
                    MinMax(x, s, out var min, out var max, out var count);
                    if (count == 0)
                    {
                        y.Fill(double.NaN);
                        return;
                    }

                    var (mean, sd) = MeanAndSd(x, s, count, Math.Max(Math.Abs(min), Math.Abs(max)), correct: true);
                    if (!(sd > 0))
                    {
                        Degenerate(plan, x, y, plan.Mean, count > 1 ? "sd = 0" : "one value");
                        return;
                    }

                    for (var i = 0; i < n; i++)
                    {
                        var d = (s * x[i]) - mean;
                        var z = double.IsFinite(d) || double.IsNaN(d) ? d / sd : (((s * x[i]) / 2) - (mean / 2)) / (sd / 2);
                        y[i] = (z * plan.Sd) + plan.Mean;
                    }

                    return;
                }

            case NormalisationMethod.Rank:
            case NormalisationMethod.PercentileRank:
            case NormalisationMethod.Borda:
                {
                    for (var i = 0; i < n; i++)
                    {
                        y[i] = s * x[i];
                    }

                    // Ranks overwrite the flipped values in place: the kernel reads every value before it writes a rank.
                    var count = RankKernel.RankAscendingMin(y, y, keys, items);
                    if (plan.Method == NormalisationMethod.Rank)
                    {
                        return;
                    }

                    if (plan.Method == NormalisationMethod.Borda)
                    {
                        for (var i = 0; i < n; i++)
                        {
                            y[i] -= 1; // NaN stays NaN
                        }

                        return;
                    }

                    if (count == 0)
                    {
                        return;
                    }

                    var l = plan.Lower;
                    var u = plan.Upper;
                    if (count == 1)
                    {
                        Degenerate(plan, x, y, (l / 2) + (u / 2), "one value");
                        return;
                    }

                    var denom = count - 1.0;
                    for (var i = 0; i < n; i++)
                    {
                        y[i] = Out((y[i] - 1) / denom, l, u, u - l);
                    }

                    return;
                }

            case NormalisationMethod.FractionOfMax:
                {
                    MinMax(x, s, out var min, out var max, out var count);
                    if (count == 0)
                    {
                        y.Fill(double.NaN);
                        return;
                    }

                    if (min < 0)
                    {
                        var at = FirstIndex(x, s, min);
                        throw new CalculationException(ProblemCode.InvalidParameter,
                            $"Fraction of max needs values at or above zero; indicator '{plan.Code}' has {F(s * x[at])} at row {(at + 1).ToString(CultureInfo.InvariantCulture)}" +
                            (s < 0 ? " after the sign flip of its negative direction (use min-max or goalposts instead)." : "."),
                            plan.Code, value: x[at]);
                    }

                    if (!(max > 0))
                    {
                        Degenerate(plan, x, y, plan.Upper / 2, "max = 0");
                        return;
                    }

                    var u = plan.Upper;
                    for (var i = 0; i < n; i++)
                    {
                        y[i] = (s * x[i]) / max * u;
                    }

                    return;
                }

            case NormalisationMethod.Goalposts:
                {
                    var lo = plan.GoalLower;
                    var hi = plan.GoalUpper;
                    var width = hi - lo;
                    var l = plan.Lower;
                    var span = plan.Upper - l;
                    var wide = !double.IsFinite(width) || !double.IsFinite(span);
                    for (var i = 0; i < n; i++)
                    {
                        var v = x[i];
                        var t = wide
                            ? (s > 0 ? (v / 2) - (lo / 2) : (hi / 2) - (v / 2)) / ((hi / 2) - (lo / 2)) // halves: no overflow
                            : s > 0 ? (v - lo) / width : (hi - v) / width;
                        t = t < 0 ? 0 : t > 1 ? 1 : t; // NaN passes through both comparisons unchanged
                        y[i] = wide ? Between(t, l, plan.Upper) : (t * span) + l;
                    }

                    return;
                }

            case NormalisationMethod.ReferenceValue:
                {
                    var r = plan.Reference;
                    var l = plan.Lower;
                    var span = plan.Upper - l;
                    for (var i = 0; i < n; i++)
                    {
                        var t = x[i] / r;
                        t = t > 1 ? 1 : t;
                        y[i] = Out(t, l, plan.Upper, span);
                    }

                    return;
                }

            case NormalisationMethod.LogReference:
                {
                    var r = plan.Reference;
                    if (!(r > 1))
                    {
                        throw new CalculationException(ProblemCode.InvalidParameter,
                            $"Log-reference normalisation needs a reference value above 1 (log10(ref) > 0); indicator '{plan.Code}' has {(double.IsNaN(r) ? "none" : F(r))}.",
                            plan.Code, value: double.IsNaN(r) ? null : r);
                    }

                    var logRef = Math.Log10(r);
                    var l = plan.Lower;
                    var span = plan.Upper - l;
                    for (var i = 0; i < n; i++)
                    {
                        var v = s * x[i];
                        if (v <= 0)
                        {
                            throw new CalculationException(ProblemCode.NonPositiveValue,
                                $"Log-reference normalisation needs values above zero; indicator '{plan.Code}' has {F(v)} at row {(i + 1).ToString(CultureInfo.InvariantCulture)}" +
                                (s < 0 ? " after the sign flip of its negative direction." : "."),
                                plan.Code, value: x[i]);
                        }

                        var t = Math.Log10(v) / logRef; // NaN stays NaN: NaN <= 0 is false, and NaN > 1 is false
                        t = t > 1 ? 1 : t;
                        y[i] = Out(t, l, plan.Upper, span);
                    }

                    return;
                }

            case NormalisationMethod.DistanceToReference:
                DistanceToReference(plan, x, y);
                return;

            case NormalisationMethod.DistanceToTarget:
                DistanceToTarget(plan, x, y);
                return;

            case NormalisationMethod.Categorical:
                Categorical(plan, x, y, keys);
                return;

            default:
                throw new InvalidOperationException("Unknown normalisation method " + plan.Method + ".");
        }
    }

    private static void DistanceToReference(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y)
    {
        var n = x.Length;
        var s = plan.Sign;
        MinMax(x, s, out var min, out _, out var count);
        if (count == 0)
        {
            y.Fill(double.NaN);
            return;
        }

        var r = plan.ReferenceRow;
        if (r < 0 || r >= n)
        {
            throw new InvalidOperationException($"The reference unit '{plan.ReferenceUnit}' of indicator '{plan.Code}' has no row.");
        }

        var xr = s * x[r];
        if (double.IsNaN(xr))
        {
            throw new CalculationException(ProblemCode.MissingValue,
                $"Indicator '{plan.Code}' cannot be normalised by distance to reference unit '{plan.ReferenceUnit}': the unit's value is missing. Impute it, or choose another reference unit.",
                plan.Code, plan.ReferenceUnit);
        }

        var l = plan.Lower;
        var span = plan.Upper - l;
        var den = xr - min;
        var halves = double.IsPositiveInfinity(den); // values spanning more than double.MaxValue: differences in halves
        den = halves ? (xr / 2) - (min / 2) : den;
        if (!(den > 0))
        {
            Degenerate(plan, x, y, (l / 2) + (plan.Upper / 2), "the reference unit's value " + F(x[r]) + " is the worst value");
            return;
        }

        var cap = plan.Cap == CapPolicy.AtOne;
        for (var i = 0; i < n; i++)
        {
            var t = 1 - ((halves ? (xr / 2) - (s * x[i] / 2) : xr - (s * x[i])) / den);
            t = cap && t > 1 ? 1 : t;
            y[i] = Out(t, l, plan.Upper, span);
        }
    }

    private static void DistanceToTarget(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y)
    {
        var n = x.Length;
        MinMax(x, 1, out var min, out var max, out var count);
        if (count == 0)
        {
            y.Fill(double.NaN);
            return;
        }

        var target = plan.Target;
        var negative = plan.Sign < 0;
        var worst = negative ? max : min;
        var den = negative ? max - target : target - min;
        var halves = double.IsPositiveInfinity(den); // values and target spanning more than double.MaxValue: differences in halves
        den = halves ? (negative ? (max / 2) - (target / 2) : (target / 2) - (min / 2)) : den;
        var l = plan.Lower;
        var span = plan.Upper - l;
        if (double.IsNaN(den) || den < 0)
        {
            throw new CalculationException(ProblemCode.InvalidParameter,
                $"Indicator '{plan.Code}' cannot be normalised by distance to target: its target {(double.IsNaN(target) ? "is missing" : F(target))} is {(negative ? "above the largest" : "below the smallest")} value {F(worst)}" +
                (negative ? " (negative direction: lower is better)." : "."),
                plan.Code, value: double.IsNaN(target) ? null : target);
        }

        if (den == 0)
        {
            Degenerate(plan, x, y, (l / 2) + (plan.Upper / 2), "target = " + (negative ? "max" : "min") + " = " + F(worst));
            return;
        }

        var cap = plan.Cap == CapPolicy.AtOne;
        for (var i = 0; i < n; i++)
        {
            var t = halves
                ? (negative ? (max / 2) - (x[i] / 2) : (x[i] / 2) - (min / 2)) / den
                : negative ? (max - x[i]) / den : (x[i] - min) / den;
            t = cap && t > 1 ? 1 : t;
            y[i] = Out(t, l, plan.Upper, span);
        }
    }

    private static void Categorical(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys)
    {
        var n = x.Length;
        var s = plan.Sign;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsNaN(x[i]))
            {
                keys[count++] = s * x[i];
            }
        }

        if (count == 0)
        {
            y.Fill(double.NaN);
            return;
        }

        var sorted = keys[..count];
        sorted.Sort();
        var l = plan.Lower;
        var u = plan.Upper;
        if (!(sorted[count - 1] > sorted[0]))
        {
            Degenerate(plan, x, y, (l / 2) + (u / 2), count > 1 ? "max = min = " + F(s * sorted[0]) : "one value");
            return;
        }

        var q15 = Quantile7(sorted, 0.15);
        var q25 = Quantile7(sorted, 0.25);
        var q65 = Quantile7(sorted, 0.65);
        var q85 = Quantile7(sorted, 0.85);
        var q95 = Quantile7(sorted, 0.95);
        var step = (u - l) / 5;
        for (var i = 0; i < n; i++)
        {
            var v = s * x[i];
            if (double.IsNaN(v))
            {
                y[i] = double.NaN;
                continue;
            }

            var c = (v >= q15 ? 1 : 0) + (v >= q25 ? 1 : 0) + (v >= q65 ? 1 : 0) + (v >= q85 ? 1 : 0) + (v >= q95 ? 1 : 0);
            y[i] = c == 5 ? u : double.IsFinite(step) ? (c * step) + l : Between(c / 5.0, l, u);
        }
    }

    /// <summary><c>l + t (u - l)</c> computed as <c>(1 - t) l + t u</c>, which cannot overflow for finite bounds and t in [0, 1].</summary>
    private static double Between(double t, double l, double u) => ((1 - t) * l) + (t * u);

    /// <summary><c>t span + l</c> with <c>span = u - l</c>; when the span overflows, <see cref="Between"/>.</summary>
    private static double Out(double t, double l, double u, double span) => double.IsFinite(span) ? (t * span) + l : Between(t, l, u);

    /// <summary>
    /// The mean and the sample standard deviation (n - 1) of the non-missing values of <c>s * x</c>, two-pass
    /// (with R's correction term when <paramref name="correct"/>). At the edges of double (a sum that overflows, squared
    /// deviations that overflow or underflow) the values are scaled first: the mean as <c>m * mean(x / m)</c> with m the
    /// largest |x|, the deviations divided by the largest |x - mean| before squaring, so values around 1e-300 or 1e308
    /// still have their spread.
    /// </summary>
    internal static (double Mean, double Sd) MeanAndSd(ReadOnlySpan<double> x, double s, int count, double maxAbs, bool correct)
    {
        if (count == 0)
        {
            return (double.NaN, 0);
        }

        var sum = 0.0;
        foreach (var raw in x)
        {
            if (!double.IsNaN(raw))
            {
                sum += s * raw;
            }
        }

        double mean;
        if (double.IsFinite(sum))
        {
            mean = sum / count;
        }
        else
        {
            var scaled = 0.0;
            foreach (var raw in x)
            {
                if (!double.IsNaN(raw))
                {
                    scaled += s * raw / maxAbs;
                }
            }

            mean = scaled / count * maxAbs;
        }

        var correction = 0.0;
        var ss = 0.0;
        foreach (var raw in x)
        {
            if (!double.IsNaN(raw))
            {
                var d = (s * raw) - mean;
                correction += d;
                ss += d * d;
            }
        }

        if (count < 2)
        {
            return (mean, 0);
        }

        if (ss >= 1e-280 && ss <= 1e280)
        {
            if (correct)
            {
                mean += correction / count;
                ss -= correction * correction / count;
            }

            return (mean, Math.Sqrt(Math.Max(ss, 0) / (count - 1)));
        }

        // Deviations in halves (no overflow), divided by the largest before squaring (no underflow).
        var hmax = 0.0;
        foreach (var raw in x)
        {
            if (!double.IsNaN(raw))
            {
                hmax = Math.Max(hmax, Math.Abs(((s * raw) / 2) - (mean / 2)));
            }
        }

        if (hmax == 0)
        {
            return (mean, 0);
        }

        double q = 0, c = 0;
        foreach (var raw in x)
        {
            if (!double.IsNaN(raw))
            {
                var h = (((s * raw) / 2) - (mean / 2)) / hmax;
                c += h;
                q += h * h;
            }
        }

        if (correct)
        {
            mean += 2 * hmax * (c / count);
            q -= c * c / count;
        }

        return (mean, 2 * hmax * Math.Sqrt(Math.Max(q, 0) / (count - 1)));
    }

    /// <summary>R's <c>quantile(x, p, type = 7)</c> of sorted, non-missing values, with R's own arithmetic.</summary>
    internal static double Quantile7(ReadOnlySpan<double> sorted, double p)
    {
        var index = 1 + ((sorted.Length - 1) * p);
        var lo = Math.Floor(index);
        var hi = Math.Ceiling(index);
        var qlo = sorted[(int)lo - 1];
        var qhi = sorted[(int)hi - 1];
        if (index > lo && qhi != qlo)
        {
            var h = index - lo;
            return ((1 - h) * qlo) + (h * qhi);
        }

        return qlo;
    }

    private static void MinMax(ReadOnlySpan<double> x, double s, out double min, out double max, out int count)
    {
        min = double.PositiveInfinity;
        max = double.NegativeInfinity;
        count = 0;
        var start = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= Vector256<double>.Count)
        {
            var vs = Vector256.Create(s);
            var vmin = Vector256.Create(double.PositiveInfinity);
            var vmax = Vector256.Create(double.NegativeInfinity);
            ref var x0 = ref MemoryMarshal.GetReference(x);
            for (; start <= x.Length - Vector256<double>.Count; start += Vector256<double>.Count)
            {
                var v = vs * Vector256.LoadUnsafe(ref x0, (nuint)start);
                var present = Vector256.Equals(v, v);
                count += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(present));
                vmin = Vector256.Min(vmin, Vector256.ConditionalSelect(present, v, Vector256.Create(double.PositiveInfinity)));
                vmax = Vector256.Max(vmax, Vector256.ConditionalSelect(present, v, Vector256.Create(double.NegativeInfinity)));
            }

            for (var k = 0; k < Vector256<double>.Count; k++)
            {
                min = Math.Min(min, vmin[k]);
                max = Math.Max(max, vmax[k]);
            }
        }

        foreach (var raw in x[start..])
        {
            if (double.IsNaN(raw))
            {
                continue;
            }

            var v = s * raw;
            count++;
            if (v < min)
            {
                min = v;
            }

            if (v > max)
            {
                max = v;
            }
        }
    }

    private static int FirstIndex(ReadOnlySpan<double> x, double s, double value)
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (s * x[i] == value)
            {
                return i;
            }
        }

        return 0;
    }

    private static void Degenerate(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, double midpoint, string why)
    {
        if (plan.Degenerate == DegenerateColumnPolicy.Error)
        {
            throw new CalculationException(ProblemCode.ConstantColumn,
                $"Indicator '{plan.Code}' cannot be normalised by {plan.Method}: its non-missing values have no spread ({why}). Remove it, or choose DegenerateColumnPolicy.Midpoint.",
                plan.Code);
        }

        for (var i = 0; i < x.Length; i++)
        {
            y[i] = double.IsNaN(x[i]) ? double.NaN : midpoint;
        }
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
