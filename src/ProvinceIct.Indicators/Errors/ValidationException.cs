using System.Globalization;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Errors;

/// <summary>
/// Input failed validation. <see cref="Report"/> lists every problem found (unit, indicator, row, column,
/// expected, found), not only the first; the message lists them one per line.
/// </summary>
public sealed class ValidationException : IndicatorException
{
    /// <summary>Creates the exception from a report with at least one problem.</summary>
    /// <param name="what">What was validated (for example "dataset" or "data.csv").</param>
    /// <param name="report">The report; must not be valid.</param>
    public ValidationException(string what, ValidationReport report)
        : base(First(report).Code, BuildMessage(what, report))
    {
        What = what;
        Report = report;
    }

    /// <summary>
    /// The exception for one invalid method parameter, the same whichever way the method was created (its factory or
    /// constructor, <c>Methods.MethodRegistry.Parse</c>, a methodology's JSON, the CLI): <see cref="What"/> is
    /// <c>method</c> and the one problem has <see cref="ProblemCode.InvalidParameter"/>, the parameter, what was expected
    /// and what was found. User methods (<c>CustomNormaliser</c>, <c>CustomAggregator</c>) should throw it from their
    /// constructors too, so that the registry reports their problems as it reports the built-in ones.
    /// </summary>
    /// <param name="method">The method's name in method text (for example <c>minmax</c>).</param>
    /// <param name="parameter">The parameter (for example <c>upper</c>).</param>
    /// <param name="expected">What was expected, in words (for example <c>a finite number above zero</c>).</param>
    /// <param name="found">What was found, as text (for example <c>-1</c>).</param>
    /// <returns>The exception, to throw; its message is <c>method: parameter must be expected, found found.</c></returns>
    public static ValidationException InvalidParameter(string method, string parameter, string expected, string found)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(found);
        return InvalidParameter(method, parameter, ProblemText.Verbatim(expected), ProblemText.Verbatim(found));
    }

    /// <summary>The exception for one invalid method parameter, expected and found as resource texts (the message <c>method: parameter must be expected, found found.</c> in any language).</summary>
    internal static ValidationException InvalidParameter(string method, string parameter, ProblemText expected, ProblemText found) =>
        InvalidParameter(parameter, new ProblemText("Param_MustBe", method, parameter, expected, found), expected, found);

    /// <summary>The exception for one invalid method parameter, with its own message.</summary>
    internal static ValidationException InvalidParameter(string parameter, ProblemText message, ProblemText expected, ProblemText found) =>
        new("method", ValidationReport.Of([new ValidationProblem(ProblemCode.InvalidParameter, message) { Parameter = parameter, ExpectedText = expected, FoundText = found }]));

    /// <summary>What was validated.</summary>
    public string What { get; }

    /// <summary>Every problem found.</summary>
    public ValidationReport Report { get; }

    private static ValidationProblem First(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.IsValid)
        {
            throw new ArgumentException("A validation exception needs at least one problem.", nameof(report));
        }

        return report.Problems[0];
    }

    /// <summary>
    /// The message in <paramref name="culture"/>'s language: the head (<c>Invalid data.csv: 2 problems.</c>, in Vietnamese
    /// <c>data.csv không hợp lệ: 2 lỗi.</c>) then one line per problem, as <see cref="ValidationReport.Describe(CultureInfo)"/>.
    /// <see cref="What"/> and the counts stay as they are. A null culture and every culture the library has no translation
    /// for give exactly <see cref="Exception.Message"/>.
    /// </summary>
    /// <param name="culture">The language; null means English.</param>
    /// <returns>The message, lines separated by LF.</returns>
    public string MessageIn(CultureInfo? culture) => BuildMessage(What, Report, culture ?? CultureInfo.InvariantCulture);

    private static string BuildMessage(string what, ValidationReport report, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.InvariantCulture;
        var n = report.Problems.Length;
        var head = n == 1
            ? new ProblemText("Exception_OneProblem", what).Render(c)
            : new ProblemText("Exception_Problems", what, n.ToString(CultureInfo.InvariantCulture)).Render(c);
        return head + "\n" + report.Describe(c);
    }
}
