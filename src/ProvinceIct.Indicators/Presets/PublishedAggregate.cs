using System.Globalization;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// A published figure of an edition that belongs to no unit (for example the mean DTI of all provinces), with its source.
/// </summary>
public sealed record PublishedAggregate
{
    internal PublishedAggregate(string label, double? value, string source, string? note)
    {
        Label = Internal.Preconditions.NotBlank(label);
        Value = value;
        Source = Internal.Preconditions.NotBlank(source);
        Note = note;
    }

    /// <summary>The row's label as written (<c>(provincial mean)</c>).</summary>
    public string Label { get; }

    /// <summary>The published value; null when the file gives none (the label or note may then hold it as text).</summary>
    public double? Value { get; }

    /// <summary>Where it was published.</summary>
    public string Source { get; }

    /// <summary>The reporter's remark; null when none.</summary>
    public string? Note { get; }

    /// <summary>Formats as <c>(provincial mean) = 0.6961</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Label + " = " + (Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "-");
}
