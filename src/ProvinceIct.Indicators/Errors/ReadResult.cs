using System.Collections.Immutable;
using System.Globalization;

namespace ProvinceIct.Indicators.Errors;

/// <summary>
/// The outcome of reading a file or text: either a value, or the report of every problem found (never both).
/// Modelled on NodaTime's <c>ParseResult&lt;T&gt;</c>: check <see cref="Success"/>, or ask for <see cref="Value"/>
/// and get a <see cref="ValidationException"/> holding the whole report when reading failed.
/// </summary>
/// <typeparam name="T">The type read.</typeparam>
public sealed class ReadResult<T>
    where T : class
{
    private readonly T? _value;

    private ReadResult(T? value, ValidationReport report, string source, ImmutableArray<ValidationProblem> warnings)
    {
        _value = value;
        Report = report;
        Source = source;
        Warnings = warnings;
    }

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value read.</param>
    /// <param name="source">The file or source name, for messages.</param>
    /// <returns>The result.</returns>
    public static ReadResult<T> ForValue(T value, string source)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(source);
        return new ReadResult<T>(value, ValidationReport.Empty, source, []);
    }

    /// <summary>Creates a successful result with warnings: findings that are likely mistakes but do not stop the read.</summary>
    /// <param name="value">The value read.</param>
    /// <param name="source">The file or source name, for messages.</param>
    /// <param name="warnings">The warnings, located as problems are; may be empty.</param>
    /// <returns>The result.</returns>
    public static ReadResult<T> ForValue(T value, string source, IEnumerable<ValidationProblem> warnings)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(warnings);
        return new ReadResult<T>(value, ValidationReport.Empty, source, [.. warnings]);
    }

    /// <summary>Creates a failed result.</summary>
    /// <param name="report">The problems; at least one.</param>
    /// <param name="source">The file or source name, for messages.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">When the report has no problem.</exception>
    public static ReadResult<T> ForFailure(ValidationReport report, string source)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(source);
        if (report.IsValid)
        {
            throw new ArgumentException("A failed result needs at least one problem.", nameof(report));
        }

        return new ReadResult<T>(null, report, source, []);
    }

    /// <summary>True when the input was read without problems and <see cref="Value"/> is available.</summary>
    public bool Success => _value is not null;

    /// <summary>Every problem found (empty on success).</summary>
    public ValidationReport Report { get; }

    /// <summary>
    /// Findings that did not stop the read but are likely mistakes (such as codes that differ only in letter case), each
    /// located as a problem is; empty when there are none, and on failure.
    /// </summary>
    public ImmutableArray<ValidationProblem> Warnings { get; }

    /// <summary>The file or source name the problems refer to.</summary>
    public string Source { get; }

    /// <summary>The value read.</summary>
    /// <exception cref="ValidationException">When reading failed; it holds the whole <see cref="Report"/>.</exception>
    public T Value => _value ?? throw Exception!;

    /// <summary>The exception <see cref="Value"/> throws on failure (holding the whole report), or null on success.</summary>
    public ValidationException? Exception => Success ? null : new ValidationException(Source, Report);

    /// <summary>The value read, or null when reading failed (then <see cref="Report"/> says why); never throws.</summary>
    public T? ValueOrDefault => _value;

    /// <summary>Returns the value, or throws the validation exception holding every problem.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="ValidationException">When reading failed.</exception>
    public T GetValueOrThrow() => Value;

    /// <summary>Gets the value when reading succeeded.</summary>
    /// <param name="value">The value, or null on failure.</param>
    /// <returns>True on success.</returns>
    public bool TryGetValue([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
    {
        value = _value;
        return value is not null;
    }

    /// <summary>Formats as <c>Success (source): value</c> or <c>Failure (source): n problems</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Success
        ? "Success (" + Source + "): " + _value
        : "Failure (" + Source + "): " + Report.Problems.Length.ToString(CultureInfo.InvariantCulture) + (Report.Problems.Length == 1 ? " problem" : " problems");
}
