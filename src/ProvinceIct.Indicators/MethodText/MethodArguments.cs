using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.MethodText;

/// <summary>
/// The arguments of a <see cref="MethodCall"/>, read by a method's factory with typed, located errors. An argument is
/// found by its key (<c>upper=100</c>) or else by its position (1-based in messages); a missing argument takes the
/// factory's default. Every read records the key as known: <see cref="EnsureAllRead"/> then rejects unknown keys and
/// extra positional arguments. Errors are <see cref="ValidationException"/>s with <see cref="ProblemCode.InvalidParameter"/>,
/// for example <c>minmax: argument 2 (upper) must be a number, found 'x'</c>.
/// </summary>
public sealed class MethodArguments
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly List<string> _positional;
    private int _positionsRead;

    /// <summary>Wraps a call's arguments.</summary>
    /// <param name="call">The call.</param>
    public MethodArguments(MethodCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Call = call;
        _positional = [.. call.Positional];
    }

    /// <summary>The call whose arguments these are.</summary>
    public MethodCall Call { get; }

    /// <summary>The number of arguments given (positional and named).</summary>
    public int Count => Call.Positional.Length + Call.Named.Length;

    /// <summary>Reads a number argument, or the default when it is absent.</summary>
    /// <param name="position">The 0-based position.</param>
    /// <param name="name">The argument's name (its key).</param>
    /// <param name="defaultValue">The value when absent.</param>
    /// <returns>The number (<c>Infinity</c>, <c>-Infinity</c>, <c>inf</c> and <c>NaN</c> are read too).</returns>
    /// <exception cref="ValidationException">When the argument is not a number.</exception>
    public double Number(int position, string name, double defaultValue) =>
        Find(position, name) is { } text ? ToNumber(position, name, text) : defaultValue;

    /// <summary>Reads a required number argument.</summary>
    /// <param name="position">The 0-based position.</param>
    /// <param name="name">The argument's name.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ValidationException">When the argument is absent or not a number.</exception>
    public double Number(int position, string name) =>
        Find(position, name) is { } text ? ToNumber(position, name, text) : throw Missing(position, name, new ProblemText("Args_ANumber"));

    /// <summary>Reads a text argument (a unit code, a word), or the default when it is absent.</summary>
    /// <param name="position">The 0-based position.</param>
    /// <param name="name">The argument's name.</param>
    /// <param name="defaultValue">The value when absent.</param>
    /// <returns>The text, trimmed.</returns>
    public string? Text(int position, string name, string? defaultValue) => Find(position, name) ?? defaultValue;

    /// <summary>Reads a required text argument.</summary>
    /// <param name="position">The 0-based position.</param>
    /// <param name="name">The argument's name.</param>
    /// <returns>The text, trimmed.</returns>
    /// <exception cref="ValidationException">When the argument is absent.</exception>
    public string Text(int position, string name) => Find(position, name) ?? throw Missing(position, name, new ProblemText("Args_AValue"));

    /// <summary>
    /// True when the flag word appears among the positional arguments (for example <c>cap</c>), or is given as
    /// <c>word=true</c>; the word is then taken out of the positional arguments (call it before reading by position).
    /// </summary>
    /// <param name="word">The word.</param>
    /// <returns>True when present.</returns>
    public bool Flag(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        _known.Add(word);
        var removed = _positional.RemoveAll(p => string.Equals(p, word, StringComparison.OrdinalIgnoreCase));
        return removed > 0 || Call.Named.Any(kv => kv.Key == word && kv.Value is "true" or "yes" or "1");
    }

    /// <summary>Throws when an argument was given that no read asked for: an unknown key or an extra positional argument.</summary>
    /// <exception cref="ValidationException">When there is such an argument.</exception>
    public void EnsureAllRead()
    {
        foreach (var (k, v) in Call.Named)
        {
            if (!_known.Contains(k))
            {
                throw Fail(new ProblemText("Args_Unknown", Call.Name, k, v), ProblemText.Verbatim(string.Join(", ", _known.Order(StringComparer.Ordinal))), ProblemText.Verbatim(k));
            }
        }

        var extra = _positional.Skip(_positionsRead).ToArray();
        if (extra.Length > 0)
        {
            var n = _positionsRead == 0 ? new ProblemText("Args_None")
                : new ProblemText(_positionsRead == 1 ? "Args_AtMostOne" : "Args_AtMost", _positionsRead.ToString(CultureInfo.InvariantCulture));
            throw Fail(new ProblemText("Args_Takes", Call.Name, n, string.Join(",", Call.Positional)), n, ProblemText.Verbatim(string.Join(",", Call.Positional)));
        }
    }

    /// <summary>A validation exception about this call (for a factory's own checks, such as a range).</summary>
    /// <param name="message">The message; it should start with the method's name.</param>
    /// <param name="expected">What was expected.</param>
    /// <param name="found">What was found.</param>
    /// <returns>The exception, to throw.</returns>
    public ValidationException Fail(string message, string expected, string found) =>
        new("method '" + Call + "'", ValidationReport.Of([new ValidationProblem(ProblemCode.InvalidParameter, message) { Expected = expected, Found = found }]));

    /// <summary>A validation exception about this call, its texts as resource texts (rendered in any language).</summary>
    internal ValidationException Fail(ProblemText message, ProblemText expected, ProblemText found) =>
        new("method '" + Call + "'", ValidationReport.Of([new ValidationProblem(ProblemCode.InvalidParameter, message) { ExpectedText = expected, FoundText = found }]));

    private string? Find(int position, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _known.Add(name);
        _positionsRead = Math.Max(_positionsRead, position + 1);
        foreach (var (k, v) in Call.Named)
        {
            if (k == name)
            {
                return v;
            }
        }

        return position >= 0 && position < _positional.Count ? _positional[position] : null;
    }

    private double ToNumber(int position, string name, string text)
    {
        var t = text.ToLowerInvariant() switch
        {
            "inf" or "+inf" or "infinity" or "+infinity" => "Infinity",
            "-inf" or "-infinity" => "-Infinity",
            "nan" => "NaN",
            _ => text,
        };
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
        {
            return x;
        }

        throw Fail(new ProblemText("Args_NotANumber", Call.Name, Where(position, name), text), new ProblemText("Args_ANumber"), ProblemText.Verbatim(text));
    }

    private ValidationException Missing(int position, string name, ProblemText what) =>
        Fail(new ProblemText("Args_Missing", Call.Name, Where(position, name), what), what, new ProblemText("Found_Nothing"));

    private static string Where(int position, string name) => (position + 1).ToString(CultureInfo.InvariantCulture) + " (" + name + ")";
}
