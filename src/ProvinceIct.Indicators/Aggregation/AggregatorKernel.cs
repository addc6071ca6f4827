using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>An aggregator resolved for one node: method and parameters as plain fields.</summary>
internal readonly struct AggregatorPlan(Aggregator aggregator)
{
    public Aggregator Source { get; } = aggregator;
    public CustomAggregator? Custom { get; } = aggregator as CustomAggregator;
    public AggregationMethod Method { get; } = aggregator.Method;
    public double Power { get; } = aggregator switch
    {
        PowerMeanAggregator a => a.Power,
        ArithmeticMeanAggregator => 1,
        GeometricMeanAggregator => 0,
        HarmonicMeanAggregator => -1,
        MinimumAggregator => double.NegativeInfinity,
        _ => double.NaN,
    };

    public double Reference { get; } = (aggregator as AdjustedMazziottaParetoAggregator)?.Reference ?? double.NaN;
    public NonPositivePolicy NonPositive { get; } = (aggregator as ShiftableMeanAggregator)?.NonPositive ?? NonPositivePolicy.Error;
    public double Epsilon { get; } = (aggregator as ShiftableMeanAggregator)?.Epsilon ?? double.NaN;
    public double LowerBound { get; } = (aggregator as BenefitOfTheDoubtAggregator)?.LowerBound ?? double.NaN;
    public double UpperBound { get; } = (aggregator as BenefitOfTheDoubtAggregator)?.UpperBound ?? double.NaN;
}

/// <summary>
/// The aggregation formulas over column-major child scores, allocation-free. Children are accumulated column by
/// column (cache-friendly); missing children are dropped with their weight, and a node below its availability
/// threshold, or with no present child of positive weight, is missing.
/// </summary>
internal static class AggregatorKernel
{
    /// <summary>Scratch values the kernel needs per child of a node (see the <c>scratch</c> parameter).</summary>
    public const int ScratchPerChild = 5;

