namespace ProvinceIct.Indicators.Internal;

/// <summary>
/// The share of a weight among its siblings, overflow-safe: every weight is divided by the same power of two (the
/// largest weight's binade) before summing, so huge or tiny weights give the same shares as moderate ones. Used by the
/// framework (Model) and by the weighting code, so it sits below both.
/// </summary>
internal static class WeightShares
{
    /// <summary>The sum of the weights divided by <paramref name="max"/>, a power of two near the largest weight (1 when none is positive). Empty: 0.</summary>
    public static double ScaledSum(IEnumerable<double> weights, out double max)
    {
        var list = weights as IReadOnlyCollection<double> ?? weights.ToArray();
        var largest = list.DefaultIfEmpty(0).Max();
        max = largest > 0 ? Math.ScaleB(1.0, Math.ILogB(largest)) : 1; // a power of two: dividing by it is exact

        var m = max;
        return list.Sum(w => w / m);
    }

    /// <summary>The weight's share of the sum of its siblings' weights (the siblings include the weight itself).</summary>
    public static double Share(double weight, IEnumerable<double> siblings)
    {
        var sum = ScaledSum(siblings, out var max);
        return weight / max / sum;
    }
}
