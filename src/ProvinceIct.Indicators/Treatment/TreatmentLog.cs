using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Tables;

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

    /// <summary>
    /// Every value changed as a table (name <c>treatment-changes</c>), in <see cref="Changes"/> order: <c>step</c> (the
    /// 0-based position), <c>method</c> (the step's text), <c>unit</c>, <c>indicator</c>, <c>old_value</c> and
    /// <c>new_value</c> (4 significant digits shown, full precision in CSV; NaN, an imputed or blanked value, is
    /// missing) and <c>action</c>. The notes list each step with its count of changes.
    /// </summary>
    /// <returns>The table (no rows when nothing changed).</returns>
    public Table ToTable()
    {
        var table = new TableBuilder(
            "Treatment: " + Changes.Length.ToString(CultureInfo.InvariantCulture) + " values changed",
            [TableColumn.Integer("step", "Step"), TableColumn.Text("method", "Method"), TableColumn.Label("unit", "Unit"), TableColumn.Text("indicator", "Indicator"),
             TableColumn.Number("old_value", "Old"), TableColumn.Number("new_value", "New"), TableColumn.Text("action", "Action")],
            "treatment-changes");
        foreach (var c in Changes)
        {
            table.AddRow(c.StepIndex, c.StepIndex < Steps.Length ? Steps[c.StepIndex].ToString() : null, c.UnitCode, c.IndicatorCode, c.OldValue, c.NewValue, c.Action.ToString());
        }

        for (var i = 0; i < Steps.Length; i++)
        {
            var n = Changes.Count(c => c.StepIndex == i);
            table.AddNote(string.Create(CultureInfo.InvariantCulture, $"Step {i} {Steps[i]}: {n} values changed."));
        }

        return table.Build();
    }

    /// <summary>
    /// The units screened out as a table (name <c>screened-out</c>), in input order: <c>unit</c>, <c>present</c>,
    /// <c>indicators</c>, <c>missing</c> and <c>zeros</c> (counts over the screened indicators), <c>availability</c> (a
    /// share, shown as a percentage) and <c>decision</c>.
    /// </summary>
    /// <returns>The table (no rows when no unit was screened out).</returns>
    public Table ToScreenedTable()
    {
        var table = new TableBuilder(
            "Units screened out: " + ScreenedOut.Length.ToString(CultureInfo.InvariantCulture),
            [TableColumn.Label("unit", "Unit"), TableColumn.Integer("present", "Present"), TableColumn.Integer("indicators", "Indicators"), TableColumn.Integer("missing", "Missing"),
             TableColumn.Integer("zeros", "Zeros"), TableColumn.Percent("availability", "Availability", NumberFormat.UpTo(1)), TableColumn.Text("decision", "Decision")],
            "screened-out");
        foreach (var u in ScreenedOut)
        {
            table.AddRow(u.UnitCode, u.PresentCount, u.IndicatorCount, u.MissingCount, u.ZeroCount, u.Availability, u.Decision.ToString());
        }

        return table.Build();
    }

    /// <summary>
    /// The log's two tables, by name: <c>treatment-changes</c> (<see cref="ToTable"/>) and <c>screened-out</c>
    /// (<see cref="ToScreenedTable"/>). Two tables because a changed value and a removed unit have different columns.
    /// </summary>
    /// <returns>The tables, in that order.</returns>
    public ImmutableArray<Table> ToTables() => [ToTable(), ToScreenedTable()];

    /// <summary>Formats as <c>TreatmentLog: 3 steps, 12 values changed, 1 unit screened out</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"TreatmentLog: {Steps.Length} steps, {Changes.Length} values changed, {ScreenedOut.Length} units screened out");
}