    /// <summary>Aggregates one node for every unit.</summary>
    /// <param name="plan">The method and its parameters.</param>
    /// <param name="threshold">The availability threshold (share of children present).</param>
    /// <param name="scores">All node scores, column-major (<c>node * n + unit</c>).</param>
    /// <param name="n">The number of units.</param>
    /// <param name="children">The children's node positions.</param>
    /// <param name="weights">The children's weights.</param>
    /// <param name="signs">The children's direction signs (+1 or -1).</param>
    /// <param name="output">Receives the node's scores (n values).</param>
    /// <param name="present">Receives, per unit, how many children were present (filled only when the threshold is above 0 or the method is not the arithmetic mean).</param>
    /// <param name="acc">Scratch (n values).</param>
    /// <param name="wsum">Scratch (n values).</param>
    /// <param name="scratch">Scratch (<see cref="ScratchPerChild"/> values per child).</param>
    /// <param name="lp">Scratch for benefit of the doubt (<see cref="BenefitOfTheDoubtTableauLength"/>); may be empty for other methods.</param>
    /// <param name="lpBasis">Scratch for benefit of the doubt (<see cref="BenefitOfTheDoubtBasisLength"/>); may be empty for other methods.</param>
    /// <param name="nodeCode">The node's code, for errors.</param>
    /// <param name="childCodes">The children's codes, for errors.</param>
    /// <param name="unitCodes">The unit codes, for errors.</param>
    public static void Aggregate(
        in AggregatorPlan plan, double threshold, ReadOnlySpan<double> scores, int n,
        ReadOnlySpan<int> children, ReadOnlySpan<double> weights, ReadOnlySpan<double> signs,
        Span<double> output, Span<int> present, Span<double> acc, Span<double> wsum, Span<double> scratch,
        Span<double> lp, Span<int> lpBasis,
        string nodeCode, IReadOnlyList<string> childCodes, IReadOnlyList<string> unitCodes)
    {
        var method = plan.Method;
        var p = plan.Power;
        present[..n].Clear();

        // Weights are relative among siblings: divide them by the largest so that no sum of weights can overflow
        // (weights of 1.7e308 are legal); the scaled copy lives at the end of the scratch.
        weights = ScaleWeights(weights, scratch.Slice(4 * children.Length, children.Length), nodeCode, childCodes);
        if (plan.Source.IsPerUnit)
        {
            // Median, mean-min, (adjusted) Mazziotta-Pareto and user methods: each case's own formula, unit by unit.
            PerUnit(plan, threshold, scores, n, children, weights, signs, output, present, scratch, nodeCode, childCodes, unitCodes);
            return;
        }

        switch (method)
        {
            case AggregationMethod.Copeland when plan.Source is CopelandAggregator { Missing: CopelandMissingPolicy.Coinr }:
                CoinrCopeland(threshold, scores, n, children, weights, signs, output, present);
                return;
            case AggregationMethod.Copeland:
                Copeland(threshold, scores, n, children, weights, signs, output, present, acc);
                return;
            case AggregationMethod.BenefitOfTheDoubt:
                BenefitOfTheDoubt(plan, threshold, scores, n, children, weights, signs, output, present, scratch, lp, lpBasis, nodeCode, childCodes, unitCodes);
                return;
        }

        wsum[..n].Clear();
        var isMin = method == AggregationMethod.Minimum;
        acc[..n].Fill(isMin ? double.PositiveInfinity : 0.0);
        var usePower = method == AggregationMethod.PowerMean && p != 0 && p != 1;
        var geometric = method == AggregationMethod.GeometricMean || (method == AggregationMethod.PowerMean && p == 0);
        var arithmetic = method == AggregationMethod.ArithmeticMean || (method == AggregationMethod.PowerMean && p == 1);

        // The shift policy of the geometric and harmonic means: one constant for the node, delta = max(0, eps - min x).
        var delta = (geometric || method == AggregationMethod.HarmonicMean) && plan.NonPositive == NonPositivePolicy.Shift
            ? ShiftFor(plan.Epsilon, scores, n, children, weights, signs)
            : 0.0;
        if (arithmetic)
        {
            // The common case, vectorised and without per-value dispatch: a missing child adds nothing to either
            // sum; a zero weight adds 0 to both, as it should. Present counts are only needed for a threshold.
            for (var c = 0; c < children.Length; c++)
            {
                AccumulateArithmetic(scores.Slice(children[c] * n, n), weights[c], weights[c] * signs[c], acc, wsum);
                if (threshold > 0)
                {
                    CountPresent(scores.Slice(children[c] * n, n), present);
                }
            }
        }

        for (var c = 0; !arithmetic && c < children.Length; c++)
        {
            var col = scores.Slice(children[c] * n, n);
            var w = weights[c];
            var sign = signs[c];
            for (var u = 0; u < n; u++)
            {
                var x = col[u];
                if (double.IsNaN(x))
                {
                    continue;
                }

                present[u]++;
                if (w == 0)
                {
                    continue;
                }

                x = (x * sign) + delta;
                wsum[u] += w;
                if (arithmetic)
                {
                    acc[u] += w * x;
                }
                else if (geometric)
                {
                    if (!(x > 0))
                    {
                        throw NonPositive(nodeCode, childCodes[c], unitCodes[u], x, new ProblemText("Agg_GeometricMean"));
                    }

                    acc[u] += w * Math.Log(x);
                }
                else if (method == AggregationMethod.HarmonicMean)
                {
                    if (!(x > 0))
                    {
                        throw NonPositive(nodeCode, childCodes[c], unitCodes[u], x, new ProblemText("Agg_HarmonicMean"));
                    }

                    acc[u] += w / x;
                }
                else if (usePower)
                {
                    if (x < 0 || (p < 0 && x == 0))
                    {
                        throw NonPositive(nodeCode, childCodes[c], unitCodes[u], x, new ProblemText("Agg_PowerMean", p.ToString("R", CultureInfo.InvariantCulture)));
                    }

                    acc[u] += w * Math.Pow(x, p);
                }
                else if (x < acc[u])
                {
                    acc[u] = x;
                }
            }
        }

        var total = children.Length;
        for (var u = 0; u < n; u++)
        {
            var ws = wsum[u];
            if (!(ws > 0) || (threshold > 0 && (double)present[u] / total < threshold))
            {
                output[u] = double.NaN;
                continue;
            }

            var a = acc[u];
            var result = isMin ? a
                : arithmetic ? a / ws
                : geometric ? Math.Exp(a / ws)
                : method == AggregationMethod.HarmonicMean ? ws / a
                : Math.Pow(a / ws, 1 / p);

            // The direct sums overflow or underflow only at the edges of double (values near 1.7e308 or 1e-308, or a
            // power mean of large |p|); then the unit is recomputed in a scaled form that cannot.
            var edge = !double.IsFinite(result)
                || (method == AggregationMethod.HarmonicMean && !double.IsNormal(a))
                || (usePower && !double.IsNormal(a));
            if (edge)
            {
                result = ScaledMean(method, p, delta, u, scores, n, children, weights, signs);
            }

            if (!double.IsFinite(result))
            {
                throw NonFiniteResult(nodeCode, unitCodes[u], result);
            }

            output[u] = result;
        }
    }

