namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// What the CSV writers do with a text cell that a spreadsheet would run as a formula (CSV or formula injection,
/// OWASP "CSV Injection"), and what the readers do with such a cell when they read it back. The one cell writer
/// behind every CSV of the library is <see cref="CsvTable.FormatField(string, char, CsvInjectionPolicy)"/>.
/// </summary>
/// <remarks>
/// <para>A cell is dangerous when, after any leading apostrophes, its first character is <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return. A cell that parses whole as an invariant number
/// (<c>-1.5</c>, <c>+2</c>, <c>-3E-05</c>, <c>-Infinity</c>) is a number, not text, and is never changed: numbers stay
/// numbers.</para>
/// <para>Writing under <see cref="Neutralise"/> puts one apostrophe before a dangerous text cell and always quotes it
/// (<c>=SUM(A1)</c> is written <c>"'=SUM(A1)"</c>); a spreadsheet shows the text and runs nothing. Reading under
/// <see cref="Neutralise"/> removes exactly that one apostrophe again (a field that starts with an apostrophe and,
/// after its leading apostrophes, with a dangerous character). A text that itself starts with apostrophes followed
/// by a dangerous character gets one more apostrophe when written, so writing and then reading under the same policy
/// gives back every text exactly: the library's own files round-trip, nothing is silently changed.</para>
/// <para>The readers' default is <see cref="Neutralise"/>, so a file from another tool that writes <c>'=x</c> for the
/// text <c>=x</c> (the same OWASP convention) reads as <c>=x</c>. Read with <see cref="None"/> to keep every field
/// exactly as it is in the file.</para>
/// </remarks>
public enum CsvInjectionPolicy
{
    /// <summary>
    /// The default. Writers prefix a dangerous text cell with an apostrophe and quote it; readers remove that one
    /// apostrophe. Numbers are never changed.
    /// </summary>
    Neutralise = 0,

    /// <summary>
    /// Writers write every cell as it is (quoted only where RFC 4180 needs it); readers keep every field as it is in
    /// the file, apostrophes included. Use it only when the CSV never reaches a spreadsheet program.
    /// </summary>
    None = 1,
}
