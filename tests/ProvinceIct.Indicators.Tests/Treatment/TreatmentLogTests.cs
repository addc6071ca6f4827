using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class TreatmentLogTests
{
    [Fact]
    public void Empty_NoSteps_IsEmpty()
    {
        Assert.True(TreatmentLog.Empty.IsEmpty);
        Assert.Equal("TreatmentLog: 0 steps, 0 values changed, 0 units screened out", TreatmentLog.Empty.ToString());
    }

    [Fact]
    public void ToText_ImputeAndScreen_OneLinePerStepUnitAndChange()
    {
        // Screen at 1/3 keeps every unit (B has 2 of 3); screen at 1 removes B; here the order is impute, then screen,
        // so B is complete when screened and stays.
        var m = TinyIndex.Methodology().WithTreatment(TreatmentStep.Impute(Imputer.Mean), TreatmentStep.Screen(1, forceExclude: ["A"]));
        var log = IndexCalculator.Compile(m, TinyIndex.Data()).Treatment;
        Assert.Equal(
            "TreatmentLog: 2 steps, 1 values changed, 1 units screened out\n" +
            "step #0 impute(mean): 1 values changed\n" +
            "step #1 screen(1,out=A): 0 values changed\n" +
            "screened out A: 3/3 present (1), ForceExcluded\n" +
            "#0 B i3: NaN -> 10 (Imputed)",
            log.ToText());
    }

    [Fact]
    public void ToTables_ScreenAtOneThenImpute_ChangesAndScreenedUnits()
    {
        // Screening at 1 removes B (2 of 3 present: availability 1 - 1/3, which rounds to ...667); nothing is left to impute on A and C.
        var r = IndexCalculator.Compute(TinyIndex.Methodology().WithTreatment(TreatmentStep.Screen(1)), TinyIndex.Data());
        var tables = r.Treatment.ToTables();
        Assert.Equal(["treatment-changes", "screened-out"], tables.Select(t => t.Name));
        Assert.Empty(tables[0].Rows);
        Assert.Equal("unit,present,indicators,missing,zeros,availability,decision\nB,2,3,1,0,0.6666666666666667,Removed\n", tables[1].ToCsv());
        Assert.Contains("| B | 2 | 3 | 1 | 0 | 66.7% | Removed |", tables[1].ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToTable_ImputeMean_OneRowPerChange()
    {
        var m = TinyIndex.Methodology().WithTreatment(TreatmentStep.Impute(Imputer.Mean));
        var table = IndexCalculator.Compute(m, TinyIndex.Data()).Treatment.ToTable();
        // B's i3 is imputed with mean(5, 15) = 10 by step 0.
        var row = Assert.Single(table.Rows);
        Assert.Equal((0.0, "B", "i3", 10.0, "Imputed"), (row[0].NumberValue, row[2].TextValue, row[3].TextValue, row[5].NumberValue, row[6].TextValue));
        Assert.True(row[4].IsMissing);
        Assert.StartsWith("Step 0 ", table.Notes[0], StringComparison.Ordinal);
    }
}
