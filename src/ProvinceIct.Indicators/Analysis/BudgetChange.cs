using System.Globalization;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>One indicator of a <see cref="BudgetTargetSeeking"/> answer: its current and proposed raw values and its part of the budget.</summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="CurrentValue">The unit's current raw value (NaN when missing).</param>
/// <param name="ProposedValue">The proposed raw value (the current value when the target is already met; the value at the
/// largest step searched when the target cannot be reached).</param>
/// <param name="WeightShare">Its effective weight divided by the sum of the budget's effective weights (the shares sum to 1).</param>
/// <param name="Scale">Its observed range over the units, <c>max - min</c> (1 when that is zero or no value is present).</param>
/// <param name="RangeLower">The lower end of its valid range.</param>
/// <param name="RangeUpper">The upper end of its valid range.</param>
/// <param name="Sign">+1 when a higher value raises the index, -1 when a lower value does.</param>
public sealed record BudgetChange(string IndicatorCode, double CurrentValue, double ProposedValue, double WeightShare, double Scale, double RangeLower, double RangeUpper, int Sign)
{
    /// <summary>ProposedValue - CurrentValue; NaN when the current value is missing.</summary>
    public double Change => ProposedValue - CurrentValue;

    /// <summary>Whether the proposed value is at the better end of the valid range (the upper end for <see cref="Sign"/> +1), so it cannot improve further.</summary>
    public bool AtLimit => ProposedValue == (Sign > 0 ? RangeUpper : RangeLower);

    /// <summary>Formats as <c>i1: 10 -> 12.5 (+2.5, share 0.750, at limit)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        IndicatorCode + ": " + G(CurrentValue) + " -> " + G(ProposedValue) + " (" + (Change > 0 ? "+" : string.Empty) + G(Change)
        + ", share " + WeightShare.ToString("F3", CultureInfo.InvariantCulture) + (AtLimit ? ", at limit)" : ")");

    internal static string G(double x) => double.IsNaN(x) ? "-" : x.ToString("G6", CultureInfo.InvariantCulture);
}
