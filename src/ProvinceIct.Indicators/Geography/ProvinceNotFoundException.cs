using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Geography;

/// <summary>
/// No unit of the geography has this name or code. <see cref="ProvinceMatchException.Candidates"/> lists the
/// closest units by edit distance on the folded name. When the text names a 2016 unit that no longer exists in
/// the 2025 geography, <see cref="FormerProvince"/> is that unit and the only candidate is its successor.
/// </summary>
public sealed class ProvinceNotFoundException : ProvinceMatchException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="text">The text that was matched.</param>
    /// <param name="geography">The geography it was matched in.</param>
    /// <param name="candidates">The closest units, best first.</param>
    /// <param name="formerProvince">The 2016 unit the text names, when it names one that no longer exists.</param>
    public ProvinceNotFoundException(string message, string text, ProvinceGeography geography, IEnumerable<Province> candidates, Province? formerProvince = null)
        : base(message, text, geography, candidates)
    {
        FormerProvince = formerProvince;
    }

    /// <summary>Creates the exception with a message kept as a resource text.</summary>
    internal ProvinceNotFoundException(ProblemText message, string text, ProvinceGeography geography, IEnumerable<Province> candidates, Province? formerProvince = null)
        : base(message, text, geography, candidates)
    {
        FormerProvince = formerProvince;
    }

    /// <summary>The 2016 unit the text names when it was merged away on 1 July 2025; otherwise null.</summary>
    public Province? FormerProvince { get; }
}
