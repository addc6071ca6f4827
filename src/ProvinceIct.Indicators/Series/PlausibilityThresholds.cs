using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Definitions;

namespace ProvinceIct.Indicators.Series;

/// <summary>
/// The year-on-year plausibility limits: one per indicator kind (a factor or an absolute difference), and optional
/// maxima per indicator. Immutable; start from <see cref="Default"/> or <see cref="None"/> and add with the <c>With</c> methods.
/// </summary>
public sealed class PlausibilityThresholds
{
    private PlausibilityThresholds(ImmutableSortedDictionary<KindCategory, (ChangeMeasure Measure, double Limit)> kinds, ImmutableSortedDictionary<string, double> maxima)
    {
        Kinds = kinds;
        Maxima = maxima;
    }

    /// <summary>No limit at all.</summary>
    public static PlausibilityThresholds None { get; } = new(ImmutableSortedDictionary<KindCategory, (ChangeMeasure, double)>.Empty, ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal));

    /// <summary>
    /// The defaults, a screening choice of this library (not an official rule): counts, money and rates flagged when they
    /// more than double or fall below half (factor 2); shares when they move more than 0.3, percents more than 30 points;
    /// service levels more than 2 levels. Yes/no, bounded scores and real numbers are not checked.
    /// </summary>
    public static PlausibilityThresholds Default { get; } = None
        .With(KindCategory.Count, ChangeMeasure.Factor, 2).With(KindCategory.Money, ChangeMeasure.Factor, 2).With(KindCategory.Rate, ChangeMeasure.Factor, 2)
        .With(KindCategory.Share, ChangeMeasure.Absolute, 0.3).With(KindCategory.Percent, ChangeMeasure.Absolute, 30).With(KindCategory.ServiceLevel, ChangeMeasure.Absolute, 2);

    /// <summary>The limit per kind.</summary>
    public ImmutableSortedDictionary<KindCategory, (ChangeMeasure Measure, double Limit)> Kinds { get; }

    /// <summary>The maximum per indicator code.</summary>
    public ImmutableSortedDictionary<string, double> Maxima { get; }

    /// <summary>A copy with the limit of one kind set (replacing any).</summary>
    /// <param name="category">The kind.</param>
    /// <param name="measure">How the change is measured.</param>
    /// <param name="limit">The limit: a finite factor above 1, or a finite absolute difference above 0.</param>
    /// <returns>The new thresholds.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the kind or measure is not defined, or the limit is out of range.</exception>
    public PlausibilityThresholds With(KindCategory category, ChangeMeasure measure, double limit)
    {
        if (!Enum.IsDefined(category))
        {
            throw new ArgumentOutOfRangeException(nameof(category), category, "Not a defined kind.");
        }

        if (!Enum.IsDefined(measure))
        {
            throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not a defined change measure.");
        }

        if (!double.IsFinite(limit) || (measure == ChangeMeasure.Factor ? limit <= 1 : limit <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, measure == ChangeMeasure.Factor ? "A factor limit must be finite and above 1." : "An absolute limit must be finite and above 0.");
        }

        return new(Kinds.SetItem(category, (measure, limit)), Maxima);
    }

    /// <summary>A copy without a limit for one kind.</summary>
    /// <param name="category">The kind.</param>
    /// <returns>The new thresholds.</returns>
    public PlausibilityThresholds Without(KindCategory category) => new(Kinds.Remove(category), Maxima);

    /// <summary>A copy with a maximum for one indicator: any value above it is flagged (<see cref="PlausibilityReason.AboveMaximum"/>).</summary>
    /// <param name="indicatorCode">The indicator code.</param>
    /// <param name="maximum">The maximum, finite.</param>
    /// <returns>The new thresholds.</returns>
    /// <exception cref="ArgumentException">When the code is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the maximum is not finite.</exception>
    public PlausibilityThresholds WithMaximum(string indicatorCode, double maximum)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indicatorCode);
        if (!double.IsFinite(maximum))
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, "The maximum must be finite.");
        }

        return new(Kinds, Maxima.SetItem(indicatorCode, maximum));
    }

    /// <summary>Whether a change breaks the kind's limit (false when the kind has none or a value is missing).</summary>
    internal bool Breaks(KindCategory category, double from, double to, out string rule)
    {
        rule = string.Empty;
        if (!Kinds.TryGetValue(category, out var t) || double.IsNaN(from) || double.IsNaN(to))
        {
            return false;
        }

        rule = category + ": " + (t.Measure == ChangeMeasure.Factor ? "factor " : "absolute ") + t.Limit.ToString("0.####", CultureInfo.InvariantCulture);
        return t.Measure == ChangeMeasure.Absolute
            ? Math.Abs(to - from) > t.Limit
            : from >= 0 && to >= 0 && (from == 0 ? to != 0 : to > from * t.Limit || to < from / t.Limit);
    }

    /// <summary>Formats as <c>PlausibilityThresholds: 6 kinds, 1 maximum</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"PlausibilityThresholds: {Kinds.Count} kinds, {Maxima.Count} maxima");
}
