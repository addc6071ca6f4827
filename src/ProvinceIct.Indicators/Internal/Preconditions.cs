using System.Runtime.CompilerServices;

namespace ProvinceIct.Indicators.Internal;

/// <summary>Argument checks that throw BCL exceptions with the parameter name and a fixed, invariant message.</summary>
internal static class Preconditions
{
    /// <summary>
    /// The key of <see cref="Exception.Data"/> under which each check stores what it expected, in words (for example
    /// "a finite number above zero"): readers that turn an argument exception into a located problem use it, together
    /// with <see cref="ArgumentException.ParamName"/> and <see cref="ArgumentOutOfRangeException.ActualValue"/>, instead
    /// of parsing the message.
    /// </summary>
    public const string ExpectedKey = "Expected";

    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
        => value ?? throw new ArgumentNullException(name);

    public static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Expecting(new ArgumentException("Value must not be empty or white space.", name), "a non-blank text");
        }

        return value;
    }

    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw Expecting(new ArgumentOutOfRangeException(name, value, "Value must be a finite number."), "a finite number");
        }

        return value;
    }

    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw Expecting(new ArgumentOutOfRangeException(name, value, "Value must be a finite number greater than or equal to zero."), "a finite number at or above zero");
        }

        return value;
    }

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw Expecting(new ArgumentOutOfRangeException(name, value, "Value must be a finite number greater than zero."), "a finite number above zero");
        }

        return value;
    }

    public static double InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value >= min && value <= max))
        {
            throw Expecting(new ArgumentOutOfRangeException(name, value, "Value is outside its allowed range."), "a number in [" + Text(min) + ", " + Text(max) + "]");
        }

        return value;
    }

    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 0)
        {
            throw Expecting(new ArgumentOutOfRangeException(name, value, "Value must be greater than or equal to zero."), "a whole number at or above zero");
        }

        return value;
    }

    public static void Range(double lower, double upper, [CallerArgumentExpression(nameof(lower))] string? lowerName = null)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || !(lower < upper))
        {
            throw Expecting(new ArgumentOutOfRangeException(lowerName, lower, "The lower bound must be finite and strictly below the finite upper bound."), "finite and below the finite upper bound (" + Text(upper) + ")");
        }
    }

    public static void SameLength(int expected, int actual, string name)
    {
        if (expected != actual)
        {
            throw new ArgumentException("Length does not match the expected length.", name);
        }
    }

    private static T Expecting<T>(T exception, string expected)
        where T : Exception
    {
        exception.Data[ExpectedKey] = expected;
        return exception;
    }

    private static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
