using System.Globalization;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>How many children of an aggregate a unit had, when it had fewer than all.</summary>
/// <param name="UnitCode">The unit.</param>
/// <param name="Present">The number of children present.</param>
/// <param name="Total">The number of children of the node.</param>
/// <param name="Scored">Whether the unit still got a score at the node (false: below the availability threshold, or no weighted child present).</param>
public readonly record struct UnitAvailability(string UnitCode, int Present, int Total, bool Scored)
{
    /// <summary>Formats as <c>unit 2/3</c> (with <c>, not scored</c> when it applies).</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        UnitCode + " " + Present.ToString(CultureInfo.InvariantCulture) + "/" + Total.ToString(CultureInfo.InvariantCulture) + (Scored ? string.Empty : ", not scored");
}
