using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.MethodText;

/// <summary>
/// The text of a method: a lower-case name and its arguments, positional then <c>key=value</c>, for example
/// <c>minmax(0,100)</c>, <c>zscore(10,2)</c>, <c>rank</c>, <c>generalised-mean(0.5)</c> or <c>bod(lower=0.1)</c>. One
/// spelling everywhere: <see cref="ToString"/>, <see cref="Parse"/>, JSON <c>"method"</c> strings, the CLI and
/// uncertainty choices. Numbers are written culture-invariant and round-trip exactly (<c>"R"</c>). The old spellings
/// <c>minmax:1:100</c> and <c>minmax[0,100]</c> (also after parentheses, as <c>dist-to-ref(HN)[0,1]</c>) are read as
/// positional arguments appended in order. A call without arguments has no parentheses. An argument is plain text;
/// <see cref="MethodArguments"/> reads it as a number, a word or a unit code.
/// </summary>
public sealed record MethodCall
{
    private MethodCall(string name, ImmutableArray<string> positional, ImmutableArray<KeyValuePair<string, string>> named)
    {
        Name = name;
        Positional = positional;
        Named = named;
    }

    /// <summary>The method's name, lower case.</summary>
    public string Name { get; }

    /// <summary>The positional arguments, as text, in order.</summary>
    public ImmutableArray<string> Positional { get; }

    /// <summary>The <c>key=value</c> arguments, keys lower case, in the order given.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Named { get; }

    /// <summary>Creates a call without arguments.</summary>
    /// <param name="name">The method's name: letters, digits, '-', '_', '.', '+'; stored in lower case.</param>
    /// <returns>The call.</returns>
    /// <exception cref="ArgumentException">When the name is blank or has other characters.</exception>
    public static MethodCall Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.Trim().ToLowerInvariant();
        if (lower.Length == 0 || lower.Any(c => !IsNameChar(c)))
        {
            throw new ArgumentException($"'{name}' is not a method name: use letters, digits, '-', '_', '.' or '+'.", nameof(name));
        }

