namespace ProvinceIct.Indicators.Geography;

/// <summary>Which set of Vietnam's provincial-level units a code or name refers to.</summary>
public enum ProvinceGeography
{
    /// <summary>The 63 provinces and centrally-run cities, 2004 to 30 June 2025 (GSO codes 01 to 96).</summary>
    Provinces2016,

    /// <summary>
    /// The 34 provinces and centrally-run cities from 1 July 2025 (National Assembly resolution 202/2025/QH15),
    /// each formed from one to three of the 63 earlier units.
    /// </summary>
    Provinces2025,
}
