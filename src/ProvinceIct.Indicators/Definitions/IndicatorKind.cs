using System.Globalization;

using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Definitions;

/// <summary>
/// What kind of quantity an indicator is, and so which values are valid. Missing values (NaN) are valid for every
/// kind; infinities never are. Create kinds with the named factories (<see cref="Count"/>, <see cref="Percent"/>,
/// <see cref="RatePer"/>, <see cref="Money"/>, <see cref="BoundedScore"/>...).
/// </summary>
public sealed record IndicatorKind
{
    private IndicatorKind(KindCategory category, double minimum, double maximum, bool wholeNumber, double? ratePer = null, string? currency = null)
    {
        Category = category;
        Minimum = minimum;
        Maximum = maximum;
        WholeNumber = wholeNumber;
        PerPeople = ratePer;
        Currency = currency;
    }

    /// <summary>A non-negative whole number.</summary>
    public static IndicatorKind Count { get; } = new(KindCategory.Count, 0, double.PositiveInfinity, wholeNumber: true);

    /// <summary>A share in [0, 1].</summary>
    public static IndicatorKind Share { get; } = new(KindCategory.Share, 0, 1, wholeNumber: false);

    /// <summary>A percent in [0, 100].</summary>
    public static IndicatorKind Percent { get; } = new(KindCategory.Percent, 0, 100, wholeNumber: false);

    /// <summary>0 (no) or 1 (yes).</summary>
    public static IndicatorKind YesNo { get; } = new(KindCategory.YesNo, 0, 1, wholeNumber: true);

    /// <summary>An online public service level: a whole number 1, 2, 3 or 4.</summary>
    public static IndicatorKind ServiceLevel { get; } = new(KindCategory.ServiceLevel, 1, 4, wholeNumber: true);

    /// <summary>Any finite real number: no range rule.</summary>
    public static IndicatorKind Real { get; } = new(KindCategory.Real, double.NegativeInfinity, double.PositiveInfinity, wholeNumber: false);

    /// <summary>A non-negative rate per <paramref name="people"/> people (for example 10,000).</summary>
    /// <param name="people">The population base; finite and positive.</param>
    /// <returns>The kind.</returns>
    public static IndicatorKind RatePer(double people)
    {
        Internal.Preconditions.Positive(people);
        return new IndicatorKind(KindCategory.Rate, 0, double.PositiveInfinity, wholeNumber: false, ratePer: people);
    }

    /// <summary>A non-negative amount of money in a currency unit such as "million VND".</summary>
    /// <param name="currency">The currency unit text; not blank.</param>
    /// <returns>The kind.</returns>
    public static IndicatorKind Money(string currency)
    {
        Internal.Preconditions.NotBlank(currency);
        return new IndicatorKind(KindCategory.Money, 0, double.PositiveInfinity, wholeNumber: false, currency: currency);
    }

    /// <summary>A score in the closed range [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    /// <param name="minimum">The lowest valid score; finite.</param>
    /// <param name="maximum">The highest valid score; finite and above <paramref name="minimum"/>.</param>
    /// <returns>The kind.</returns>
    public static IndicatorKind BoundedScore(double minimum, double maximum)
    {
        Internal.Preconditions.Range(minimum, maximum);
        return new IndicatorKind(KindCategory.BoundedScore, minimum, maximum, wholeNumber: false);
    }

    /// <summary>The family of this kind.</summary>
    public KindCategory Category { get; }

    /// <summary>The lowest valid value (negative infinity when unbounded below).</summary>
    public double Minimum { get; }

    /// <summary>The highest valid value (positive infinity when unbounded above).</summary>
    public double Maximum { get; }

    /// <summary>True when only whole numbers are valid.</summary>
    public bool WholeNumber { get; }

    /// <summary>For <see cref="KindCategory.Rate"/>, the population base (per N people); otherwise null.</summary>
    public double? PerPeople { get; }

    /// <summary>For <see cref="KindCategory.Money"/>, the currency unit; otherwise null.</summary>
    public string? Currency { get; }

    /// <summary>
    /// True when <paramref name="value"/> is valid for this kind. NaN (missing) is always accepted;
    /// infinities never are.
    /// </summary>
    /// <param name="value">The value to check.</param>
    /// <returns>Whether the value is valid.</returns>
    public bool Accepts(double value)
    {
        if (double.IsNaN(value))
        {
            return true;
        }

        if (!double.IsFinite(value))
        {
            return false;
        }

        if (value < Minimum || value > Maximum)
        {
            return false;
        }

        return !WholeNumber || value == Math.Floor(value);
    }

    /// <summary>Describes the valid values in words, for error messages (for example "a percent in [0, 100]").</summary>
    public string Expected => Category switch
    {
        KindCategory.Count => "a non-negative whole number (count)",
        KindCategory.Share => "a share in [0, 1]",
        KindCategory.Percent => "a percent in [0, 100]",
        KindCategory.Rate => "a non-negative rate per " + Format(PerPeople ?? 1) + " people",
        KindCategory.Money => "a non-negative amount in " + Currency,
        KindCategory.BoundedScore => "a score in [" + Format(Minimum) + ", " + Format(Maximum) + "]",
        KindCategory.YesNo => "0 (no) or 1 (yes)",
        KindCategory.ServiceLevel => "a service level 1, 2, 3 or 4",
        _ => "a finite number",
    };

    /// <summary>The words of <see cref="Expected"/> as a resource text, rendered in any language.</summary>
    internal ProblemText ExpectedText => Category switch
    {
        KindCategory.Count => new ProblemText("Kind_Count"),
        KindCategory.Share => new ProblemText("Kind_Share"),
        KindCategory.Percent => new ProblemText("Kind_Percent"),
        KindCategory.Rate => new ProblemText("Kind_Rate", Format(PerPeople ?? 1)),
        KindCategory.Money => new ProblemText("Kind_Money", Currency),
        KindCategory.BoundedScore => new ProblemText("Kind_Score", Format(Minimum), Format(Maximum)),
        KindCategory.YesNo => new ProblemText("Kind_YesNo"),
        KindCategory.ServiceLevel => new ProblemText("Kind_ServiceLevel"),
        _ => new ProblemText("Kind_Real"),
    };

    /// <summary>A short invariant name: <c>count</c>, <c>share</c>, <c>percent</c>, <c>rate/10000</c>, <c>money[million VND]</c>, <c>score[0,10]</c>, <c>yes-no</c>, <c>service-level</c>, <c>real</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Category switch
    {
        KindCategory.Count => "count",
        KindCategory.Share => "share",
        KindCategory.Percent => "percent",
        KindCategory.Rate => "rate/" + Format(PerPeople ?? 1),
        KindCategory.Money => "money[" + Currency + "]",
        KindCategory.BoundedScore => "score[" + Format(Minimum) + "," + Format(Maximum) + "]",
        KindCategory.YesNo => "yes-no",
        KindCategory.ServiceLevel => "service-level",
        _ => "real",
    };

    private static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
