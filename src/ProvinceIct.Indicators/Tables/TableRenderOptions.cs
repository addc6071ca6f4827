using System.Globalization;


namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// Options of the table renderers: the text shown for missing values, the Markdown heading level, the CSV/TSV
/// formula injection policy, and the culture of the numbers readers see. Immutable; every value is validated by the constructor.
/// </summary>
public sealed class TableRenderOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="missingText">What text, Markdown and HTML show for a missing value (default <c>-</c>; no line breaks).</param>
    /// <param name="headingLevel">The Markdown heading level of the title, 1 to 6 (default 3, <c>###</c>).</param>
    /// <param name="injection">What CSV and TSV do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>).</param>
    /// <param name="culture">The culture of the numbers text, Markdown and HTML show (default <see cref="CultureInfo.InvariantCulture"/>; <c>vi-VN</c> writes <c>0,665</c> and <c>12.345,6</c>). CSV and TSV ignore it: they stay invariant.</param>
    /// <exception cref="ArgumentException">When <paramref name="missingText"/> holds a line break.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="headingLevel"/> is outside 1..6 or <paramref name="injection"/> is unknown.</exception>
    public TableRenderOptions(string missingText = "-", int headingLevel = 3, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(missingText);
        if (missingText.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("The missing-value text must be one line.", nameof(missingText));
        }

        if (headingLevel is < 1 or > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(headingLevel), headingLevel, "The Markdown heading level must be between 1 and 6.");
        }

        if (!Enum.IsDefined(injection))
        {
            throw new ArgumentOutOfRangeException(nameof(injection), injection, "Unknown CSV injection policy.");
        }

        MissingText = missingText;
        HeadingLevel = headingLevel;
        Injection = injection;
        Culture = culture ?? CultureInfo.InvariantCulture;
    }

    /// <summary>The defaults: <c>-</c> for missing values, level-3 Markdown headings, formula-like CSV text neutralised.</summary>
    public static TableRenderOptions Default { get; } = new();

    /// <summary>What text, Markdown and HTML show for a missing value.</summary>
    public string MissingText { get; }

    /// <summary>The Markdown heading level of the title (1 to 6).</summary>
    public int HeadingLevel { get; }

    /// <summary>The CSV/TSV formula injection policy.</summary>
    public CsvInjectionPolicy Injection { get; }

    /// <summary>The culture of the numbers text, Markdown and HTML show (see <see cref="NumberFormat.FormatIn(double, CultureInfo)"/>); CSV and TSV ignore it.</summary>
    public CultureInfo Culture { get; }
}
