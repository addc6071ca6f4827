namespace ProvinceIct.Indicators.Tests.Support;

/// <summary>The one place numeric tolerances live.</summary>
internal static class AssertNumeric
{
    public static void Close(double expected, double actual, double relTol = 1e-12, string? what = null)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            return;
        }

        var scale = Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= relTol * scale, $"{what}: expected {expected:R}, got {actual:R} (rel. tol. {relTol:R})");
    }

    /// <summary>Purely relative closeness, for values far below 1 (1e-300) where <see cref="Close(double, double, double, string?)"/> is absolute.</summary>
    public static void Relative(double expected, double actual, double relTol = 1e-12, string? what = null) =>
        Assert.True(expected == actual || Math.Abs(expected - actual) <= relTol * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R} (rel. tol. {relTol:R})");

    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relTol = 1e-12)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Close(expected[i], actual[i], relTol, "[" + i + "]");
        }
    }
}
