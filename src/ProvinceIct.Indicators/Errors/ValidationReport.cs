using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Errors;

/// <summary>
/// Every problem found in one validation, in the order found. Validation never stops at the first problem.
/// </summary>
public sealed class ValidationReport
{
    /// <summary>A report with no problems.</summary>
    public static readonly ValidationReport Empty = new(ImmutableArray<ValidationProblem>.Empty);

    private ValidationReport(ImmutableArray<ValidationProblem> problems) => Problems = problems;

    /// <summary>Creates a report from a list of problems.</summary>
    /// <param name="problems">The problems; may be empty.</param>
    /// <returns>The report.</returns>
    public static ValidationReport Of(IEnumerable<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var array = problems.ToImmutableArray();
        return array.IsEmpty ? Empty : new ValidationReport(array);
    }

    /// <summary>The problems, in the order they were found.</summary>
    public ImmutableArray<ValidationProblem> Problems { get; }

    /// <summary>True when there is no problem.</summary>
    public bool IsValid => Problems.IsEmpty;

    /// <summary>Combines this report with another, keeping the order.</summary>
    /// <param name="other">The other report.</param>
    /// <returns>A report holding the problems of both.</returns>
    public ValidationReport Concat(ValidationReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsValid)
        {
            return this;
        }

        return IsValid ? other : new ValidationReport(Problems.AddRange(other.Problems));
    }

    /// <summary>Throws a <see cref="ValidationException"/> holding every problem, if there is any.</summary>
    /// <param name="what">What was validated, for the exception message (for example "dataset").</param>
    /// <exception cref="ValidationException">When the report has at least one problem.</exception>
    public void ThrowIfInvalid(string what)
    {
        if (!IsValid)
        {
            throw new ValidationException(what, this);
        }
    }

    /// <summary>One line per problem, or "valid" when there is none.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => IsValid ? "valid" : string.Join("\n", Problems.Select(p => p.ToString()));

    /// <summary>
    /// One line per problem in <paramref name="culture"/>'s language (each as <see cref="ValidationProblem.Describe(CultureInfo)"/>),
    /// or the word for valid (<c>hợp lệ</c> in Vietnamese) when there is none. A null culture and every culture the
    /// library has no translation for give exactly <see cref="ToString()"/>.
    /// </summary>
    /// <param name="culture">The language; null means English.</param>
    /// <returns>The text, lines separated by LF.</returns>
    public string Describe(CultureInfo? culture) => IsValid
        ? ProblemStrings.Get("Report_Valid", culture ?? CultureInfo.InvariantCulture)
        : string.Join("\n", Problems.Select(p => p.Describe(culture)));
}
