namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// How a CSV reader chooses its field delimiter. Excel writes comma-separated files in English settings,
/// semicolon-separated ones where the comma is the decimal separator (Vietnamese and most European settings), and
/// tab-separated "Unicode text".
/// </summary>
public enum CsvDelimiterPolicy
{
    /// <summary>The delimiter given in the options is used as is (the default).</summary>
    Given = 0,

    /// <summary>
    /// The delimiter is chosen from the header line among comma, semicolon and tab (characters inside double quotes do
    /// not count): the one that splits off the table's key column (the unit code or province column) when exactly one
    /// does; else the only one that splits the header at all; a header that none splits is read with a comma. When two
    /// or more fit equally, the read fails with a <see cref="Errors.ProblemCode.UnsupportedInput"/> problem naming each
    /// candidate and the fields it gives, and nothing is guessed: give the delimiter instead.
    /// </summary>
    Detect = 1,
}
