using System.Globalization;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// Colour-blind-safe colours for charts: the Okabe-Ito qualitative palette (Okabe and Ito 2008) for categories and
/// viridis (matplotlib, 9 samples, linear interpolation in sRGB) as the sequential scale; ColorBrewer's RdBu (9 classes,
/// red for -1, near-white for 0, blue for +1; listed by ColorBrewer as colour-blind safe) as the diverging scale for
/// correlations; plus the fixed greys.
/// </summary>
internal static class Palette
{
    /// <summary>Okabe-Ito, reordered so the first colours are the most distinct on white (yellow last but black).</summary>
    public static readonly string[] Categorical = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    public const string Ink = "#222222";
    public const string Muted = "#555555";
    public const string Grid = "#DDDDDD";
    public const string Missing = "#E5E5E5";
    public const string PlainBar = "#0072B2";
    public const string FontFamily = "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif";

    private static readonly (double R, double G, double B)[] Viridis =
    [
        (0x44, 0x01, 0x54), (0x47, 0x2D, 0x7B), (0x3B, 0x52, 0x8B), (0x2C, 0x72, 0x8E), (0x21, 0x91, 0x8C),
        (0x28, 0xAE, 0x80), (0x5E, 0xC9, 0x62), (0xAD, 0xDC, 0x30), (0xFD, 0xE7, 0x25),
    ];

    private static readonly (double R, double G, double B)[] RedBlue =
    [
        (0xB2, 0x18, 0x2B), (0xD6, 0x60, 0x4D), (0xF4, 0xA5, 0x82), (0xFD, 0xDB, 0xC7), (0xF7, 0xF7, 0xF7),
        (0xD1, 0xE5, 0xF0), (0x92, 0xC5, 0xDE), (0x43, 0x93, 0xC3), (0x21, 0x66, 0xAC),
    ];

    public static string CategoricalAt(int i) => Categorical[i % Categorical.Length];

    /// <summary>The viridis colour at t in [0, 1] (clamped; NaN gives the missing grey).</summary>
    public static string ViridisAt(double t)
    {
        if (double.IsNaN(t))
        {
            return Missing;
        }

        return Interpolate(Viridis, t);
    }

    /// <summary>The diverging colour of a value in [-1, 1] (clamped): red at -1, near-white at 0, blue at +1; NaN gives the missing grey.</summary>
    public static string DivergingAt(double value) => double.IsNaN(value) ? Missing : Interpolate(RedBlue, (Math.Clamp(value, -1, 1) + 1) / 2);

    /// <summary>Text colour readable on the diverging colour of a value: white on the dark ends (|value| above 0.6), near-black elsewhere.</summary>
    public static string TextOnDiverging(double value) => !double.IsNaN(value) && Math.Abs(value) > 0.6 ? "#FFFFFF" : Ink;

    /// <summary>Linear interpolation in sRGB between equally spaced anchors, t in [0, 1] (clamped).</summary>
    private static string Interpolate((double R, double G, double B)[] anchors, double t)
    {
        t = Math.Clamp(t, 0, 1) * (anchors.Length - 1);
        var i = Math.Min((int)Math.Floor(t), anchors.Length - 2);
        var f = t - i;
        var (r0, g0, b0) = anchors[i];
        var (r1, g1, b1) = anchors[i + 1];
        return Hex(r0 + ((r1 - r0) * f), g0 + ((g1 - g0) * f), b0 + ((b1 - b0) * f));
    }

    /// <summary>Text colour readable on the viridis colour at t: white on the dark end, near-black on the light end.</summary>
    public static string TextOnViridis(double t) => double.IsNaN(t) || t > 0.55 ? Ink : "#FFFFFF";

    private static string Hex(double r, double g, double b) =>
        "#" + Byte(r) + Byte(g) + Byte(b);

    private static string Byte(double v) => ((int)Math.Round(v)).ToString("X2", CultureInfo.InvariantCulture);
}
