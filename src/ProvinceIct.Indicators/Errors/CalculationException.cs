using System.Globalization;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Errors;

/// <summary>
/// A calculation met data it cannot compute on (for example a geometric mean meeting zero, or a min-max
/// normalisation of a constant column). Carries the unit, the node and, where it applies, the child and the value.
/// </summary>
public sealed class CalculationException : IndicatorException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The stable problem code.</param>
    /// <param name="message">The message, naming unit, node and value.</param>
    /// <param name="nodeCode">The node (indicator or aggregate) being computed.</param>
    /// <param name="unitCode">The unit, when one unit is at fault.</param>
    /// <param name="childCode">The child node, when a child's value is at fault.</param>
    /// <param name="value">The offending value, when there is one.</param>
    public CalculationException(ProblemCode code, string message, string nodeCode, string? unitCode = null, string? childCode = null, double? value = null)
        : base(code, message)
    {
        NodeCode = nodeCode;
        UnitCode = unitCode;
        ChildCode = childCode;
        Value = value;
    }

    /// <summary>Creates the exception with a message kept as a resource text: <see cref="Exception.Message"/> is its English, <see cref="MessageIn"/> renders it in other languages.</summary>
    internal CalculationException(ProblemCode code, ProblemText message, string nodeCode, string? unitCode = null, string? childCode = null, double? value = null)
        : this(code, message.Render(CultureInfo.InvariantCulture), nodeCode, unitCode, childCode, value)
    {
        MessageText = message;
    }

    /// <summary>The node (indicator or aggregate) being computed.</summary>
    public string NodeCode { get; }

    /// <summary>The unit at fault, if one is.</summary>
    public string? UnitCode { get; }

    /// <summary>The child whose value is at fault, if any.</summary>
    public string? ChildCode { get; }

    /// <summary>The offending value, if any.</summary>
    public double? Value { get; }

    /// <summary>The message as a resource text, or null when the exception was created with a plain message.</summary>
    internal ProblemText? MessageText { get; }

    /// <summary>The message as a resource text for wrapping in another message: <see cref="MessageText"/>, else the plain message as it is.</summary>
    internal ProblemText Text => MessageText ?? ProblemText.Verbatim(Message);

    /// <summary>
    /// The message in the language of <paramref name="culture"/>: Vietnamese for a Vietnamese culture, English
    /// (exactly <see cref="Exception.Message"/>) for null, the invariant culture and every language without a translation.
    /// Codes and numbers are written as in <see cref="Exception.Message"/>. A message given to the public constructor is
    /// returned as given.
    /// </summary>
    /// <param name="culture">The culture of the reader, or null for English.</param>
    /// <returns>The message.</returns>
    public string MessageIn(CultureInfo? culture) => MessageText is null || culture is null ? Message : MessageText.Render(culture);

    /// <summary>The same facts as a problem (code, message, node or child as the indicator, unit, value as found), for a result that reports the failure instead of throwing it.</summary>
    internal ValidationProblem ToProblem() => new(Code, Text)
    {
        IndicatorCode = ChildCode ?? NodeCode,
        UnitCode = UnitCode,
        Found = Value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
    };
}
