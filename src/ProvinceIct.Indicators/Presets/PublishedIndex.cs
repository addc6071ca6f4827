namespace ProvinceIct.Indicators.Presets;

/// <summary>The published index an edition of <see cref="PublishedResults"/> belongs to.</summary>
public enum PublishedIndex
{
    /// <summary>
    /// The Vietnam ICT Index (Vietnam ICT Index, Bộ Thông tin và Truyền thông): five components until 2015
    /// (<c>htkt, htnl, ud, sxkd, mt_tccs</c>), three from 2016 (<c>htkt, htnl, ud</c>). Ranks of the two systems are not
    /// compared.
    /// </summary>
    IctIndex = 0,

    /// <summary>The provincial Digital Transformation Index (DTI, Chỉ số chuyển đổi số), from 2020; 2024 in the 34 units of 2025.</summary>
    Dti = 1,
}
