namespace ProvinceIct.Indicators.Presets;

/// <summary>Whose figure a row of <see cref="PublishedResults.For(Geography.Province)"/> is, relative to the unit asked for.</summary>
public enum PublishedRelation
{
    /// <summary>The unit's own figure (or that of the same territory under the other geography: a 2025 unit formed from exactly this one 2016 province).</summary>
    Own = 0,

    /// <summary>The figure of the 2025 unit the 2016 province was merged into: the successor's, never the province's own.</summary>
    Successor = 1,

    /// <summary>The figure of one of the 2016 provinces a 2025 unit was formed from: the predecessor's, never the unit's own.</summary>
    Predecessor = 2,
}
