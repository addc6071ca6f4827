namespace ProvinceIct.Indicators.Errors;

/// <summary>
/// Base of every exception the library throws for bad input or an impossible calculation.
/// Each carries a stable <see cref="Code"/>; subclasses carry the offending values as properties.
/// Programming errors (a null argument, an index out of range) use the BCL's argument exceptions instead.
/// </summary>
public abstract class IndicatorException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The stable problem code.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected IndicatorException(ProblemCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Data["ErrorCode"] = code.ToString();
    }

    /// <summary>The stable problem code.</summary>
    public ProblemCode Code { get; }
}