    /// <summary>
    /// One unit's power-family mean in a form that cannot overflow nor underflow: the arithmetic mean as
    /// <c>m * sum(w x / m) / sum(w)</c> with m = max |x|; the geometric as <c>m * exp(sum(w ln(x / m)) / sum(w))</c>;
    /// the harmonic as <c>m sum(w) / sum(w m / x)</c> with m = min x; the power mean of order p as
    /// <c>m (sum(w (x / m)^p) / sum(w))^(1/p)</c> with m = max x for p &gt; 0 and min x for p &lt; 0, which tends to the
    /// maximum (minimum) as p tends to +infinity (-infinity), as the power mean does.
    /// </summary>
    private static double ScaledMean(
        AggregationMethod method, double p, double delta, int u, ReadOnlySpan<double> scores, int n,
        ReadOnlySpan<int> children, ReadOnlySpan<double> weights, ReadOnlySpan<double> signs)
    {
        double maxAbs = 0, max = double.NegativeInfinity, min = double.PositiveInfinity;
        for (var c = 0; c < children.Length; c++)
        {
            var x = scores[(children[c] * n) + u];
            if (double.IsNaN(x) || weights[c] == 0)
            {
                continue;
            }

            x = (x * signs[c]) + delta;
            maxAbs = Math.Max(maxAbs, Math.Abs(x));
            max = Math.Max(max, x);
            min = Math.Min(min, x);
        }

        var geometric = method == AggregationMethod.GeometricMean || (method == AggregationMethod.PowerMean && p == 0);
        var arithmetic = method == AggregationMethod.ArithmeticMean || (method == AggregationMethod.PowerMean && p == 1);
        var harmonic = method == AggregationMethod.HarmonicMean;
        var m = arithmetic ? maxAbs : harmonic || p < 0 ? min : max;
        if (m == 0)
        {
            return 0; // every value 0 (arithmetic; power mean of p > 0)
        }

        double ws = 0, acc = 0;
        for (var c = 0; c < children.Length; c++)
        {
            var x = scores[(children[c] * n) + u];
            var w = weights[c];
            if (double.IsNaN(x) || w == 0)
            {
                continue;
            }

            x = (x * signs[c]) + delta;
            ws += w;
            acc += arithmetic ? w * (x / m)
                : geometric ? w * Math.Log(x / m)
                : harmonic ? w * (m / x)
                : w * Math.Pow(x / m, p);
        }

        return arithmetic ? acc / ws * m
            : geometric ? Math.Exp(acc / ws) * m
            : harmonic ? ws / acc * m
            : Math.Pow(acc / ws, 1 / p) * m;
    }

    /// <summary>
    /// Checks a node's weights (finite, at or above zero) and writes them divided by the power of two at or below the
    /// largest into <paramref name="scaled"/> (exact), so that their sums cannot overflow.
    /// Weights all zero are returned as they are.
    /// </summary>
    private static ReadOnlySpan<double> ScaleWeights(ReadOnlySpan<double> weights, Span<double> scaled, string nodeCode, IReadOnlyList<string> childCodes)
    {
        var max = 0.0;
        for (var c = 0; c < weights.Length; c++)
        {
            var w = weights[c];
            if (!(w >= 0) || double.IsPositiveInfinity(w))
            {
                throw new CalculationException(
                    ProblemCode.NonFiniteWeight,
                    new ProblemText("Calc_AggNonFiniteWeight", nodeCode, childCodes[c], w.ToString("R", CultureInfo.InvariantCulture)),
                    nodeCode, childCode: childCodes[c], value: w);
            }

            max = Math.Max(max, w);
        }

        // Scaling by a power of two is exact, so weights that need no scaling give bit-identical scores.
        var e = max > 0 ? Math.ILogB(max) : 0;
        if (e == 0)
        {
            return weights;
        }

        for (var c = 0; c < weights.Length; c++)
        {
            scaled[c] = Math.ScaleB(weights[c], -e);
            if (scaled[c] == 0 && weights[c] > 0)
            {
                throw new CalculationException(
                    ProblemCode.InvalidParameter,
                    new ProblemText("Calc_AggWeightTooSmall", nodeCode, weights[c].ToString("R", CultureInfo.InvariantCulture), childCodes[c], max.ToString("R", CultureInfo.InvariantCulture)),
                    nodeCode, childCode: childCodes[c], value: weights[c]);
            }
        }

        return scaled;
    }

