using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// Cronbach's alpha of one node's children (raw alpha, METHODS.md): <c>alpha = k / (k - 1) * (1 - trace(C) / sum(C))</c>,
/// with k the number of children and C their covariance matrix (denominator n - 1), each entry over its
/// pairwise-complete observations (a variance over the units where that child is present, a covariance over the units
/// where both are). Alpha is NaN when k &lt; 2, when an entry of C has fewer than 2 observations, or when sum(C) = 0.
/// Children are read as their parent reads them (an aggregate with a negative direction is multiplied by -1).
/// Immutable.
/// </summary>
public sealed class CronbachAlpha
{
    private CronbachAlpha(string nodeCode, ImmutableArray<string> itemCodes, double alpha, int completeRows)
    {
        NodeCode = nodeCode;
        ItemCodes = itemCodes;
        Alpha = alpha;
        CompleteRows = completeRows;
    }

    /// <summary>The node whose children are the items.</summary>
    public string NodeCode { get; }

    /// <summary>The items (the node's children), in framework order.</summary>
    public ImmutableArray<string> ItemCodes { get; }

    /// <summary>The number of items k.</summary>
    public int ItemCount => ItemCodes.Length;

    /// <summary>Raw alpha; NaN when not computable (see the type's remarks).</summary>
    public double Alpha { get; }

    /// <summary>The number of units with every item present (for information; C itself uses pairwise-complete observations).</summary>
    public int CompleteRows { get; }

    /// <summary>
    /// Alpha of columns given directly: <c>k / (k - 1) * (1 - trace(C) / sum(C))</c>, C over pairwise-complete
    /// observations with denominator n - 1. NaN when fewer than 2 columns, an entry has fewer than 2 observations, or
    /// sum(C) = 0.
    /// </summary>
    /// <param name="columns">The items, one column each, all of one length; NaN is missing.</param>
    /// <returns>Alpha.</returns>
    /// <exception cref="ArgumentException">When the lengths differ.</exception>
    public static double Compute(IReadOnlyList<double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var k = columns.Count;
        if (k < 2)
        {
            return double.NaN;
        }

        double trace = 0, sum = 0;
        for (var a = 0; a < k; a++)
        {
            for (var b = a; b < k; b++)
            {
                var c = Covariance(columns[a], columns[b]);
                if (double.IsNaN(c))
                {
                    return double.NaN;
                }

                if (a == b)
                {
                    trace += c;
                    sum += c;
                }
                else
                {
                    sum += 2 * c;
                }
            }
        }

        return sum == 0 ? double.NaN : k / (k - 1.0) * (1 - (trace / sum));
    }

    private static double Covariance(double[] x, double[] y) => Internal.SampleStatistics.Covariance(x, y);

    /// <summary>Alpha of one aggregate's children in a result (normalised values for indicators, scores for aggregates).</summary>
    /// <param name="result">The result.</param>
    /// <param name="nodeCode">An aggregate of the result's framework.</param>
    /// <returns>The alpha.</returns>
    /// <exception cref="KeyNotFoundException">When the node does not exist.</exception>
    /// <exception cref="ArgumentException">When the node is an indicator.</exception>
    public static CronbachAlpha ForNode(IndexResult result, string nodeCode)
    {
        ArgumentNullException.ThrowIfNull(result);
        Internal.Preconditions.NotBlank(nodeCode);
        var fw = result.Methodology.Framework;
        if (fw[nodeCode].IsIndicator)
        {
            throw new ArgumentException("Cronbach's alpha needs an aggregate node; an indicator has no children.", nameof(nodeCode));
        }

        var children = fw.Children(nodeCode).ToArray();
        var columns = children.Select(c => AnalysisMath.AsParentReads(result, c)).ToArray();
        var complete = Enumerable.Range(0, result.Units.Length).Count(u => columns.All(col => !double.IsNaN(col[u])));
        return new CronbachAlpha(nodeCode, [.. children.Select(c => c.Code)], Compute(columns), complete);
    }

    /// <summary>Alpha of every aggregate of a result, in the result's node order (level by level, the index last).</summary>
    /// <param name="result">The result.</param>
    /// <returns>One alpha per aggregate.</returns>
    public static ImmutableArray<CronbachAlpha> ForEveryNode(IndexResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var fw = result.Methodology.Framework;
        return [.. result.NodeCodes.Where(c => !fw[c].IsIndicator).Select(c => ForNode(result, c))];
    }

    /// <summary>Formats as <c>CronbachAlpha node: 0.8123 (k=3, 60 complete rows)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"CronbachAlpha {NodeCode}: {(double.IsNaN(Alpha) ? "NaN" : Alpha.ToString("0.0000", CultureInfo.InvariantCulture))} (k={ItemCount}, {CompleteRows} complete rows)");
}
