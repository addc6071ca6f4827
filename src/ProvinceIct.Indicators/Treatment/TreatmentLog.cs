using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// What a methodology's treatment steps did to the data before normalisation: the steps, every value changed (unit,
/// indicator, old, new, step) and every unit screened out. Units screened out are not in the result; this log is where
/// they are listed. Immutable; <see cref="Empty"/> when the methodology has no steps.
/// </summary>
public sealed class TreatmentLog
{
    internal TreatmentLog(ImmutableArray<TreatmentStep> steps, ImmutableArray<TreatmentLogEntry> changes, ImmutableArray<ScreenedUnit> screenedOut)
    {
        Steps = steps;
        Changes = changes;
        ScreenedOut = screenedOut;
    }

    /// <summary>The log of no treatment.</summary>
    public static TreatmentLog Empty { get; } = new([], [], []);

    /// <summary>The steps applied, in order.</summary>
    public ImmutableArray<TreatmentStep> Steps { get; }

    /// <summary>Every value changed, step by step; within a step indicator by indicator, units in order.</summary>
    public ImmutableArray<TreatmentLogEntry> Changes { get; }

    /// <summary>The units removed by screening steps (with their availability and the decision), in input order.</summary>
    public ImmutableArray<ScreenedUnit> ScreenedOut { get; }

    /// <summary>True when no step ran.</summary>
    public bool IsEmpty => Steps.IsEmpty;

    /// <summary>One line per step (with the number of values it changed), per unit screened out and per value changed.</summary>
    /// <returns>The invariant text, LF line ends, no trailing line break.</returns>
    public string ToText()
    {
        var sb = new StringBuilder(ToString());
        for (var i = 0; i < Steps.Length; i++)
        {
            var n = Changes.Count(c => c.StepIndex == i);
            sb.Append('\n').Append(CultureInfo.InvariantCulture, $"step #{i} {Steps[i]}: {n} values changed");
        }

        foreach (var u in ScreenedOut)
        {
            sb.Append("\nscreened out ").Append(u);
        }

        foreach (var c in Changes)
        {
            sb.Append('\n').Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Formats as <c>TreatmentLog: 3 steps, 12 values changed, 1 unit screened out</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"TreatmentLog: {Steps.Length} steps, {Changes.Length} values changed, {ScreenedOut.Length} units screened out");
}
