using System.Diagnostics.CodeAnalysis;
using System.Globalization;

using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// Reads numbers written as text under an explicit <see cref="NumberCulture"/>. Leading and trailing white space is
/// ignored. Nothing is guessed: text that does not fit the policy is rejected with a reason, never read under another
/// policy. Missing-value marks (empty, <c>NA</c>...) are not numbers here; the CSV readers handle them before calling
/// this class.
/// </summary>
public static class NumberText
{
    /// <summary>Describes the numbers a policy accepts, for the <c>Expected</c> field of a problem.</summary>
    /// <param name="culture">The policy.</param>
    /// <returns>The invariant description.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="culture"/> is not a defined value.</exception>
    public static string Describe(NumberCulture culture) => culture switch
    {
        NumberCulture.Invariant => "a number (invariant culture: '.' decimal point, no thousands separator)",
        NumberCulture.Vietnamese => "a number written the Vietnamese way (',' decimal comma, '.' between groups of three digits, optional trailing %)",
        _ => throw new ArgumentOutOfRangeException(nameof(culture), culture, "Unknown number culture."),
    };

    /// <summary>The words of <see cref="Describe"/> as a resource text, rendered in any language.</summary>
    internal static ProblemText DescribeText(NumberCulture culture) => culture switch
    {
        NumberCulture.Invariant => new ProblemText("Number_Invariant"),
        NumberCulture.Vietnamese => new ProblemText("Number_Vietnamese"),
        _ => throw new ArgumentOutOfRangeException(nameof(culture), culture, "Unknown number culture."),
    };

    /// <summary>The reasons <see cref="TryParse(string?, NumberCulture, out double, out string?)"/> gives, by resource key, so that a message can state them in any language.</summary>
    private static readonly (string Key, string English)[] Reasons =
    [
        ("Reason_Empty", "the text is empty"),
        ("Reason_InvariantComma", "a ',' is not allowed under the invariant culture (read the file with NumberCulture.Vietnamese if ',' is a decimal comma)"),
        ("Reason_NotInvariant", "the text is not a number under the invariant culture"),
        ("Reason_NoDigits", "there are no digits"),
        ("Reason_TwoCommas", "there is more than one decimal comma"),
        ("Reason_NoDigitsAfterComma", "there are no digits after the decimal comma"),
        ("Reason_DotAfterComma", "a '.' follows the decimal comma (English-style number?)"),
        ("Reason_NoDigitsBeforeComma", "there are no digits before the decimal comma"),
        ("Reason_Thousands", "'.' separates thousands, so it must be followed by exactly three digits and preceded by one to three"),
        ("Reason_LeadingZero", "a grouped number cannot start with 0 (a decimal point written as '.'?)"),
        ("Reason_TooLarge", "the number is too large"),
    ];

    /// <summary>A reason given by <see cref="TryParse(string?, NumberCulture, out double, out string?)"/> as a resource text (a reason it does not give stays as given).</summary>
    internal static ProblemText ReasonText(string reason)
    {
        foreach (var (key, english) in Reasons)
        {
            if (reason == english)
            {
                return new ProblemText(key);
            }
        }

        const string NotADigit = "' is not a digit, '.' (thousands) or ',' (decimal comma)";
        return reason.Length == 2 + NotADigit.Length && reason[0] == '\'' && reason.EndsWith(NotADigit, StringComparison.Ordinal)
            ? new ProblemText("Reason_NotADigit", reason[1])
            : ProblemText.Verbatim(reason);
    }

    /// <summary>Reads a number under a policy.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="culture">The policy.</param>
    /// <param name="value">The number, or NaN when the text is not one.</param>
    /// <returns>True when the text is a number under the policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="culture"/> is not a defined value.</exception>
    public static bool TryParse(string? text, NumberCulture culture, out double value) => TryParse(text, culture, out value, out _);

