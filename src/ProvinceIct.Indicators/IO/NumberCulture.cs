namespace ProvinceIct.Indicators.IO;

/// <summary>
/// How numbers written as text are read: an explicit policy, never guessed from the text. The same text can mean
/// different numbers under different policies (<c>3.339</c> is three point three three nine under
/// <see cref="Invariant"/> and three thousand three hundred and thirty-nine under <see cref="Vietnamese"/>), so
/// readers take the policy as an option and report text that does not fit it instead of trying another one.
/// See <see cref="NumberText"/> for the exact grammar of each policy.
/// </summary>
public enum NumberCulture
{
    /// <summary>
    /// The invariant culture (the default): '.' is the decimal point, there is no thousands separator, an exponent is
    /// allowed (<c>1e3</c>), no percent sign. <c>3.339</c> = 3.339; <c>3,339</c> is malformed.
    /// </summary>
    Invariant = 0,

    /// <summary>
    /// Vietnamese writing: ',' is the decimal comma and '.' groups thousands (groups of exactly three digits after a
    /// first group of one to three digits). <c>3.339</c> = 3339, <c>15,875</c> = 15.875, <c>1.234.567,8</c> = 1234567.8;
    /// a trailing <c>%</c> is allowed and dropped (<c>92,3%</c> = 92.3, a value on the percent scale). No exponent.
    /// Text that fits neither reading with certainty (a '.' group of other than three digits such as <c>1.5</c>, a
    /// grouped number starting with 0 such as <c>0.500</c>, a '.' after the decimal comma) is malformed.
    /// </summary>
    Vietnamese = 1,
}
