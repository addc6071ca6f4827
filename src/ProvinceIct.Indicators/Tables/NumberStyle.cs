namespace ProvinceIct.Indicators.Tables;

/// <summary>How a <see cref="NumberFormat"/> rounds a number for readers.</summary>
public enum NumberStyle
{
    /// <summary>Exactly <see cref="NumberFormat.Digits"/> decimals (<c>0.00</c>).</summary>
    Fixed = 0,

    /// <summary>At most <see cref="NumberFormat.Digits"/> decimals, trailing zeros dropped (<c>0.##</c>).</summary>
    UpTo = 1,

    /// <summary><see cref="NumberFormat.Digits"/> significant digits, never an exponent; whole numbers keep every digit.</summary>
    Significant = 2,
}
