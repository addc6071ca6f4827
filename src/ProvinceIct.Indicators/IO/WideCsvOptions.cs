using System.Collections.Immutable;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// Options for reading a wide CSV table (<see cref="WideCsv"/>). Immutable; start from <see cref="Default"/> and
/// change with <c>with</c> expressions.
/// </summary>
public sealed record WideCsvOptions
{
    /// <summary>The defaults: comma delimiter, invariant numbers, no extra group columns, no framework, source name from the path (or <c>&lt;input&gt;</c>).</summary>
    public static WideCsvOptions Default { get; } = new();

    /// <summary>The name used for the source in problems when reading from a <see cref="TextReader"/> (a path is used as is); null for <c>&lt;input&gt;</c>.</summary>
    public string? SourceName { get; init; }

    /// <summary>
    /// Extra column headers (exact, ordinal) that hold group memberships, besides every column whose header starts with
    /// <c>Group_</c> (COINr's convention, case-insensitive).
    /// </summary>
    public ImmutableArray<string> GroupColumns { get; init; } = [];

    /// <summary>
    /// A framework to validate against, or null. When set, every indicator of the framework must have a column and
    /// every value must be valid for its indicator's kind; problems name the file line and column.
    /// </summary>
    public Framework? Framework { get; init; }

    /// <summary>
    /// The encoding of a file read by path when it has no byte order mark, or null (the default) for UTF-8. A byte order
    /// mark always wins (UTF-8, UTF-16 LE, UTF-16 BE). For Windows-1258 (common in Vietnam), register the code pages
    /// first: <c>Encoding.RegisterProvider(CodePagesEncodingProvider.Instance)</c>, then <c>Encoding.GetEncoding(1258)</c>;
    /// its combining tone marks are composed to NFC. A byte that cannot be decoded is a
    /// <see cref="Errors.ProblemCode.MalformedInput"/> problem naming its line and column; it is never replaced.
    /// Ignored when reading from a <see cref="TextReader"/> (already decoded).
    /// </summary>
    public System.Text.Encoding? Encoding { get; init; }

    /// <summary>The field delimiter (default comma); with <see cref="DelimiterPolicy"/> <see cref="CsvDelimiterPolicy.Detect"/>, ignored.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>
    /// Whether <see cref="Delimiter"/> is used as given (<see cref="CsvDelimiterPolicy.Given"/>, the default) or the
    /// delimiter is detected from the header line among comma, semicolon and tab (<see cref="CsvDelimiterPolicy.Detect"/>:
    /// the one that splits off the <c>uCode</c> or province column; an ambiguous header is a problem naming each
    /// candidate, never a guess). Semicolon- and tab-separated files are what Excel saves under Vietnamese and European
    /// settings; read their numbers with <see cref="NumberCulture"/> <see cref="IO.NumberCulture.Vietnamese"/>.
    /// </summary>
    public CsvDelimiterPolicy DelimiterPolicy { get; init; } = CsvDelimiterPolicy.Given;

    /// <summary>
    /// Whether to remove the apostrophe that a CSV writer put before a text a spreadsheet would run as a formula
    /// (<see cref="CsvInjectionPolicy.Neutralise"/>, the default: the cell <c>'=SUM(A1)</c> reads as <c>=SUM(A1)</c>, so
    /// what the library writes reads back exactly), or to keep every cell exactly as in the file
    /// (<see cref="CsvInjectionPolicy.None"/>). See <see cref="CsvInjectionPolicy"/>.
    /// </summary>
    public CsvInjectionPolicy CsvInjection { get; init; } = CsvInjectionPolicy.Neutralise;

    /// <summary>
    /// What to do with unit codes (or indicator headers) that differ only in letter case, such as <c>HN</c> and <c>hn</c>:
    /// by default (<see cref="CaseOnlyCodePolicy.Warn"/>) they stay two units and a warning in <c>ReadResult.Warnings</c>
    /// names both codes and their lines (columns); <see cref="CaseOnlyCodePolicy.Refuse"/> makes it a problem.
    /// </summary>
    public CaseOnlyCodePolicy CaseOnlyCodes { get; init; } = CaseOnlyCodePolicy.Warn;

    /// <summary>
    /// How numbers in data cells are read (default <see cref="NumberCulture.Invariant"/>, the reader's behaviour before
    /// this option existed). A cell that does not fit the policy is a <see cref="Errors.ProblemCode.NotANumber"/> problem;
    /// no other policy is tried. Use a delimiter other than comma (or quoted cells) with <see cref="NumberCulture.Vietnamese"/>.
    /// </summary>
    public NumberCulture NumberCulture { get; init; } = NumberCulture.Invariant;

    /// <summary>
    /// The geography to resolve unit cells in, or null (the default) to take the unit code cell as the code, as written.
    /// When set, each row's unit code cell may hold a GSO code (<c>70</c>) or any spelling of a province's name in that
    /// geography (<c>Bình Phước</c>, <c>Binh Phuoc</c>, <c>TP. Hồ Chí Minh</c>, <c>VN-58</c>; the rules of
    /// <see cref="ProvinceCatalog.Match"/>); it is resolved through <see cref="Catalog"/> (or
    /// <see cref="ProvinceCatalog.Default"/>) and the unit's code is the GSO code. The unit takes the catalogue's
    /// Vietnamese name, English name and groups (<c>region</c>, <c>region6</c>, <c>region8</c>, see
    /// <see cref="Province.ToUnit"/>), except that a non-empty <c>uName</c> or <c>uNameEn</c> cell of the file is kept
    /// as the name or English name and a group column of the file replaces the catalogue's group of the same name.
    /// <para>An unknown or ambiguous text is a <see cref="Errors.ProblemCode.UnknownValue"/> problem naming the file,
    /// line, column, the text and the closest candidates (<c>did you mean 70 Bình Phước, 26 Vĩnh Phúc?</c>); no guess
    /// is made. Two rows that resolve to the same province are a <see cref="Errors.ProblemCode.DuplicateUnit"/> problem
    /// naming both lines and both texts.</para>
    /// </summary>
    public ProvinceGeography? MatchProvinces { get; init; }

    /// <summary>
    /// The geography in which a table keyed by province name is matched when <see cref="MatchProvinces"/> is null (default
    /// <see cref="ProvinceGeography.Provinces2016"/>). A table is keyed by province name when it has no <c>uCode</c> (or
    /// <c>unit_code</c>) column but a column headed <c>Province</c>, <c>Tỉnh/Thành phố</c>, <c>Tỉnh, thành phố</c>,
    /// <c>Tỉnh</c>, <c>Tỉnh/TP</c> or <c>Tên tỉnh</c> (compared without case or diacritics): that column is the unit
    /// column, each cell resolved as with <see cref="MatchProvinces"/> (GSO code or any spelling of a name; an unknown or
    /// ambiguous name is a problem listing the closest candidates). When the table has a <c>uCode</c> column as well, a
    /// province column is the unit name column (unless a <c>uName</c> column is present, then it is ignored).
    /// </summary>
    public ProvinceGeography ProvinceColumnGeography { get; init; } = ProvinceGeography.Provinces2016;

    /// <summary>The catalogue used by <see cref="MatchProvinces"/>, or null (the default) for <see cref="ProvinceCatalog.Default"/>.</summary>
    public ProvinceCatalog? Catalog { get; init; }
}