    private static CalculationException NonFiniteResult(string node, string unit, double x) =>
        new(ProblemCode.NonFiniteValue,
            new ProblemText("Calc_AggNonFiniteResult", node, unit, x.ToString("R", CultureInfo.InvariantCulture)),
            node, unit);

    /// <summary>
    /// The methods computed unit by unit over the unit's present children with a positive weight, gathered into
    /// scratch; Mazziotta-Pareto first computes each child's column statistics over the units.
    /// </summary>
    private static void PerUnit(
        in AggregatorPlan plan, double threshold, ReadOnlySpan<double> scores, int n,
        ReadOnlySpan<int> children, ReadOnlySpan<double> weights, ReadOnlySpan<double> signs,
        Span<double> output, Span<int> present, Span<double> scratch, string nodeCode, IReadOnlyList<string> childCodes, IReadOnlyList<string> unitCodes)
    {
        var k = children.Length;
        var values = scratch[..k];
        var w = scratch.Slice(k, k);
        var shift = scratch.Slice(2 * k, k);   // per child: subtracted before scaling
        var scale = scratch.Slice(3 * k, k);   // per child: multiplied after
        var offset = 0.0;
        var method = plan.Method;
        if (method is AggregationMethod.MazziottaPareto or AggregationMethod.AdjustedMazziottaPareto)
        {
            var mpi = method == AggregationMethod.MazziottaPareto;
            offset = mpi ? 100 : 70;
            for (var c = 0; c < k; c++)
            {
                shift[c] = 0;
                scale[c] = 0;
                if (weights[c] == 0)
                {
                    continue;
                }

                var col = scores.Slice(children[c] * n, n);
                var sign = signs[c];
                double count = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
                foreach (var raw in col)
                {
                    if (!double.IsNaN(raw))
                    {
                        var x = sign * raw;
                        count++;
                        min = Math.Min(min, x);
                        max = Math.Max(max, x);
                    }
                }

                if (mpi)
                {
                    // z = 100 + 10 (x - mean) / sd, sd with n - 1 (two-pass; scaled at the edges of double).
                    var (mean, sd) = Normalisation.NormaliserKernel.MeanAndSd(col, sign, (int)count, Math.Max(Math.Abs(min), Math.Abs(max)), correct: false);
                    if (!(sd > 0))
                    {
                        throw NoSpread(nodeCode, childCodes[c], new ProblemText("Agg_MazziottaPareto"), count > 1 ? ProblemText.Verbatim("sd = 0") : new ProblemText(count == 1 ? "Calc_WhyOneValue" : "Calc_WhyNoValues"));
                    }

                    shift[c] = mean;
                    scale[c] = 10 / sd;
                }
                else
                {
                    // r = (x - (ref - Delta)) / (2 Delta) * 60 + 70, Delta = (max - min) / 2.
                    if (!(max > min))
                    {
                        throw NoSpread(nodeCode, childCodes[c], new ProblemText("Agg_AdjustedMazziottaPareto"), count > 0 ? ProblemText.Verbatim("max = min") : new ProblemText("Calc_WhyNoValues"));
                    }

                    var delta = (max / 2) - (min / 2); // halves first: max - min may overflow
                    // The reference is on the child's own scale: a child read with a -1 sign has its reference flipped too.
                    shift[c] = double.IsNaN(plan.Reference) ? min : (sign * plan.Reference) - delta;
                    scale[c] = 30 / delta;
                }
            }
        }

        var total = k;
        for (var u = 0; u < n; u++)
        {
            var m = 0;
            var here = 0;
            for (var c = 0; c < k; c++)
            {
                var x = scores[(children[c] * n) + u];
                if (double.IsNaN(x))
                {
                    continue;
                }

                here++;
                if (weights[c] == 0)
                {
                    continue;
                }

                x *= signs[c];
                values[m] = method is AggregationMethod.MazziottaPareto or AggregationMethod.AdjustedMazziottaPareto
                    ? Rescaled(x, shift[c], scale[c], offset)
                    : x;
                w[m] = weights[c];
                m++;
            }

            present[u] = here;
            if (m == 0 || (threshold > 0 && (double)here / total < threshold))
            {
                output[u] = double.NaN;
                continue;
            }

            var result = plan.Source.AggregateUnit(values[..m], w[..m], 0);
            if (!double.IsFinite(result) && plan.Custom is null)
            {
                // Each of these methods is homogeneous of degree 1 (scaling every value, and beta, by f scales the
                // result by f): at the edges of double, recompute on values scaled by a power of two (exact).
                var maxAbs = 0.0;
                foreach (var v in values[..m])
                {
                    maxAbs = Math.Max(maxAbs, Math.Abs(v));
                }

                if (double.IsFinite(maxAbs) && maxAbs > 0)
                {
                    var e = Math.ILogB(maxAbs);
                    for (var i = 0; i < m; i++)
                    {
                        values[i] = Math.ScaleB(values[i], -e);
                    }

                    result = Math.ScaleB(plan.Source.AggregateUnit(values[..m], w[..m], e), e);
                }
            }

            if (!double.IsFinite(result))
            {
                throw NonFiniteResult(nodeCode, unitCodes[u], result);
            }

            output[u] = result;
        }
    }

