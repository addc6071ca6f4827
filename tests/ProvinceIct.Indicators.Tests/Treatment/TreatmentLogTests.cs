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
}
