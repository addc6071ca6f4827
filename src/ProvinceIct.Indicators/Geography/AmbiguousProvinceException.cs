using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Geography;

/// <summary>
/// The text is a name, spelling or code of more than one unit of the geography, so it cannot be resolved
/// without a guess. <see cref="ProvinceMatchException.Candidates"/> lists every unit it names, in GSO code order.
/// </summary>
public sealed class AmbiguousProvinceException : ProvinceMatchException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="text">The text that was matched.</param>
    /// <param name="geography">The geography it was matched in.</param>
    /// <param name="candidates">Every unit the text names (at least two).</param>
    public AmbiguousProvinceException(string message, string text, ProvinceGeography geography, IEnumerable<Province> candidates)
        : base(message, text, geography, candidates)
    {
    }

    /// <summary>Creates the exception with a message kept as a resource text.</summary>
    internal AmbiguousProvinceException(ProblemText message, string text, ProvinceGeography geography, IEnumerable<Province> candidates)
        : base(message, text, geography, candidates)
    {
    }
}
