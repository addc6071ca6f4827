using System.Collections.Immutable;
using System.Globalization;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// One data-treatment step of a methodology, applied to the raw dataset once, when the methodology is compiled
/// (<c>IndexCalculator.Compile</c>), before normalisation. The steps run in the order given; COINr's
/// default workflow order is denominate, screen, impute, treat (then normalise and aggregate), and that is the order
/// to use unless there is a reason not to. Every step acts on the framework's indicators only (other columns, such as
/// denominators, are left as they are) and is one of the pure functions of this namespace: <see cref="Denomination"/>,
/// <see cref="UnitScreening"/>, <see cref="Imputer"/>, <see cref="OutlierTreatment"/>. Immutable; create with the named
/// factories.
/// <para>Within-pillar imputation is not a step: it averages a unit's other indicators of the pillar, which only makes
/// sense on normalised (common-scale) values, while the steps run on raw data.</para>
/// </summary>
public sealed record TreatmentStep
{
    private TreatmentStep(TreatmentStepKind kind)
    {
        Kind = kind;
    }

    /// <summary>Denominates chosen indicators, each by its own denominator column and scale (COINr <c>Denominate</c>).</summary>
    /// <param name="rules">The rules; at least one, at most one per indicator.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentException">When there is no rule, or two rules for one indicator.</exception>
    public static TreatmentStep Denominate(IEnumerable<DenominationRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.Select(r => r ?? throw new ArgumentException("Rules must not be null.", nameof(rules))).ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("Give at least one denomination rule.", nameof(rules));
        }

        if (list.Select(r => r.IndicatorCode).Distinct(StringComparer.Ordinal).Count() != list.Length)
        {
            throw new ArgumentException("Give at most one denomination rule per indicator.", nameof(rules));
        }

