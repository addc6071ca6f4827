using System.Globalization;

using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Errors;

/// <summary>
/// The checks of method parameters (normalisers, aggregators, and every other method read by name): each throws a
/// <see cref="ValidationException"/> with <see cref="ProblemCode.InvalidParameter"/> naming the method, the parameter,
/// what was expected and what was found, so that a factory, the registry, JSON and the CLI report the same problem.
/// A null argument stays an <see cref="ArgumentNullException"/> (a programming error, not a user's).
/// </summary>
internal static class ParameterCheck
{
    /// <summary>A finite number.</summary>
    public static double Finite(string method, string parameter, double value) =>
        double.IsFinite(value) ? value : throw ValidationException.InvalidParameter(method, parameter, new ProblemText("Param_Finite"), ProblemText.Verbatim(Text(value)));

    /// <summary>A finite number above zero.</summary>
    public static double Positive(string method, string parameter, double value) =>
        double.IsFinite(value) && value > 0 ? value : throw ValidationException.InvalidParameter(method, parameter, new ProblemText("Param_Positive"), ProblemText.Verbatim(Text(value)));

    /// <summary>A finite number at or above zero.</summary>
    public static double NonNegative(string method, string parameter, double value) =>
        double.IsFinite(value) && value >= 0 ? value : throw ValidationException.InvalidParameter(method, parameter, new ProblemText("Param_NonNegative"), ProblemText.Verbatim(Text(value)));

    /// <summary>A number in [min, max].</summary>
    public static double InRange(string method, string parameter, double value, double min, double max) =>
        value >= min && value <= max ? value
            : throw ValidationException.InvalidParameter(method, parameter, new ProblemText("Param_InRange", Text(min), Text(max)), ProblemText.Verbatim(Text(value)));

    /// <summary>An output range [lower, upper]: both finite, lower strictly below upper.</summary>
    public static void Range(string method, double lower, double upper)
    {
        if (double.IsFinite(lower) && double.IsFinite(upper) && lower < upper)
        {
            return;
        }

        var parameter = !double.IsFinite(lower) ? "lower" : !double.IsFinite(upper) ? "upper" : "lower, upper";
        var found = "lower = " + Text(lower) + ", upper = " + Text(upper);
        throw ValidationException.InvalidParameter(parameter,
            new ProblemText("Param_OutputRange", method, found), new ProblemText("Param_FiniteLowerUpper"), ProblemText.Verbatim(found));
    }

    /// <summary>A text that is not empty or white space (null is a programming error).</summary>
    public static string NotBlank(string method, string parameter, string? value)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        return string.IsNullOrWhiteSpace(value) ? throw ValidationException.InvalidParameter(method, parameter, new ProblemText("Param_NonBlank"), ProblemText.Verbatim("'" + value + "'")) : value;
    }

    /// <summary>A number as method text shows it: invariant, round-trip.</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