    /// <summary><c>offset + (x - shift) scale</c>, with the difference taken in halves when it overflows.</summary>
    private static double Rescaled(double x, double shift, double scale, double offset)
    {
        var d = x - shift;
        return double.IsFinite(d) ? offset + (d * scale) : offset + (((x / 2) - (shift / 2)) * scale * 2);
    }

    /// <summary><c>sum(w v) / sum(w)</c>.</summary>
    internal static double WeightedMean(ReadOnlySpan<double> v, ReadOnlySpan<double> w)
    {
        double sw = 0, swx = 0;
        for (var i = 0; i < v.Length; i++)
        {
            sw += w[i];
            swx += w[i] * v[i];
        }

        return swx / sw;
    }

    /// <summary>The (adjusted) Mazziotta-Pareto index of one unit's standardised values: <c>M -/+ S cv</c>.</summary>
    internal static double MpiOf(ReadOnlySpan<double> v, ReadOnlySpan<double> w, MpiPenalty penalty)
    {
        var mean = WeightedMean(v, w);
        double sw = 0, ss = 0;
        for (var i = 0; i < v.Length; i++)
        {
            var d = v[i] - mean;
            sw += w[i];
            ss += w[i] * d * d;
        }

        var sd = Math.Sqrt(ss / sw);
        var cv = sd / mean;
        return penalty == MpiPenalty.Negative ? mean - (sd * cv) : mean + (sd * cv);
    }

    /// <summary>
    /// COINr's <c>a_copeland</c>, step for step, O(n^2 k): weights rescaled to sum 1 over all children; for j before l,
    /// <c>O_jl = sum w [a &gt; b] + 0.5 sum w [a = b]</c> over the children present for both (exact equality) and
    /// <c>O_lj = 1 - O_jl</c>, each entry scored +1 above 0.5, -1 below, 0 at 0.5. Every unit is compared; a unit with no
    /// present child of positive weight, or below the threshold, then gets NaN as its own score.
    /// </summary>
    private static void CoinrCopeland(
        double threshold, ReadOnlySpan<double> scores, int n, ReadOnlySpan<int> children, ReadOnlySpan<double> weights,
        ReadOnlySpan<double> signs, Span<double> output, Span<int> present)
    {
        var k = children.Length;
        var total = 0.0;
        for (var c = 0; c < k; c++)
        {
            total += weights[c];
        }

        output[..n].Clear();
        for (var j = 0; j < n; j++)
        {
            for (var l = j + 1; l < n; l++)
            {
                double beats = 0, ties = 0;
                for (var c = 0; c < k; c++)
                {
                    var a = scores[(children[c] * n) + j];
                    var b = scores[(children[c] * n) + l];
                    if (double.IsNaN(a) || double.IsNaN(b))
                    {
                        continue;
                    }

                    a *= signs[c];
                    b *= signs[c];
                    var w = weights[c] / total;
                    beats += a > b ? w : 0;
                    ties += a == b ? w : 0;
                }

                var ojl = beats + (0.5 * ties);
                var olj = 1 - ojl;
                output[j] += ojl > 0.5 ? 1 : ojl < 0.5 ? -1 : 0;
                output[l] += olj > 0.5 ? 1 : olj < 0.5 ? -1 : 0;
            }
        }

        for (var u = 0; u < n; u++)
        {
            var here = 0;
            var any = false;
            for (var c = 0; c < k; c++)
            {
                if (!double.IsNaN(scores[(children[c] * n) + u]))
                {
                    here++;
                    any |= weights[c] > 0;
                }
            }

            present[u] = here;
            if (!any || (threshold > 0 && (double)here / k < threshold))
            {
                output[u] = double.NaN;
            }
        }
    }

