using System.Globalization;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>One value changed by an outlier treatment: unit, indicator, old and new value, and the step. Immutable.</summary>
public sealed class TreatedValue
{
    internal TreatedValue(string unitCode, string indicatorCode, double oldValue, double newValue, TreatmentAction action)
    {
        UnitCode = unitCode;
        IndicatorCode = indicatorCode;
        OldValue = oldValue;
        NewValue = newValue;
        Action = action;
    }

    /// <summary>The unit code.</summary>
    public string UnitCode { get; }

    /// <summary>The indicator code.</summary>
    public string IndicatorCode { get; }

    /// <summary>The value before treatment (never NaN: missing values are never treated).</summary>
    public double OldValue { get; }

    /// <summary>The value after treatment.</summary>
    public double NewValue { get; }

    /// <summary>The step that changed the value.</summary>
    public TreatmentAction Action { get; }

    /// <summary>Formats as <c>70 income: 200 -> 10 (WinsorisedHigh)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{UnitCode} {IndicatorCode}: {OldValue:R} -> {NewValue:R} ({Action})");
}
