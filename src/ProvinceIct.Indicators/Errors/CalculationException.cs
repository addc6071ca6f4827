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

    /// <summary>The node (indicator or aggregate) being computed.</summary>
    public string NodeCode { get; }

    /// <summary>The unit at fault, if one is.</summary>
    public string? UnitCode { get; }

    /// <summary>The child whose value is at fault, if any.</summary>
    public string? ChildCode { get; }

    /// <summary>The offending value, if any.</summary>
    public double? Value { get; }

    /// <summary>The same facts as a problem (code, message, node or child as the indicator, unit, value as found), for a result that reports the failure instead of throwing it.</summary>
    internal ValidationProblem ToProblem() => new(Code, Message)
    {
        IndicatorCode = ChildCode ?? NodeCode,
        UnitCode = UnitCode,
        Found = Value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
    };
}