    /// <summary>Copeland scores, O(n^2 k): each pair once, C_kj = -C_jk.</summary>
    private static void Copeland(
        double threshold, ReadOnlySpan<double> scores, int n, ReadOnlySpan<int> children, ReadOnlySpan<double> weights,
        ReadOnlySpan<double> signs, Span<double> output, Span<int> present, Span<double> acc)
    {
        var k = children.Length;
        for (var u = 0; u < n; u++)
        {
            var here = 0;
            var any = false;
            for (var c = 0; c < k; c++)
            {
                if (!double.IsNaN(scores[(children[c] * n) + u]))
                {
                    here++;
                    any |= weights[c] > 0;
                }
            }

            present[u] = here;
            var valid = any && !(threshold > 0 && (double)here / k < threshold);
            output[u] = valid ? 0 : double.NaN;
            acc[u] = valid ? 1 : 0;
        }

        for (var j = 0; j < n; j++)
        {
            if (acc[j] == 0)
            {
                continue;
            }

            for (var l = j + 1; l < n; l++)
            {
                if (acc[l] == 0)
                {
                    continue;
                }

                // 2 O_jk - 1 has the sign of 2 beats + ties - shared (no division, so an exact tie is exact).
                double beats = 0, ties = 0, shared = 0;
                for (var c = 0; c < k; c++)
                {
                    var w = weights[c];
                    var a = scores[(children[c] * n) + j];
                    var b = scores[(children[c] * n) + l];
                    if (w == 0 || double.IsNaN(a) || double.IsNaN(b))
                    {
                        continue;
                    }

                    a *= signs[c];
                    b *= signs[c];
                    shared += w;
                    // Values within the rank tie tolerance (1e-12 relative) are equal here too: float noise is no win.
                    var tied = Ranking.RankKernel.Tied(a, b);
                    beats += !tied && a > b ? w : 0;
                    ties += tied ? w : 0;
                }

                if (shared == 0)
                {
                    continue;
                }

                var d = (2 * beats) + ties - shared;
                var cjk = d > 0 ? 1 : d < 0 ? -1 : 0;
                output[j] += cjk;
                output[l] -= cjk;
            }
        }
    }


    /// <summary>The shift of <see cref="NonPositivePolicy.Shift"/>: <c>max(0, epsilon - m)</c>, m the smallest present value of a positive-weight child over all units (after direction signs).</summary>
    private static double ShiftFor(double epsilon, ReadOnlySpan<double> scores, int n, ReadOnlySpan<int> children, ReadOnlySpan<double> weights, ReadOnlySpan<double> signs)
    {
        var min = double.PositiveInfinity;
        for (var c = 0; c < children.Length; c++)
        {
            if (weights[c] == 0)
            {
                continue;
            }

            foreach (var raw in scores.Slice(children[c] * n, n))
            {
                if (!double.IsNaN(raw))
                {
                    min = Math.Min(min, signs[c] * raw);
                }
            }
        }

        return min < epsilon ? epsilon - min : 0.0;
    }

    /// <summary>The LP tableau length benefit of the doubt needs for <paramref name="n"/> units and at most <paramref name="maxChildren"/> children.</summary>
    /// <param name="n">The number of units.</param>
    /// <param name="maxChildren">The largest number of children of a node.</param>
    /// <returns>The length.</returns>
    public static int BenefitOfTheDoubtTableauLength(int n, int maxChildren) =>
        (n + maxChildren + 1) * (maxChildren + n + maxChildren + 1);

