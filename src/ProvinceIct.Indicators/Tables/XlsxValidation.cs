namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// An Excel data validation rule on a range of one column: a whole number or a decimal number between
/// <see cref="Minimum"/> and <see cref="Maximum"/> (an infinite bound is open: <c>greaterThanOrEqual</c> or
/// <c>lessThanOrEqual</c>; both infinite still refuses text), blank cells allowed, with the message Excel shows when a
/// cell is selected (<see cref="PromptTitle"/>, <see cref="Prompt"/>) and the one it shows when a value is refused
/// (<see cref="ErrorTitle"/>, <see cref="Error"/>). Texts longer than Excel allows are cut with an ellipsis.
/// </summary>
/// <param name="Column">The 0-based column (A is 0).</param>
/// <param name="FirstRow">The first 1-based row.</param>
/// <param name="LastRow">The last 1-based row.</param>
internal sealed record XlsxValidation(int Column, int FirstRow, int LastRow)
{
    /// <summary>Excel's longest prompt and error title.</summary>
    public const int MaxTitle = 32;

    /// <summary>Excel's longest input message.</summary>
    public const int MaxPrompt = 255;

    /// <summary>Excel's longest error message.</summary>
    public const int MaxError = 225;

    /// <summary>The bound used for "any number" (both bounds infinite).</summary>
    public const double AnyNumber = 9.99e307;

    /// <summary>True for Excel's <c>whole</c> rule, false for <c>decimal</c>.</summary>
    public bool WholeNumber { get; init; }

    /// <summary>The lowest valid value, or negative infinity.</summary>
    public double Minimum { get; init; } = double.NegativeInfinity;

    /// <summary>The highest valid value, or positive infinity.</summary>
    public double Maximum { get; init; } = double.PositiveInfinity;

    /// <summary>The title of the message shown on selection.</summary>
    public string PromptTitle { get; init; } = string.Empty;

    /// <summary>The message shown on selection.</summary>
    public string Prompt { get; init; } = string.Empty;

    /// <summary>The title of the message shown when a value is refused.</summary>
    public string ErrorTitle { get; init; } = string.Empty;

    /// <summary>The message shown when a value is refused.</summary>
    public string Error { get; init; } = string.Empty;
}
