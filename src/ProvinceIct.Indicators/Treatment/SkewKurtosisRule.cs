using System.Globalization;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// The JRC/COINr outlier rule on skewness G1 and excess kurtosis G2 (see <see cref="IndicatorStatistics.SkewnessOf"/> and
/// <see cref="IndicatorStatistics.KurtosisOf"/>): an indicator <em>fails</em> (needs treatment) only when
/// <c>|G1| &gt;= skewness threshold</c> AND <c>G2 &gt;= kurtosis threshold</c>; it passes when <c>|G1| &lt; s</c> or
/// <c>G2 &lt; k</c> (COINr <c>check_SkewKurt</c>). When G1 or G2 is missing (fewer than 3 or 4 values, or all values
/// equal) the indicator passes: there is nothing the treatment could do. Immutable.
/// </summary>
public sealed record SkewKurtosisRule
{
    private SkewKurtosisRule(double skewnessThreshold, double kurtosisThreshold)
    {
        SkewnessThreshold = skewnessThreshold;
        KurtosisThreshold = kurtosisThreshold;
    }

    /// <summary>COINr's defaults: |G1| threshold 2, G2 threshold 3.5.</summary>
    public static SkewKurtosisRule Default { get; } = new(2, 3.5);

    /// <summary>Creates a rule with other thresholds.</summary>
    /// <param name="skewnessThreshold">The threshold on |G1|; finite and positive.</param>
    /// <param name="kurtosisThreshold">The threshold on G2; finite.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When a threshold is not finite, or the skewness threshold is not positive.</exception>
    public static SkewKurtosisRule Create(double skewnessThreshold, double kurtosisThreshold) =>
        new(Internal.Preconditions.Positive(skewnessThreshold), Internal.Preconditions.Finite(kurtosisThreshold));

    /// <summary>The threshold on the absolute skewness |G1|.</summary>
    public double SkewnessThreshold { get; }

    /// <summary>The threshold on the excess kurtosis G2.</summary>
    public double KurtosisThreshold { get; }

    /// <summary>Whether a skewness and kurtosis pair fails the rule: <c>|G1| &gt;= s AND G2 &gt;= k</c>; a NaN in either passes.</summary>
    /// <param name="skewness">G1 (NaN when unknown).</param>
    /// <param name="kurtosis">G2 (NaN when unknown).</param>
    /// <returns>True when the indicator needs treatment.</returns>
    public bool Fails(double skewness, double kurtosis) => Math.Abs(skewness) >= SkewnessThreshold && kurtosis >= KurtosisThreshold;

    /// <summary>Whether a column fails the rule; missing values (NaN) are left out of G1 and G2.</summary>
    /// <param name="values">The column.</param>
    /// <returns>True when the column needs treatment; false for fewer than 4 values or a constant column.</returns>
    public bool Fails(ReadOnlySpan<double> values)
    {
        var present = ColumnMath.Present(values);
        return Fails(ColumnMath.Skewness(present), ColumnMath.Kurtosis(present));
    }

    /// <summary>Formats as <c>|G1| &gt;= 2 and G2 &gt;= 3.5</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "|G1| >= " + SkewnessThreshold.ToString("R", CultureInfo.InvariantCulture) + " and G2 >= " + KurtosisThreshold.ToString("R", CultureInfo.InvariantCulture);
}