    /// <summary>The LP basis length benefit of the doubt needs.</summary>
    /// <param name="n">The number of units.</param>
    /// <param name="maxChildren">The largest number of children of a node.</param>
    /// <returns>The length.</returns>
    public static int BenefitOfTheDoubtBasisLength(int n, int maxChildren) => n + maxChildren;

    /// <summary>
    /// Benefit of the doubt: one LP per unit c over its present positive-weight children P_c,
    /// <c>max sum_{q in P_c} w_q I_qc</c> s.t. <c>sum_{q in P_c} w_q I_qk &lt;= 1</c> for every unit k (a missing I_qk
    /// counts as 0), <c>L &lt;= w_q &lt;= U</c>. Each child is scaled by its largest value over the units (the score is
    /// invariant to this; the LP is better conditioned), lower bounds are substituted, upper bounds are rows.
    /// </summary>
    private static void BenefitOfTheDoubt(
        in AggregatorPlan plan, double threshold, ReadOnlySpan<double> scores, int n,
        ReadOnlySpan<int> children, ReadOnlySpan<double> weights, ReadOnlySpan<double> signs,
        Span<double> output, Span<int> present, Span<double> scratch, Span<double> lp, Span<int> lpBasis,
        string nodeCode, IReadOnlyList<string> childCodes, IReadOnlyList<string> unitCodes)
    {
        var k = children.Length;
        var colMax = scratch[..k];
        var vars = scratch.Slice(k, k); // per unit: the child index of each LP variable
        var lower = plan.LowerBound;
        var upper = plan.UpperBound;
        for (var c = 0; c < k; c++)
        {
            colMax[c] = 0;
            if (weights[c] == 0)
            {
                continue;
            }

            var col = scores.Slice(children[c] * n, n);
            for (var u = 0; u < n; u++)
            {
                var raw = col[u];
                if (double.IsNaN(raw))
                {
                    continue;
                }

                var x = signs[c] * raw;
                if (!(x >= 0) || double.IsPositiveInfinity(x))
                {
                    throw new CalculationException(
                        ProblemCode.ValueOutOfRange,
                        new ProblemText("Calc_BodNegative", nodeCode, unitCodes[u], x.ToString("R", CultureInfo.InvariantCulture), childCodes[c]),
                        nodeCode, unitCodes[u], childCodes[c], x);
                }

                colMax[c] = Math.Max(colMax[c], x);
            }
        }

        for (var u = 0; u < n; u++)
        {
            var here = 0;
            var m = 0;
            for (var c = 0; c < k; c++)
            {
                var x = scores[(children[c] * n) + u];
                if (double.IsNaN(x))
                {
                    continue;
                }

                here++;
                if (weights[c] > 0 && colMax[c] > 0)
                {
                    vars[m++] = c;
                }
            }

            present[u] = here;
            var any = false;
            for (var c = 0; c < k; c++)
            {
                any |= weights[c] > 0 && !double.IsNaN(scores[(children[c] * n) + u]);
            }

            if (!any || (threshold > 0 && (double)here / k < threshold))
            {
                output[u] = double.NaN;
                continue;
            }

            output[u] = m == 0 ? 0 : SolveUnit(u, m, lower, upper, scores, n, children, signs, colMax, vars, lp, lpBasis, nodeCode, unitCodes);
        }
    }

