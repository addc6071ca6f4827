namespace ProvinceIct.Indicators.Geography;

/// <summary>The administrative type of a provincial-level unit.</summary>
public enum ProvinceUnitType
{
    /// <summary>A province (<c>tỉnh</c>).</summary>
    Province,

    /// <summary>A centrally-run city (<c>thành phố trực thuộc trung ương</c>), for example Hà Nội.</summary>
    Municipality,
}
