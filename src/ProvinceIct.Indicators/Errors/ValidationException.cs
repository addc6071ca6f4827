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

    private static string BuildMessage(string what, ValidationReport report)
    {
        var n = report.Problems.Length;
        var head = n == 1 ? $"Invalid {what}: 1 problem." : $"Invalid {what}: {n.ToString(System.Globalization.CultureInfo.InvariantCulture)} problems.";
        return head + "\n" + report;
    }
}
