using System.Collections.Immutable;
using ProvinceIct.Indicators.Model;

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

    /// <summary>The field delimiter (default comma).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>
    /// How numbers in data cells are read (default <see cref="NumberCulture.Invariant"/>, the reader's behaviour before
    /// this option existed). A cell that does not fit the policy is a <see cref="Errors.ProblemCode.NotANumber"/> problem;
    /// no other policy is tried. Use a delimiter other than comma (or quoted cells) with <see cref="NumberCulture.Vietnamese"/>.
    /// </summary>
    public NumberCulture NumberCulture { get; init; } = NumberCulture.Invariant;
}
