using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ProvinceIct.Indicators.Errors;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>
/// The aggregation formulas over column-major child scores, allocation-free. Children are accumulated column by
/// column (cache-friendly); missing children are dropped with their weight, and a node below its availability
/// threshold, or with no present child of positive weight, is missing.
/// </summary>
internal static class AggregatorKernel
{
    /// <summary>Aggregates one node for every unit.</summary>
    /// <param name="method">The method.</param>
    /// <param name="p">The power (power mean only).</param>
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
    /// <param name="nodeCode">The node's code, for errors.</param>
    /// <param name="childCodes">The children's codes, for errors.</param>
    /// <param name="unitCodes">The unit codes, for errors.</param>
    public static void Aggregate(
        AggregationMethod method, double p, double threshold, ReadOnlySpan<double> scores, int n,
        ReadOnlySpan<int> children, ReadOnlySpan<double> weights, ReadOnlySpan<double> signs,
        Span<double> output, Span<int> present, Span<double> acc, Span<double> wsum,
        string nodeCode, IReadOnlyList<string> childCodes, IReadOnlyList<string> unitCodes)
    {
        present[..n].Clear();
        wsum[..n].Clear();
        var isMin = method == AggregationMethod.Minimum;
        acc[..n].Fill(isMin ? double.PositiveInfinity : 0.0);
        var usePower = method == AggregationMethod.PowerMean && p != 0 && p != 1;
        var geometric = method == AggregationMethod.GeometricMean || (method == AggregationMethod.PowerMean && p == 0);
        var arithmetic = method == AggregationMethod.ArithmeticMean || (method == AggregationMethod.PowerMean && p == 1);

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

                x *= sign;
                wsum[u] += w;
                if (arithmetic)
                {
                    acc[u] += w * x;
                }
                else if (geometric)
                {
                    if (!(x > 0))
                    {
                        throw NonPositive(nodeCode, childCodes[c], unitCodes[u], x, "geometric mean");
                    }

                    acc[u] += w * Math.Log(x);
                }
                else if (method == AggregationMethod.HarmonicMean)
                {
                    if (!(x > 0))
                    {
                        throw NonPositive(nodeCode, childCodes[c], unitCodes[u], x, "harmonic mean");
                    }

                    acc[u] += w / x;
                }
                else if (usePower)
                {
                    if (x < 0 || (p < 0 && x == 0))
                    {
                        throw NonPositive(nodeCode, childCodes[c], unitCodes[u], x, "power mean of order " + p.ToString("R", CultureInfo.InvariantCulture));
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
            output[u] = isMin ? a
                : arithmetic ? a / ws
                : geometric ? Math.Exp(a / ws)
                : method == AggregationMethod.HarmonicMean ? ws / a
                : Math.Pow(a / ws, 1 / p);
        }
    }

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

    private static CalculationException NonPositive(string node, string child, string unit, double x, string what) =>
        new(ProblemCode.NonPositiveValue,
            $"Cannot aggregate '{node}' by {what}: unit '{unit}' has {x.ToString("R", CultureInfo.InvariantCulture)} on child '{child}', which must be above zero. Normalise to a range that excludes zero (for example min-max to [1, 100]).",
            node, unit, child, x);
}