    private static double SolveUnit(
        int unit, int m, double lower, double upper, ReadOnlySpan<double> scores, int n, ReadOnlySpan<int> children,
        ReadOnlySpan<double> signs, ReadOnlySpan<double> colMax, ReadOnlySpan<double> vars, Span<double> lp, Span<int> basis,
        string nodeCode, IReadOnlyList<string> unitCodes)
    {
        // Rows: every unit with a positive (scaled) value on one of the unit's variables, then the upper bounds.
        var unitRows = 0;
        for (var u = 0; u < n; u++)
        {
            unitRows += HasPositive(u, m, scores, n, children, vars) ? 1 : 0;
        }

        var boundRows = double.IsPositiveInfinity(upper) ? 0 : m;
        var rows = unitRows + boundRows;
        var width = m + rows + 1;
        var t = lp[..((rows + 1) * width)];
        t.Clear();
        var r = 0;
        for (var u = 0; u < n; u++)
        {
            if (!HasPositive(u, m, scores, n, children, vars))
            {
                continue;
            }

            var row = t.Slice(r * width, width);
            var rhs = 1.0;
            for (var v = 0; v < m; v++)
            {
                var c = (int)vars[v];
                var x = scores[(children[c] * n) + u];
                var s = double.IsNaN(x) ? 0 : signs[c] * x / colMax[c];
                row[v] = s;
                rhs -= lower * colMax[c] * s; // w = L + v: the lower bound's share of the row
            }

            if (rhs < -1e-12)
            {
                throw new CalculationException(
                    ProblemCode.InvalidParameter,
                    new ProblemText("Calc_BodLowerBound", nodeCode, lower.ToString("R", CultureInfo.InvariantCulture), unitCodes[u]),
                    nodeCode, unitCodes[u]);
            }

            row[m + r] = 1;
            row[width - 1] = Math.Max(0, rhs);
            basis[r] = m + r;
            r++;
        }

        for (var v = 0; v < boundRows; v++, r++)
        {
            var c = (int)vars[v];
            var row = t.Slice(r * width, width);
            row[v] = 1;
            row[m + r] = 1;
            row[width - 1] = (upper - lower) * colMax[c];
            basis[r] = m + r;
        }

        var obj = t.Slice(rows * width, width);
        var constant = 0.0;
        for (var v = 0; v < m; v++)
        {
            var c = (int)vars[v];
            var s = signs[c] * scores[(children[c] * n) + unit] / colMax[c];
            obj[v] = -s;
            constant += lower * colMax[c] * s;
        }

        var status = Simplex.SolveStandard(t, basis, rows, width);
        if (status != SimplexStatus.Optimal)
        {
            // Cannot happen: the unit's own row bounds the objective, and the simplex is anti-cycling.
            throw new CalculationException(ProblemCode.InvalidParameter, new ProblemText("Calc_BodLp", nodeCode, unitCodes[unit], status.ToString()), nodeCode, unitCodes[unit]);
        }

        return Math.Clamp(obj[width - 1] + constant, 0, 1);
    }

    private static bool HasPositive(int u, int m, ReadOnlySpan<double> scores, int n, ReadOnlySpan<int> children, ReadOnlySpan<double> vars)
    {
        for (var v = 0; v < m; v++)
        {
            var x = scores[(children[(int)vars[v]] * n) + u];
            if (x != 0 && !double.IsNaN(x))
            {
                return true;
            }
        }

        return false;
    }

    private static CalculationException NoSpread(string node, string child, ProblemText what, ProblemText why) =>
        new(ProblemCode.ConstantColumn,
            new ProblemText("Calc_AggNoSpread", node, what, child, why),
            node, childCode: child);

    private static void AccumulateArithmetic(ReadOnlySpan<double> col, double w, double sw, Span<double> acc, Span<double> wsum)
    {
        var n = col.Length;
        var u = 0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count)
        {
            var vw = Vector256.Create(w);
            var vsw = Vector256.Create(sw);
            ref var x0 = ref MemoryMarshal.GetReference(col);
            ref var a0 = ref MemoryMarshal.GetReference(acc);
            ref var s0 = ref MemoryMarshal.GetReference(wsum);
            for (; u <= n - Vector256<double>.Count; u += Vector256<double>.Count)
            {
                var x = Vector256.LoadUnsafe(ref x0, (nuint)u);
                var present = Vector256.Equals(x, x);
                (Vector256.LoadUnsafe(ref a0, (nuint)u) + Vector256.ConditionalSelect(present, vsw * x, Vector256<double>.Zero)).StoreUnsafe(ref a0, (nuint)u);
                (Vector256.LoadUnsafe(ref s0, (nuint)u) + (vw & present)).StoreUnsafe(ref s0, (nuint)u);
            }
        }

        for (; u < n; u++)
        {
            var x = col[u];
            if (!double.IsNaN(x))
            {
                wsum[u] += w;
                acc[u] += sw * x;
            }
        }
    }

    private static void CountPresent(ReadOnlySpan<double> col, Span<int> present)
    {
        for (var u = 0; u < col.Length; u++)
        {
            if (!double.IsNaN(col[u]))
            {
                present[u]++;
            }
        }
    }

    private static CalculationException NonPositive(string node, string child, string unit, double x, ProblemText what) =>
        new(ProblemCode.NonPositiveValue,
            new ProblemText("Calc_AggNonPositive", node, what, unit, x.ToString("R", CultureInfo.InvariantCulture), child),
            node, unit, child, x);
}
