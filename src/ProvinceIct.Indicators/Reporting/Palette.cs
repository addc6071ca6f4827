using System.Globalization;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// Colour-blind-safe colours for charts: the Okabe-Ito qualitative palette (Okabe and Ito 2008) for categories and
/// viridis (matplotlib, 9 samples, linear interpolation in sRGB) as the sequential scale; plus the fixed greys.
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

    public static string CategoricalAt(int i) => Categorical[i % Categorical.Length];

    /// <summary>The viridis colour at t in [0, 1] (clamped; NaN gives the missing grey).</summary>
    public static string ViridisAt(double t)
    {
        if (double.IsNaN(t))
        {
            return Missing;
        }

        t = Math.Clamp(t, 0, 1) * (Viridis.Length - 1);
        var i = Math.Min((int)Math.Floor(t), Viridis.Length - 2);
        var f = t - i;
        var (r0, g0, b0) = Viridis[i];
        var (r1, g1, b1) = Viridis[i + 1];
        return Hex(r0 + ((r1 - r0) * f), g0 + ((g1 - g0) * f), b0 + ((b1 - b0) * f));
    }

    /// <summary>Text colour readable on the viridis colour at t: white on the dark end, near-black on the light end.</summary>
    public static string TextOnViridis(double t) => double.IsNaN(t) || t > 0.55 ? Ink : "#FFFFFF";

    private static string Hex(double r, double g, double b) =>
        "#" + Byte(r) + Byte(g) + Byte(b);

    private static string Byte(double v) => ((int)Math.Round(v)).ToString("X2", CultureInfo.InvariantCulture);
}
