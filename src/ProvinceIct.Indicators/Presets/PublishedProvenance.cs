namespace ProvinceIct.Indicators.Presets;

/// <summary>How a row of <see cref="PublishedResults"/> came to be known.</summary>
public enum PublishedProvenance
{
    /// <summary>The figures were published for that edition by the source named in the row.</summary>
    Published = 0,

    /// <summary>
    /// Not published for that edition: derived from a later report, as its note says (Bình Phước 2011, 49th, follows
    /// from the 2012 report "13th, up 36 places"). Nothing is estimated; the arithmetic is the reporter's.
    /// </summary>
    Derived = 1,
}
