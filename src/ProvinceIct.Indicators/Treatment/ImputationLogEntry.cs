using System.Globalization;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>One missing value met by an imputation: where it is, the method, and the value it got (or why it got none). Immutable.</summary>
public sealed class ImputationLogEntry
{
    internal ImputationLogEntry(int? year, string unitCode, string indicatorCode, double newValue, ImputationMethod method, ImputationOutcome outcome, string? methodText = null)
    {
        MethodText = methodText ?? method.ToString();
        Year = year;
        UnitCode = unitCode;
        IndicatorCode = indicatorCode;
        NewValue = newValue;
        Method = method;
        Outcome = outcome;
    }

    /// <summary>The year of the dataset, for panel imputation; null otherwise.</summary>
    public int? Year { get; }

    /// <summary>The unit code.</summary>
    public string UnitCode { get; }

    /// <summary>The indicator code.</summary>
    public string IndicatorCode { get; }

    /// <summary>The value before imputation: always NaN (only missing values are imputed).</summary>
    public double OldValue { get; } = double.NaN;

    /// <summary>The imputed value; NaN when the value was left missing.</summary>
    public double NewValue { get; }

    /// <summary>The method that imputed the value (or tried to).</summary>
    public ImputationMethod Method { get; }

    /// <summary>
    /// The method as text: the imputer's canonical method text for a cross-sectional imputer (<c>mean</c>,
    /// <c>group-mean(region)</c>, or a user imputer's own text, whose <see cref="Method"/> is
    /// <see cref="ImputationMethod.Custom"/>), the method's name for a panel imputer.
    /// </summary>
    public string MethodText { get; }

    /// <summary>Whether the value was imputed, or why it was left missing.</summary>
    public ImputationOutcome Outcome { get; }

    /// <summary>True when the value was imputed.</summary>
    public bool IsImputed => Outcome == ImputationOutcome.Imputed;

    /// <summary>Formats as <c>2019 70 literacy_pct: NaN -> 93.2 (Mean)</c> or <c>70 literacy_pct: left missing, NoGroup (GroupMean)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var head = (Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + " " : string.Empty) + UnitCode + " " + IndicatorCode + ": ";
        return head + (IsImputed ? "NaN -> " + NewValue.ToString("R", CultureInfo.InvariantCulture) : "left missing, " + Outcome) + " (" + (Method == ImputationMethod.Custom ? MethodText : Method.ToString()) + ")";
    }
}
