using System.Globalization;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>One value changed by a methodology's treatment steps: the step, unit, indicator, old and new value. Immutable.</summary>
public sealed class TreatmentLogEntry
{
    internal TreatmentLogEntry(int stepIndex, TreatmentStepKind step, string unitCode, string indicatorCode, double oldValue, double newValue, TreatmentAction action)
    {
        StepIndex = stepIndex;
        Step = step;
        UnitCode = unitCode;
        IndicatorCode = indicatorCode;
        OldValue = oldValue;
        NewValue = newValue;
        Action = action;
    }

    /// <summary>The position of the step in <c>Methodology.Treatment</c> (0-based).</summary>
    public int StepIndex { get; }

    /// <summary>The kind of step.</summary>
    public TreatmentStepKind Step { get; }

    /// <summary>The unit code.</summary>
    public string UnitCode { get; }

    /// <summary>The indicator code.</summary>
    public string IndicatorCode { get; }

    /// <summary>The value before the step (NaN for an imputed value).</summary>
    public double OldValue { get; }

    /// <summary>The value after the step (NaN when a denomination met a missing denominator).</summary>
    public double NewValue { get; }

    /// <summary>What changed the value.</summary>
    public TreatmentAction Action { get; }

    /// <summary>Formats as <c>#2 B i1: NaN -> 5 (Imputed)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"#{StepIndex} {UnitCode} {IndicatorCode}: {OldValue:R} -> {NewValue:R} ({Action})");
}
