using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class LeaveOneOutTests
{
    [Fact]
    public void Compute_Tiny_MatchesHandShifts()
    {
        // Nominal index: A 50/3 (3rd), B 50 (2nd), C 250/3 (1st).
        // Without i1: P1 = i2 = 100, 50, 0; index A = 200/3 (1st), B = 50 (2nd), C = 100/3 (3rd): shifts +2, 0, -2.
        // Without i3: P2 has no weighted child, so it is missing everywhere and the index is P1: ranks unchanged.
        var loo = LeaveOneOut.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        Assert.Equal([3.0, 2.0, 1.0], loo.NominalRanks.ToArray());
        Assert.Equal(["i1", "i2", "i3", "P1", "P2"], loo.Rows.Select(r => r.RemovedCode).ToArray());
        Assert.Equal([2.0, 0.0, -2.0], loo["i1"].RankShifts.ToArray());
        AssertNumeric.Close(4.0 / 3, loo["i1"].MeanAbsoluteShift);
        Assert.Equal(2, loo["i1"].MaxAbsoluteShift);
        Assert.All(loo["i3"].RankShifts, s => Assert.Equal(0, s));
        Assert.Equal(1, loo["i1"].Level);
        Assert.Equal(2, loo["P1"].Level);
    }

    [Fact]
    public void Compute_Embedded_EqualsRecomputationWithZeroWeight()
    {
        var m = Indicators.Presets.OpenReadiness2016.Methodology;
        var data = Indicators.Presets.OpenReadiness2016.Dataset;
        var loo = LeaveOneOut.Compute(m, data);
        var nominal = IndexCalculator.Compute(m, data);
        foreach (var code in new[] { "website_score", "economy" })
        {
            var without = IndexCalculator.Compute(m with { Framework = m.Framework.WithWeight(code, 0) }, data);
            var row = loo[code];
            for (var u = 0; u < nominal.Units.Length; u++)
            {
                var unit = nominal.Units[u].Code;
                Assert.Equal(nominal.Rank(unit) - without.Rank(unit), row.RankShifts[u]);
            }
        }

        Assert.Equal(16, loo.Rows.Length);
        Assert.StartsWith("| removed | level |", loo.ToMarkdown(), StringComparison.Ordinal);
        Assert.Equal(64, loo.ToCsv().Split('\n').Length);
        Assert.Throws<KeyNotFoundException>(() => loo["open_readiness_2016"]);
    }

    [Fact]
    public void ToTable_Tiny_SummaryRowPerRemovedNode()
    {
        // Without i1 the shifts are +2, 0, -2: mean |shift| = 4/3 (shown 1.33), max 2.
        var table = LeaveOneOut.Compute(TinyIndex.Methodology(), TinyIndex.Data()).ToTable();
        Assert.Equal(["removed", "level", "mean_abs_shift", "max_abs_shift"], table.Columns.Select(c => c.Key));
        Assert.Equal("i1", table[0, 0].TextValue);
        AssertNumeric.Close(4.0 / 3, table[0, 2].NumberValue);
        Assert.Equal(2, table[0, 3].NumberValue);
        Assert.Contains("| i1 | 1 | 1.33 | 2 |", table.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToShiftTable_Tiny_CsvIsToCsv()
    {
        // A: nominal rank 3; without i1 it ranks 1: shift +2 (Compute_Tiny_MatchesHandShifts).
        var loo = LeaveOneOut.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var shifts = loo.ToShiftTable();
        Assert.Equal(["unit", "nominal_rank", "i1", "i2", "i3", "P1", "P2"], shifts.Columns.Select(c => c.Key));
        Assert.Equal(3, shifts.Rows.Length);
        Assert.Equal(("A", 3.0, 2.0), (shifts[0, 0].TextValue, shifts[0, 1].NumberValue, shifts[0, 2].NumberValue));
        Assert.Equal(loo.ToCsv() + "\n", shifts.ToCsv());
    }
}