        return new TreatmentStep(TreatmentStepKind.Denominate) { Denominators = list };
    }

    /// <summary>
    /// Denominates every indicator of the framework that names a denominator column
    /// (<see cref="Definitions.IndicatorDefinition.DenominatorCode"/>, COINr's <c>Denominator</c> column of <c>iMeta</c>) by that
    /// column, times <paramref name="scale"/>; indicators without one are left as they are.
    /// </summary>
    /// <param name="scale">The factor applied to every ratio; finite and non-zero (default 1, as COINr).</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the scale is zero or not finite.</exception>
    public static TreatmentStep DenominateByDefinitions(double scale = 1)
    {
        Internal.Preconditions.Finite(scale);
        if (scale == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must not be zero.");
        }

        return new TreatmentStep(TreatmentStepKind.DenominateByDefinitions) { Scale = scale };
    }

    /// <summary>Screens units by data availability, zeros or both over the framework's indicators, never the denominators (COINr <c>Screen</c>).</summary>
    /// <param name="screening">The screening.</param>
    /// <returns>The step.</returns>
    public static TreatmentStep Screen(UnitScreening screening) =>
        new(TreatmentStepKind.Screen) { Screening = screening ?? throw new ArgumentNullException(nameof(screening)) };

    /// <summary>Screens units by data availability: keeps a unit whose share of present values is at least <paramref name="threshold"/>.</summary>
    /// <param name="threshold">The smallest share of present values, in [0, 1] (COINr's default is 2/3).</param>
    /// <param name="forceInclude">Units kept whatever their availability, or null.</param>
    /// <param name="forceExclude">Units removed whatever their availability, or null.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the threshold is outside [0, 1].</exception>
    /// <exception cref="ArgumentException">When a unit is both force-included and force-excluded.</exception>
    public static TreatmentStep Screen(double threshold, IEnumerable<string>? forceInclude = null, IEnumerable<string>? forceExclude = null)
    {
        var s = UnitScreening.ByAvailability(threshold);
        s = forceInclude is null ? s : s.WithForceInclude(forceInclude);
        s = forceExclude is null ? s : s.WithForceExclude(forceExclude);
        return Screen(s);
    }

    /// <summary>Imputes the missing values of the framework's indicators: mean, median, group mean or group median.</summary>
    /// <param name="imputer">The imputer.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentException">When the imputer is within-pillar (it needs normalised data; see the type's remarks).</exception>
    public static TreatmentStep Impute(Imputer imputer)
    {
        ArgumentNullException.ThrowIfNull(imputer);
        if (imputer.Method == ImputationMethod.WithinPillar)
        {
            throw new ArgumentException("Within-pillar imputation needs normalised data and cannot be a treatment step of the raw data.", nameof(imputer));
        }

        return new TreatmentStep(TreatmentStepKind.Impute) { Imputer = imputer };
    }

    /// <summary>Treats outliers of the framework's indicators: winsorise up to <see cref="OutlierTreatment.WinMax"/> points, else log-transform (COINr <c>Treat</c>).</summary>
    /// <param name="treatment">The treatment, or null for <see cref="OutlierTreatment.Default"/>.</param>
    /// <returns>The step.</returns>
    public static TreatmentStep Treat(OutlierTreatment? treatment = null) =>
        new(TreatmentStepKind.Treat) { OutlierTreatment = treatment ?? Treatment.OutlierTreatment.Default };

    /// <summary>Box-Cox transforms every framework indicator with a fixed λ (see <see cref="OutlierTreatment.BoxCox"/>; every present value must be above zero).</summary>
    /// <param name="lambda">λ, finite.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When λ is not finite.</exception>
    public static TreatmentStep BoxCox(double lambda) =>
        new(TreatmentStepKind.BoxCox) { Lambda = Internal.Preconditions.Finite(lambda) };

    /// <summary>What the step does.</summary>
    public TreatmentStepKind Kind { get; }

    /// <summary>The rules of a <see cref="TreatmentStepKind.Denominate"/> step; empty otherwise.</summary>
    public ImmutableArray<DenominationRule> Denominators { get; private init; } = [];

    /// <summary>The scale of a <see cref="TreatmentStepKind.DenominateByDefinitions"/> step; NaN otherwise.</summary>
    public double Scale { get; private init; } = double.NaN;

    /// <summary>The screening of a <see cref="TreatmentStepKind.Screen"/> step; null otherwise.</summary>
    public UnitScreening? Screening { get; private init; }

    /// <summary>The imputer of an <see cref="TreatmentStepKind.Impute"/> step; null otherwise.</summary>
    public Imputer? Imputer { get; private init; }

    /// <summary>The outlier treatment of a <see cref="TreatmentStepKind.Treat"/> step; null otherwise.</summary>
    public OutlierTreatment? OutlierTreatment { get; private init; }

    /// <summary>λ of a <see cref="TreatmentStepKind.BoxCox"/> step; NaN otherwise.</summary>
    public double Lambda { get; private init; } = double.NaN;

    /// <summary>Value equality: same kind and same parameters (rules in order; forced units as sets).</summary>
    /// <param name="other">The other step.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(TreatmentStep? other) =>
        other is not null
        && Kind == other.Kind
        && Denominators.SequenceEqual(other.Denominators)
        && Scale.Equals(other.Scale)
        && Lambda.Equals(other.Lambda)
        && Equals(Imputer, other.Imputer)
        && Equals(OutlierTreatment, other.OutlierTreatment)
        && Equals(Screening, other.Screening);

    /// <summary>A hash consistent with <see cref="Equals(TreatmentStep?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Kind, Denominators.Length, Scale, Lambda, Imputer, OutlierTreatment, Screening?.Threshold);

    /// <summary>
    /// Formats as <c>denominate(i1 = 1 * i1 / pop)</c>, <c>denominate-by-definitions(x1)</c>, <c>screen(0.667)</c>
    /// (<c>screen(zeros 0.05)</c>, <c>screen(0.9; zeros 0.05)</c> with a zero test),
    /// <c>impute(GroupMean(region))</c>, <c>treat(winmax 5)</c> or <c>box-cox(0.5)</c>.
    /// </summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Kind switch
    {
        TreatmentStepKind.Denominate => "denominate(" + string.Join("; ", Denominators) + ")",
        TreatmentStepKind.DenominateByDefinitions => "denominate-by-definitions(x" + F(Scale) + ")",
        TreatmentStepKind.Screen => string.Create(CultureInfo.InvariantCulture, $"screen({ScreenTest(Screening!)}{(Screening!.ForceInclude.Count > 0 ? "; in " + string.Join(",", Screening.ForceInclude) : string.Empty)}{(Screening.ForceExclude.Count > 0 ? "; out " + string.Join(",", Screening.ForceExclude) : string.Empty)})"),
        TreatmentStepKind.Impute => "impute(" + Imputer!.Method + (Imputer.GroupName is null ? string.Empty : "(" + Imputer.GroupName + ")") + ")",
        TreatmentStepKind.Treat => "treat(winmax " + OutlierTreatment!.WinMax.ToString(CultureInfo.InvariantCulture) + ")",
        _ => "box-cox(" + F(Lambda) + ")",
    };

    private static string ScreenTest(UnitScreening s) => s.Rule switch
    {
        UnitScreenRule.ByMissing => s.Threshold.ToString("0.###", CultureInfo.InvariantCulture),
        UnitScreenRule.ByZeros => "zeros " + s.NonZeroThreshold.ToString("0.###", CultureInfo.InvariantCulture),
        _ => s.Threshold.ToString("0.###", CultureInfo.InvariantCulture) + "; zeros " + s.NonZeroThreshold.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