        return new MethodCall(lower, [], []);
    }

    /// <summary>Returns a copy with one more positional number (written invariant, round-trip).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The copy.</returns>
    public MethodCall With(double value) => With(Number(value));

    /// <summary>Returns a copy with one more positional argument.</summary>
    /// <param name="text">The text: no ',', '(', ')', '=' and not blank.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException">When the text cannot be written as an argument.</exception>
    public MethodCall With(string text) => new(Name, Positional.Add(CheckArgument(text)), Named);

    /// <summary>Returns a copy with one more <c>key=value</c> number.</summary>
    /// <param name="key">The key (a name).</param>
    /// <param name="value">The number.</param>
    /// <returns>The copy.</returns>
    public MethodCall With(string key, double value) => With(key, Number(value));

    /// <summary>Returns a copy with one more <c>key=value</c> argument.</summary>
    /// <param name="key">The key (a name, stored in lower case).</param>
    /// <param name="text">The value's text.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException">When the key or the text cannot be written.</exception>
    public MethodCall With(string key, string text) =>
        new(Name, Positional, Named.Add(new KeyValuePair<string, string>(Create(key).Name, CheckArgument(text))));

    /// <summary>Reads a method's text, or throws.</summary>
    /// <param name="text">The text, for example <c>minmax(0,100)</c>.</param>
    /// <returns>The call.</returns>
    /// <exception cref="ValidationException">When the text is not a method call; the problem names the column.</exception>
    public static MethodCall Parse(string text) => Read(text).GetValueOrThrow();

    /// <summary>
    /// Reads a method's text without throwing: the call, or a problem naming the column (1-based) where reading
    /// failed, what was expected and what was found.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="source">What the text is, for messages (default "method").</param>
    /// <returns>The result.</returns>
    public static ReadResult<MethodCall> Read(string text, string source = "method")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var reader = new Reader(text);
        var call = reader.ReadCall(out var problem);
        return call is null
            ? ReadResult<MethodCall>.ForFailure(ValidationReport.Of([problem!]), source)
            : ReadResult<MethodCall>.ForValue(call, source);
    }

    /// <summary>Formats a number as method text: invariant, round-trip (<c>"R"</c>); infinities as <c>Infinity</c>, <c>-Infinity</c>.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The canonical text: <c>name</c>, or <c>name(a,b,key=value)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (Positional.IsEmpty && Named.IsEmpty)
        {
            return Name;
        }

        var b = new StringBuilder(Name).Append('(');
        b.AppendJoin(',', Positional);
        foreach (var (k, v) in Named)
        {
            b.Append(b[^1] == '(' ? string.Empty : ",").Append(k).Append('=').Append(v);
        }

        return b.Append(')').ToString();
    }

    /// <summary>Equal when name and arguments (as text, in order) are equal.</summary>
    /// <param name="other">The other call.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(MethodCall? other) =>
        other is not null && Name == other.Name && Positional.SequenceEqual(other.Positional) && Named.SequenceEqual(other.Named);

    /// <summary>A hash of the canonical text.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    internal static bool IsNameChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or '+';

    private static string CheckArgument(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length == 0 || t.IndexOfAny([',', '(', ')', '=', '[', ']']) >= 0)
        {
            throw new ArgumentException($"'{text}' cannot be a method argument: it is blank or has one of , ( ) = [ ].", nameof(text));
        }

        return t;
    }

    private ref struct Reader(string text)
    {
        private readonly string _text = text;
        private int _at;

        public MethodCall? ReadCall(out ValidationProblem? problem)
        {
            problem = null;
            SkipSpace();
            var start = _at;
            while (_at < _text.Length && IsNameChar(_text[_at]))
            {
                _at++;
            }

            if (_at == start)
            {
                problem = Problem(start, new ProblemText("MethodText_ExpectedName"), Found(start));
                return null;
            }

            var name = _text[start.._at].ToLowerInvariant();
            var positional = ImmutableArray.CreateBuilder<string>();
            var named = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
            SkipSpace();
            if (Peek() == ':')
            {
                // Old CLI spelling: name:a:b.
                while (Peek() is ':' or ',')
                {
                    _at++;
                    if (!ReadArgument(':', positional, named, out problem))
                    {
                        return null;
                    }
                }
            }
            else
            {
                if (Peek() == '(' && !ReadList('(', ')', positional, named, out problem))
                {
                    return null;
                }

                SkipSpace();
                if (Peek() == '[' && !ReadList('[', ']', positional, named, out problem))
                {
                    return null;
                }
            }

            SkipSpace();
            if (_at < _text.Length)
            {
                problem = Problem(_at, new ProblemText("MethodText_ExpectedEndOrParen"), Found(_at));
                return null;
            }

            return new MethodCall(name, positional.ToImmutable(), named.ToImmutable());
        }

        private bool ReadList(char open, char close, ImmutableArray<string>.Builder positional, ImmutableArray<KeyValuePair<string, string>>.Builder named, out ValidationProblem? problem)
        {
            _at++;
            SkipSpace();
            if (Peek() == close)
            {
                _at++;
                problem = null;
                return true;
            }

            while (true)
            {
                if (!ReadArgument(close, positional, named, out problem))
                {
                    return false;
                }

                SkipSpace();
                var c = Peek();
                if (c == ',')
                {
                    _at++;
                    continue;
                }

                if (c == close)
                {
                    _at++;
                    return true;
                }

                problem = Problem(_at, new ProblemText("MethodText_ExpectedCommaOr", close), Found(_at));
                return false;
            }
        }

        private bool ReadArgument(char close, ImmutableArray<string>.Builder positional, ImmutableArray<KeyValuePair<string, string>>.Builder named, out ValidationProblem? problem)
        {
            problem = null;
            SkipSpace();
            var start = _at;
            var value = Token(close);
            if (value.Length == 0)
            {
                problem = Problem(start, new ProblemText("MethodText_ExpectedArgument"), Found(start));
                return false;
            }

            SkipSpace();
            if (Peek() == '=' && close != ':')
            {
                if (value.Any(ch => !IsNameChar(ch)))
                {
                    problem = Problem(start, new ProblemText("MethodText_ExpectedKey"), ProblemText.Verbatim("'" + value + "'"));
                    return false;
                }

                _at++;
                SkipSpace();
                var vstart = _at;
                var v = Token(close);
                if (v.Length == 0)
                {
                    problem = Problem(vstart, new ProblemText("MethodText_ExpectedValue"), Found(vstart));
                    return false;
                }

                named.Add(new KeyValuePair<string, string>(value.ToLowerInvariant(), v));
                return true;
            }

            positional.Add(value);
            return true;
        }

        private string Token(char close)
        {
            var start = _at;
            while (_at < _text.Length && _text[_at] is not (',' or '(' or ')' or '=' or '[' or ']') && _text[_at] != close)
            {
                _at++;
            }

            return _text[start.._at].Trim();
        }

        private readonly char Peek() => _at < _text.Length ? _text[_at] : '\0';

        private void SkipSpace()
        {
            while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
            {
                _at++;
            }
        }

        private readonly ProblemText Found(int at) => at >= _text.Length ? new ProblemText("Found_EndOfText") : ProblemText.Verbatim("'" + _text[at] + "'");

        private readonly ValidationProblem Problem(int at, ProblemText expected, ProblemText found) =>
            new(ProblemCode.MalformedInput, new ProblemText("MethodText_Malformed", _text, (at + 1).ToString(CultureInfo.InvariantCulture), expected, found))
            {
                Column = at + 1,
                ExpectedText = expected,
                FoundText = found,
            };
    }
}
