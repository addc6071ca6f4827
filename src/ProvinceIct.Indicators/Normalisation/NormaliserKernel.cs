using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Ranking;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>A normaliser resolved for one indicator: method, parameters and the indicator's references, as plain fields.</summary>
internal readonly struct NormaliserPlan
{
    public NormaliserPlan(Normaliser normaliser, IndicatorDefinition indicator, int referenceRow = -1)
    {
        Source = normaliser;
        ReferenceRow = referenceRow;
        ReferenceUnit = (normaliser as DistanceToReferenceNormaliser)?.ReferenceUnit;
        Cap = normaliser switch { DistanceToReferenceNormaliser r => r.Cap, DistanceToTargetNormaliser t => t.Cap, _ => CapPolicy.None };
        Target = indicator.Target ?? double.NaN;
        Method = normaliser.Method;
        Lower = normaliser.Lower;
        Upper = normaliser.Upper;
        Mean = normaliser is ZScoreNormaliser z ? z.Mean : double.NaN;
        Sd = normaliser is ZScoreNormaliser s ? s.StandardDeviation : double.NaN;
        Degenerate = normaliser.Degenerate;
        Sign = indicator.Direction == Direction.Negative ? -1.0 : 1.0;
        GoalLower = indicator.Goalposts?.Lower ?? double.NaN;
        GoalUpper = indicator.Goalposts?.Upper ?? double.NaN;
        Reference = indicator.ReferenceValue ?? double.NaN;
        Code = indicator.Code;
    }

    public Normaliser Source { get; }
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
        plan.Source.Normalise(plan, x, y, keys, items);
        if (AllFiniteWhereGiven(x, y))
        {
            return;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(y[i]) && !double.IsNaN(x[i]))
            {
                var unit = unitCodes is null ? new ProblemText("Calc_AtRow", (i + 1).ToString(CultureInfo.InvariantCulture)) : ProblemText.Verbatim("'" + unitCodes[i] + "'");
                throw new CalculationException(ProblemCode.NonFiniteValue,
                    new ProblemText("Calc_NormaliseNonFinite", plan.Code, plan.Method == NormalisationMethod.Custom ? plan.Source.Name : plan.Method.ToString(), unit, F(x[i]), F(y[i])),
                    plan.Code, unitCodes?[i], value: x[i]);
            }
        }
    }


    /// <summary>
    /// True when every output is finite wherever its input is not NaN (the guard's common case), four values at a time;
    /// false sends the caller to the scalar loop that names the first offending unit.
    /// </summary>
    private static bool AllFiniteWhereGiven(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= Vector256<double>.Count)
        {
            ref var xr = ref MemoryMarshal.GetReference(x);
            ref var yr = ref MemoryMarshal.GetReference(y);
            for (; i <= x.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var xv = Vector256.LoadUnsafe(ref xr, (nuint)i);
                var yv = Vector256.LoadUnsafe(ref yr, (nuint)i);
                // y - y is 0 for a finite y and NaN for an infinite or NaN one; x == x is false only for a NaN x.
                var bad = Vector256.AndNot(Vector256.Equals(xv, xv), Vector256.Equals(yv - yv, Vector256<double>.Zero));
                if (Vector256.ExtractMostSignificantBits(bad) != 0)
                {
                    return false;
                }
            }
        }

        for (; i < x.Length; i++)
        {
            if (!double.IsFinite(y[i]) && !double.IsNaN(x[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The formula shared by MinMaxNormaliser, DistanceToMaxNormaliser (branching on the plan's method).</summary>
    internal static void RangeFormula(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items)
    {
        var n = x.Length;
        var s = plan.Sign;
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
            Degenerate(plan, x, y, (l / 2) + (u / 2), ProblemText.Verbatim("max = min = " + F(min * s)));
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

    /// <summary>The formula shared by RankNormaliser, PercentileRankNormaliser, BordaNormaliser (branching on the plan's method).</summary>
    internal static void RankFormula(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items)
    {
        var n = x.Length;
        var s = plan.Sign;
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
            Degenerate(plan, x, y, (l / 2) + (u / 2), new ProblemText("Calc_WhyOneValue"));
            return;
        }

        var denom = count - 1.0;
        for (var i = 0; i < n; i++)
        {
            y[i] = Out((y[i] - 1) / denom, l, u, u - l);
        }

        return;
    }

    /// <summary><c>l + t (u - l)</c> computed as <c>(1 - t) l + t u</c>, which cannot overflow for finite bounds and t in [0, 1].</summary>
    internal static double Between(double t, double l, double u) => ((1 - t) * l) + (t * u);

    /// <summary><c>t span + l</c> with <c>span = u - l</c>; when the span overflows, <see cref="Between"/>.</summary>
    internal static double Out(double t, double l, double u, double span) => double.IsFinite(span) ? (t * span) + l : Between(t, l, u);

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

    /// <summary>R's <c>quantile(x, p, type = 7)</c> of sorted, non-missing values (<see cref="Internal.SampleStatistics.QuantileOfSorted"/>).</summary>
    internal static double Quantile7(ReadOnlySpan<double> sorted, double p) => Internal.SampleStatistics.QuantileOfSorted(sorted, p);

    internal static void MinMax(ReadOnlySpan<double> x, double s, out double min, out double max, out int count)
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

    internal static int FirstIndex(ReadOnlySpan<double> x, double s, double value)
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

    internal static void Degenerate(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, double midpoint, ProblemText why)
    {
        if (plan.Degenerate == DegenerateColumnPolicy.Error)
        {
            throw new CalculationException(ProblemCode.ConstantColumn,
                new ProblemText("Calc_NormaliseConstant", plan.Code, plan.Method.ToString(), why),
                plan.Code);
        }

        for (var i = 0; i < x.Length; i++)
        {
            y[i] = double.IsNaN(x[i]) ? double.NaN : midpoint;
        }
    }

    internal static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
