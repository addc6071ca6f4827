namespace ProvinceIct.Indicators.Reporting;

/// <summary>A linear axis with "nice" ticks (steps of 1, 2, 2.5 or 5 times a power of ten) covering a data range.</summary>
internal sealed class Axis
{
    private Axis(double lo, double hi, IReadOnlyList<double> ticks)
    {
        Min = lo;
        Max = hi;
        Ticks = ticks;
    }

    public double Min { get; }

    public double Max { get; }

    /// <summary>Ticks from <see cref="Min"/> to <see cref="Max"/> inclusive.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>A rank axis from 1 to n: ticks at 1, at multiples of a nice step, and at n.</summary>
    public static Axis Ranks(int n)
    {
        n = Math.Max(2, n);
        var step = Covering(0, n, 8).Step();
        var ticks = new List<double> { 1 };
        for (var k = step; k < n - (step / 3); k += step)
        {
            ticks.Add(k);
        }

        ticks.Add(n);
        return new Axis(1, n, ticks);
    }

    private double Step() => Ticks.Count > 1 ? Ticks[1] - Ticks[0] : 1;

    /// <summary>An axis covering [lo, hi] (NaN or infinite bounds ignored; an empty or zero-width range becomes [lo, lo + 1]).</summary>
    public static Axis Covering(double lo, double hi, int targetTicks = 5)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi))
        {
            (lo, hi) = (0, 1);
        }

        if (hi <= lo)
        {
            hi = lo + 1;
        }

        var raw = (hi - lo) / Math.Max(1, targetTicks);
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * mag).First(s => s >= raw - 1e-12);
        var min = Math.Floor((lo / step) + 1e-9) * step;
        var max = Math.Ceiling((hi / step) - 1e-9) * step;
        var count = (int)Math.Round((max - min) / step);
        return new Axis(min, max, [.. Enumerable.Range(0, count + 1).Select(i => min + (i * step))]);
    }

    /// <summary>Maps a value to a pixel position between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public double Map(double value, double from, double to) => from + ((value - Min) / (Max - Min) * (to - from));
}
