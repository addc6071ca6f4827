using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>Shared numeric helpers of the analysis types (pairwise-complete correlations, p-values, medians, formatting).</summary>
internal static class AnalysisMath
{
    public static void Pairs(ReadOnlySpan<double> a, ReadOnlySpan<double> b, out double[] x, out double[] y)
    {
        Internal.Preconditions.SameLength(a.Length, b.Length, nameof(b));
        var xs = new List<double>(a.Length);
        var ys = new List<double>(a.Length);
        for (var i = 0; i < a.Length; i++)
        {
            if (!double.IsNaN(a[i]) && !double.IsNaN(b[i]))
            {
                xs.Add(a[i]);
                ys.Add(b[i]);
            }
        }

        x = [.. xs];
        y = [.. ys];
    }

    public static CorrelationEstimate Correlate(ReadOnlySpan<double> a, ReadOnlySpan<double> b, CorrelationMethod method)
    {
        Pairs(a, b, out var x, out var y);
        var n = x.Length;
        if (n < 2 || IsConstant(x) || IsConstant(y))
        {
            return new CorrelationEstimate(double.NaN, double.NaN, n);
        }

        switch (method)
        {
            case CorrelationMethod.Pearson:
            case CorrelationMethod.Spearman:
                var r = method == CorrelationMethod.Pearson ? Internal.SampleStatistics.Pearson(x, y) : Correlation.Spearman(x, y);
                r = Math.Clamp(r, -1, 1);
                return new CorrelationEstimate(r, TTestP(r, n), n);
            case CorrelationMethod.Kendall:
                return Kendall(x, y);
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown correlation method.");
        }
    }

    private static bool IsConstant(double[] x)
    {
        for (var i = 1; i < x.Length; i++)
        {
            if (x[i] != x[0])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Two-sided p-value of r with n pairs: t = r sqrt((n - 2) / (1 - r^2)), Student t with n - 2 df.</summary>
    private static double TTestP(double r, int n)
    {
        if (n < 3)
        {
            return double.NaN;
        }

        if (Math.Abs(r) >= 1)
        {
            return 0;
        }

        var t = r * Math.Sqrt((n - 2) / (1 - (r * r)));
        return Math.Min(1, 2 * StudentT.CDF(0, 1, n - 2, -Math.Abs(t)));
    }

    private static CorrelationEstimate Kendall(double[] x, double[] y)
    {
        var n = x.Length;
        long concordant = 0, discordant = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var s = Math.Sign(x[i] - x[j]) * Math.Sign(y[i] - y[j]);
                if (s > 0)
                {
                    concordant++;
                }
                else if (s < 0)
                {
                    discordant++;
                }
            }
        }

        var n0 = n * (n - 1) / 2.0;
        var tx = TieGroups(x);
        var ty = TieGroups(y);
        var n1 = tx.Sum(t => t * (t - 1) / 2.0);
        var n2 = ty.Sum(t => t * (t - 1) / 2.0);
        var s0 = (double)(concordant - discordant);
        var tau = s0 / Math.Sqrt((n0 - n1) * (n0 - n2));
        tau = Math.Clamp(tau, -1, 1);

        // Tie-corrected variance of S (Kendall 1970; R's cor.test with exact = FALSE, continuity = FALSE).
        double nn = n;
        var v0 = nn * (nn - 1) * ((2 * nn) + 5);
        var vt = tx.Sum(t => (double)t * (t - 1) * ((2.0 * t) + 5));
        var vu = ty.Sum(t => (double)t * (t - 1) * ((2.0 * t) + 5));
        var v1 = tx.Sum(t => (double)t * (t - 1)) * ty.Sum(t => (double)t * (t - 1)) / (2 * nn * (nn - 1));
        var v2 = n < 3 ? 0 : tx.Sum(t => (double)t * (t - 1) * (t - 2)) * ty.Sum(t => (double)t * (t - 1) * (t - 2)) / (9 * nn * (nn - 1) * (nn - 2));
        var variance = ((v0 - vt - vu) / 18) + v1 + v2;
        var p = n < 3 || !(variance > 0) ? double.NaN : Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(s0 / Math.Sqrt(variance))));
        return new CorrelationEstimate(tau, p, n);
    }

    private static List<int> TieGroups(double[] v)
    {
        var sorted = (double[])v.Clone();
        Array.Sort(sorted);
        var groups = new List<int>();
        var run = 1;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i < sorted.Length && sorted[i] == sorted[i - 1])
            {
                run++;
            }
            else
            {
                if (run > 1)
                {
                    groups.Add(run);
                }

                run = 1;
            }
        }

        return groups;
    }

    /// <summary>The median of the non-missing values (mean of the two middle ones when even); NaN when none.</summary>
    public static double Median(IEnumerable<double> values) => Internal.SampleStatistics.Median(values.ToArray().AsSpan());

    /// <summary>The scores of a node as its parent reads them: multiplied by -1 for an aggregate with a negative direction.</summary>
    public static double[] AsParentReads(IndexResult result, FrameworkNode node)
    {
        var s = result.Scores(node.Code).ToArray();
        if (!node.IsIndicator && node.Direction == Direction.Negative)
        {
            for (var i = 0; i < s.Length; i++)
            {
                s[i] = -s[i];
            }
        }

        return s;
    }

    public static bool IsArithmetic(Aggregator a) => a is ArithmeticMeanAggregator or PowerMeanAggregator { Power: 1 };

    public static bool IsGeometric(Aggregator a) => a is GeometricMeanAggregator or PowerMeanAggregator { Power: 0 };

    public static string Num(double x) => double.IsNaN(x) ? string.Empty : x.ToString("R", CultureInfo.InvariantCulture);

    public static string Int(int x) => x.ToString(CultureInfo.InvariantCulture);

    public static string F(double x, int decimals = 2) => double.IsNaN(x) ? "-" : x.ToString("F" + Int(decimals), CultureInfo.InvariantCulture);

    public static string Rank(double r) => double.IsNaN(r) ? "-" : r.ToString("0.##", CultureInfo.InvariantCulture);

    public static string P(double p) => double.IsNaN(p) ? "-" : p < 0.001 ? "<0.001" : p.ToString("F3", CultureInfo.InvariantCulture);

    public static string Md(string? s) => Internal.MarkdownText.Text(s);

    public static string Csv(IEnumerable<IReadOnlyList<string>> records, Tables.CsvInjectionPolicy injection)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        Tables.CsvTable.Write(w, records, injection: injection);
        return w.ToString().TrimEnd('\n');
    }
}
