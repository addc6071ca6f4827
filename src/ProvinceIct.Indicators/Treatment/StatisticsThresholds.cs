using System.Globalization;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// The thresholds behind the flags of a <see cref="StatisticsTable"/>. Immutable; start from <see cref="Default"/> and
/// change what you need with the <c>With...</c> methods.
/// </summary>
public sealed record StatisticsThresholds
{
    private StatisticsThresholds()
    {
    }

    /// <summary>
    /// The defaults: availability 0.65 (COINr <c>get_stats</c>'s <c>t_avail</c>; COINr's unit screening uses 2/3), the
    /// skew/kurtosis rule <see cref="SkewKurtosisRule.Default"/> (2 and 3.5), zero share 0.5 (COINr's <c>t_zero</c>),
    /// collinearity tolerance 1e-12.
    /// </summary>
    public static StatisticsThresholds Default { get; } = new();

    /// <summary>An indicator is flagged for low availability when its share of present values is strictly below this (default 0.65).</summary>
    public double Availability { get; private init; } = 0.65;

    /// <summary>An indicator is flagged for zeros when its share of zeros among the present values is strictly above this (default 0.5).</summary>
    public double ZeroShare { get; private init; } = 0.5;

    /// <summary>The outlier rule (default <see cref="SkewKurtosisRule.Default"/>).</summary>
    public SkewKurtosisRule SkewKurtosis { get; private init; } = SkewKurtosisRule.Default;

    /// <summary>Two indicators are perfectly collinear when <c>1 - |r| &lt;= </c> this (default 1e-12).</summary>
    public double CollinearityTolerance { get; private init; } = 1e-12;

    /// <summary>Returns a copy with another availability threshold.</summary>
    /// <param name="availability">A share in [0, 1].</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When outside [0, 1].</exception>
    public StatisticsThresholds WithAvailability(double availability) => this with { Availability = Internal.Preconditions.InRange(availability, 0, 1) };

    /// <summary>Returns a copy with another zero-share threshold.</summary>
    /// <param name="zeroShare">A share in [0, 1].</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When outside [0, 1].</exception>
    public StatisticsThresholds WithZeroShare(double zeroShare) => this with { ZeroShare = Internal.Preconditions.InRange(zeroShare, 0, 1) };

    /// <summary>Returns a copy with another outlier rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The copy.</returns>
    public StatisticsThresholds WithSkewKurtosis(SkewKurtosisRule rule) => this with { SkewKurtosis = rule ?? throw new ArgumentNullException(nameof(rule)) };

    /// <summary>Returns a copy with another collinearity tolerance.</summary>
    /// <param name="tolerance">The largest <c>1 - |r|</c> still counted as perfect collinearity, in [0, 1).</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When outside [0, 1).</exception>
    public StatisticsThresholds WithCollinearityTolerance(double tolerance) =>
        this with { CollinearityTolerance = tolerance < 1 ? Internal.Preconditions.InRange(tolerance, 0, 1) : throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be below 1.") };

    /// <summary>Formats as <c>availability &lt; 0.65, zeros &gt; 0.5, |G1| &gt;= 2 and G2 &gt;= 3.5, |r| = 1 to 1E-12</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"availability < {Availability:R}, zeros > {ZeroShare:R}, {SkewKurtosis}, |r| = 1 to {CollinearityTolerance:R}");
}
