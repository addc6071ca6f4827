using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Presets;

public class ItuIdi2017Tests
{
    private static readonly string[] Codes =
    [
        "fixed_tel_per100", "mobile_cellular_per100", "intl_bandwidth_bps_per_user", "households_computer_pct", "households_internet_pct",
        "internet_users_pct", "fixed_broadband_per100", "mobile_broadband_per100",
        "mean_years_schooling", "gross_secondary_enrolment", "gross_tertiary_enrolment",
    ];

    private static Dataset Data(params double[][] rows) => Dataset.Create(
        rows.Select((_, i) => Unit.Create("C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Country " + i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        Codes,
        To2D(rows));

    private static double[,] To2D(double[][] rows)
    {
        var m = new double[rows.Length, Codes.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < Codes.Length; j++)
            {
                m[i, j] = rows[i][j];
            }
        }

        return m;
    }

    // Made-up country "Ruritania":
    //   access: fixed telephone 30 / 60 = 0.5 -> 5; mobile 150 / 120 = 1.25, capped 1 -> 10;
    //           bandwidth 100,000 bit/s: log10 = 5, 5 / log10(2,158,212) = 5 / 6.3340941 = 0.7893789 -> 7.893789;
    //           households with computer 40 / 100 -> 4; with Internet 50 / 100 -> 5
    //           access = (5 + 10 + 7.893789 + 4 + 5) / 5 = 31.893789 / 5 = 6.3787577
    //   use:    Internet users 60 -> 6; fixed broadband 15 / 60 = 0.25 -> 2.5; mobile broadband 80 / 100 -> 8
    //           use = (6 + 2.5 + 8) / 3 = 5.5
    //   skills: schooling 9 / 15 = 0.6 -> 6; secondary 90 -> 9; tertiary 30 -> 3; skills = 18 / 3 = 6
    //   IDI = 0.4 * 6.3787577 + 0.4 * 5.5 + 0.2 * 6 = 2.5515031 + 2.2 + 1.2 = 5.9515031
    private static readonly double[] Ruritania = [30, 150, 100_000, 40, 50, 60, 15, 80, 9, 90, 30];

    // Every indicator at (or above) its reference value: every normalised value is 10, so IDI = 10.
    private static readonly double[] Saturated = [60, 130, 2_158_212, 100, 100, 100, 60, 100, 15, 110, 100];

    [Fact]
    public void Compute_HandComputedCountry_MatchesArithmetic()
    {
        var r = IndexCalculator.Compute(PresetCatalog.Get("itu-idi-2017"), Data(Ruritania, Saturated));
        var bandwidth = 10 * 5 / Math.Log10(2_158_212);
        AssertNumeric.Close(7.893788628223085, bandwidth, 1e-15);
        AssertNumeric.Close(7.893789, r.Score("C0", "intl_bandwidth_bps_per_user"), 1e-6);
        AssertNumeric.Close((5 + 10 + bandwidth + 4 + 5) / 5, r.Score("C0", "access"), 1e-12);
        AssertNumeric.Close(6.3787577, r.Score("C0", "access"), 1e-7);
        AssertNumeric.Close(5.5, r.Score("C0", "use"), 1e-12);
        AssertNumeric.Close(6, r.Score("C0", "skills"), 1e-12);
        AssertNumeric.Close(5.9515031, r.Score("C0"), 1e-7);
        AssertNumeric.Close((0.4 * ((5 + 10 + bandwidth + 4 + 5) / 5)) + (0.4 * 5.5) + (0.2 * 6), r.Score("C0"), 1e-12);
        AssertNumeric.Close(10, r.Score("C1"), 1e-12);
        Assert.Equal(2, r.Rank("C0"));
        Assert.Equal(1, r.Rank("C1"));
    }

    [Fact]
    public void Compute_MissingIndicator_LeavesSubIndexAndIdiMissing()
    {
        var partial = (double[])Ruritania.Clone();
        partial[9] = double.NaN; // secondary enrolment
        // A second, complete country keeps something to rank (a result in which no unit has an index score is an error).
        var r = IndexCalculator.Compute(PresetCatalog.Get("itu-idi-2017"), Data(partial, Ruritania));
        Assert.True(double.IsNaN(r.Score("C0", "skills")));
        Assert.True(double.IsNaN(r.Score("C0")));
        AssertNumeric.Close(5.5, r.Score("C0", "use"), 1e-12);
        Assert.False(double.IsNaN(r.Score("C1")));
    }

    [Fact]
    public void Compute_ZeroBandwidth_ThrowsNamingIndicator()
    {
        var bad = (double[])Ruritania.Clone();
        bad[2] = 0;
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(PresetCatalog.Get("itu-idi-2017"), Data(bad)));
        Assert.Equal("intl_bandwidth_bps_per_user", ex.NodeCode);
    }
}
