using System.Globalization;

namespace ProvinceIct.Indicators.Model;

/// <summary>
/// One value of one indicator for one unit, optionally in one year, with where it came from: a row of a long table
/// (<c>unit, indicator, value, year, source</c>). Provenance fields (<see cref="Source"/>, <see cref="UnitName"/>,
/// <see cref="MeasureUnit"/>, <see cref="Qualifier"/>, <see cref="Quote"/>) are optional text, null when absent (an empty
/// string is stored as null). A missing value is NaN; infinities are never stored. <see cref="Line"/> (where the row was
/// read) is not part of equality, so a table written and read back equals the original.
/// </summary>
public sealed record Observation
{
    private Observation(string unitCode, string indicatorCode, double value)
    {
        UnitCode = unitCode;
        IndicatorCode = indicatorCode;
        Value = value;
    }

    /// <summary>Creates an observation.</summary>
    /// <param name="unitCode">The unit code (for example the GSO code <c>70</c>); trimmed, not blank.</param>
    /// <param name="indicatorCode">The indicator code; trimmed, not blank.</param>
    /// <param name="value">The value; NaN for missing; not infinite.</param>
    /// <param name="year">The year the value refers to, if any.</param>
    /// <param name="source">Where the value was published (a file, report or address), if known.</param>
    /// <returns>The observation; further provenance is set with <c>with</c> or an object initialiser on the result.</returns>
    /// <exception cref="ArgumentException">When a code is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="value"/> is infinite.</exception>
    public static Observation Create(string unitCode, string indicatorCode, double value, int? year = null, string? source = null)
    {
        Internal.Preconditions.NotBlank(unitCode);
        Internal.Preconditions.NotBlank(indicatorCode);
        if (double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Value must be finite or NaN (missing).");
        }

        return new Observation(unitCode.Trim(), indicatorCode.Trim(), value) { Year = year, Source = Blank(source) };
    }

    /// <summary>The unit code.</summary>
    public string UnitCode { get; init; }

    /// <summary>The indicator code.</summary>
    public string IndicatorCode { get; init; }

    /// <summary>The value; NaN when missing.</summary>
    public double Value { get; init; }

    /// <summary>The year the value refers to, or null.</summary>
    public int? Year { get; init; }

    /// <summary>Where the value was published (a file, report or address), or null.</summary>
    public string? Source { get; init => field = Blank(value); }

    /// <summary>The unit's display name as written in the source, or null.</summary>
    public string? UnitName { get; init => field = Blank(value); }

    /// <summary>The unit of measure as written in the source (for example <c>billion VND</c>), or null.</summary>
    public string? MeasureUnit { get; init => field = Blank(value); }

    /// <summary>A note that qualifies the value (for example <c>approximately</c> or <c>provincial level</c>), or null.</summary>
    public string? Qualifier { get; init => field = Blank(value); }

    /// <summary>The sentence of the source the value was copied from, verbatim, or null.</summary>
    public string? Quote { get; init => field = Blank(value); }

    /// <summary>The 1-based line of the file the observation was read from, or null; not part of equality.</summary>
    public int? Line { get; init; }

    /// <summary>
    /// Whether two observations hold the same codes, value, year and provenance. Values are compared with
    /// <see cref="double.Equals(double)"/>, so NaN equals NaN. <see cref="Line"/> is ignored.
    /// </summary>
    /// <param name="other">The other observation.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Observation? other) =>
        other is not null && UnitCode == other.UnitCode && IndicatorCode == other.IndicatorCode && Value.Equals(other.Value)
        && Year == other.Year && Source == other.Source && UnitName == other.UnitName && MeasureUnit == other.MeasureUnit
        && Qualifier == other.Qualifier && Quote == other.Quote;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(UnitCode, IndicatorCode, Value, Year, Source);

    /// <summary>Formats as <c>70 computers_in_state_agencies 2012 = 3339</c> (<c>NaN</c> when missing, no year when none).</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        UnitCode + " " + IndicatorCode + (Year is { } y ? " " + y.ToString(CultureInfo.InvariantCulture) : string.Empty)
        + " = " + Value.ToString("R", CultureInfo.InvariantCulture);

    private static string? Blank(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
