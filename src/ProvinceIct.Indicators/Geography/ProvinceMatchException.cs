using System.Collections.Immutable;
using ProvinceIct.Indicators.Errors;

namespace ProvinceIct.Indicators.Geography;

/// <summary>
/// A province name or code could not be resolved to exactly one unit. Catch this type to handle both
/// <see cref="ProvinceNotFoundException"/> (no unit, or a 2016 unit that no longer exists) and
/// <see cref="AmbiguousProvinceException"/> (several units). The code is <see cref="ProblemCode.UnknownValue"/>.
/// </summary>
public abstract class ProvinceMatchException : IndicatorException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message, naming the text and the candidates.</param>
    /// <param name="text">The text that was matched.</param>
    /// <param name="geography">The geography it was matched in.</param>
    /// <param name="candidates">The units to suggest, best first.</param>
    protected ProvinceMatchException(string message, string text, ProvinceGeography geography, IEnumerable<Province> candidates)
        : base(ProblemCode.UnknownValue, message)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        Text = text ?? string.Empty;
        Geography = geography;
        Candidates = [.. candidates];
    }

    /// <summary>The text that was matched, as given.</summary>
    public string Text { get; }

    /// <summary>The geography the text was matched in.</summary>
    public ProvinceGeography Geography { get; }

    /// <summary>The units to suggest, best first (may be empty).</summary>
    public ImmutableArray<Province> Candidates { get; }
}