    /// <summary>Reads a number under a policy and, when the text is not one, says why.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="culture">The policy.</param>
    /// <param name="value">The number, or NaN when the text is not one.</param>
    /// <param name="reason">Why the text is not a number under the policy (invariant English), or null on success.</param>
    /// <returns>True when the text is a number under the policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="culture"/> is not a defined value.</exception>
    public static bool TryParse(string? text, NumberCulture culture, out double value, [NotNullWhen(false)] out string? reason)
    {
        value = double.NaN;
        if (culture is not (NumberCulture.Invariant or NumberCulture.Vietnamese))
        {
            throw new ArgumentOutOfRangeException(nameof(culture), culture, "Unknown number culture.");
        }

        var s = text?.Trim() ?? string.Empty;
        if (s.Length == 0)
        {
            reason = "the text is empty";
            return false;
        }

        if (culture == NumberCulture.Invariant)
        {
            // The exact fast path first (plain decimals); it declines anything else, which the framework's parser decides.
            if (Internal.DecimalFastPath.TryParseExtended(s, out value) || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                reason = null;
                return true;
            }

            value = double.NaN;
            reason = s.Contains(',', StringComparison.Ordinal)
                ? "a ',' is not allowed under the invariant culture (read the file with NumberCulture.Vietnamese if ',' is a decimal comma)"
                : "the text is not a number under the invariant culture";
            return false;
        }

        return TryParseVietnamese(s, out value, out reason);
    }

    /// <summary>Reads a number under a policy, throwing when the text is not one.</summary>
    /// <param name="text">The text.</param>
    /// <param name="culture">The policy.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">When the text is not a number under the policy; the message gives the reason.</exception>
    public static double Parse(string text, NumberCulture culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, culture, out var value, out var reason)
            ? value
            : throw new FormatException("'" + text + "' is not " + Describe(culture) + ": " + reason + ".");
    }

    // Grammar: [+|-] integer [',' digits] [ws] ['%'], where integer is digits without '.', or 1-3 digits (not starting
    // with 0) followed by one or more '.ddd' groups.
    private static bool TryParseVietnamese(string s, out double value, [NotNullWhen(false)] out string? reason)
    {
        value = double.NaN;
        var body = s;
        if (body.EndsWith('%'))
        {
            body = body[..^1].TrimEnd();
        }

        var sign = string.Empty;
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            sign = body[0] == '-' ? "-" : string.Empty;
            body = body[1..];
        }

        if (body.Length == 0)
        {
            reason = "there are no digits";
            return false;
        }

        foreach (var c in body)
        {
            if (!char.IsAsciiDigit(c) && c is not ('.' or ','))
            {
                reason = "'" + c + "' is not a digit, '.' (thousands) or ',' (decimal comma)";
                return false;
            }
        }

        var comma = body.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0 && body.IndexOf(',', comma + 1) >= 0)
        {
            reason = "there is more than one decimal comma";
            return false;
        }

        var integer = comma >= 0 ? body[..comma] : body;
        var fraction = comma >= 0 ? body[(comma + 1)..] : string.Empty;
        if (comma >= 0 && fraction.Length == 0)
        {
            reason = "there are no digits after the decimal comma";
            return false;
        }

        if (fraction.Contains('.', StringComparison.Ordinal))
        {
            reason = "a '.' follows the decimal comma (English-style number?)";
            return false;
        }

        if (integer.Length == 0)
        {
            reason = "there are no digits before the decimal comma";
            return false;
        }

        if (integer.Contains('.', StringComparison.Ordinal))
        {
            var groups = integer.Split('.');
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                reason = "'.' separates thousands, so it must be followed by exactly three digits and preceded by one to three";
                return false;
            }

            if (groups[0][0] == '0')
            {
                reason = "a grouped number cannot start with 0 (a decimal point written as '.'?)";
                return false;
            }

            integer = string.Concat(groups);
        }

        var invariant = sign + integer + (fraction.Length > 0 ? "." + fraction : string.Empty);
        if (!double.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            value = double.NaN;
            reason = "the number is too large";
            return false;
        }

        reason = null;
        return true;
    }
}
