using System.Collections.Immutable;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// Options for reading a long CSV table (<see cref="LongCsv"/>). Immutable; start from <see cref="Default"/> and change
/// with <c>with</c> expressions.
/// </summary>
public sealed record LongCsvOptions
{
    /// <summary>The defaults: comma delimiter, invariant numbers, the default headers, no indicator validation, source name from the path (or <c>&lt;input&gt;</c>).</summary>
    public static LongCsvOptions Default { get; } = new();

    /// <summary>The name used for the source in problems when reading from a <see cref="TextReader"/> (a path is used as is); null for <c>&lt;input&gt;</c>.</summary>
    public string? SourceName { get; init; }

    /// <summary>The field delimiter (default comma).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>
    /// Whether to remove the apostrophe that a CSV writer put before a text a spreadsheet would run as a formula
    /// (<see cref="CsvInjectionPolicy.Neutralise"/>, the default: the cell <c>'=SUM(A1)</c> reads as <c>=SUM(A1)</c>, so
    /// what the library writes reads back exactly), or to keep every cell exactly as in the file
    /// (<see cref="CsvInjectionPolicy.None"/>). See <see cref="CsvInjectionPolicy"/>.
    /// </summary>
    public CsvInjectionPolicy CsvInjection { get; init; } = CsvInjectionPolicy.Neutralise;

    /// <summary>
    /// How the <c>value</c> cells are read (default <see cref="NumberCulture.Invariant"/>). A cell that does not fit the
    /// policy is a <see cref="Errors.ProblemCode.NotANumber"/> problem; no other policy is tried. Years are always plain
    /// whole numbers.
    /// </summary>
    public NumberCulture NumberCulture { get; init; } = NumberCulture.Invariant;

    /// <summary>
    /// Extra header names (case-insensitive) and the column each holds, for files whose headers differ from the defaults
    /// (for example <c>province_code</c> → <see cref="LongColumn.Unit"/>). A header named here takes this meaning even when
    /// it is also a default header (so <c>unit</c> → <see cref="LongColumn.MeasureUnit"/> is possible). Empty by default.
    /// </summary>
    public ImmutableDictionary<string, LongColumn> ColumnNames { get; init; } = ImmutableDictionary<string, LongColumn>.Empty;

    /// <summary>
    /// Indicator definitions to validate against, or empty (the default) for no check. When given, an observation whose
    /// indicator code is not defined is a <see cref="Errors.ProblemCode.UnknownValue"/> problem and a value its kind does
    /// not accept (a percent above 100, a fractional count) a <see cref="Errors.ProblemCode.ValueOutOfRange"/> problem,
    /// each naming the file line and column.
    /// </summary>
    public ImmutableArray<IndicatorDefinition> Indicators { get; init; } = [];

    /// <summary>
    /// The geography to resolve unit cells in, or null (the default) to take the unit cell as the code, as written.
    /// When set, each row's unit cell may hold a GSO code or any spelling of a province's name in that geography
    /// (the rules of <see cref="ProvinceCatalog.Match"/>); it is resolved through <see cref="Catalog"/> (or
    /// <see cref="ProvinceCatalog.Default"/>) and the observation's unit code is the GSO code. Its
    /// <see cref="Observation.UnitName"/> is the file's <c>unit_name</c> cell when non-empty, else the catalogue's
    /// Vietnamese name. An unknown or ambiguous text is a <see cref="Errors.ProblemCode.UnknownValue"/> problem naming
    /// the file, line, column, the text and the closest candidates. Several rows naming one province are normal in a
    /// long table (one per indicator and year).
    /// </summary>
    public ProvinceGeography? MatchProvinces { get; init; }

    /// <summary>
    /// The encoding of a file read by path when it has no byte order mark, or null (the default) for UTF-8; see
    /// <see cref="WideCsvOptions.Encoding"/> (Windows-1258 needs <c>CodePagesEncodingProvider</c>). Ignored for a <see cref="TextReader"/>.
    /// </summary>
    public System.Text.Encoding? Encoding { get; init; }

    /// <summary>The catalogue used by <see cref="MatchProvinces"/>, or null (the default) for <see cref="ProvinceCatalog.Default"/>.</summary>
    public ProvinceCatalog? Catalog { get; init; }
}
