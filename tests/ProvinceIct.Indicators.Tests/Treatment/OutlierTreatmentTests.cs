using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Treatment;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class OutlierTreatmentTests
{
    private static Dataset Column(params double[] x) =>
        Dataset.FromColumns(x.Select((_, i) => Unit.Create("U" + (i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture))), [KeyValuePair.Create("x", x)]);

    private static double[] Seq(int from, int to, params double[] extra) => [.. Enumerable.Range(from, to - from + 1).Select(i => (double)i), .. extra];

    [Fact]
    public void Apply_OneToTenPlus100And200_OneHighPointWinsorised()
    {
        // x = 1..10, 100, 200: G1 = 2.5747, G2 = 6.4151 -> fails (|G1| >= 2 and G2 >= 3.5)
        // step 1 (G1 >= 0): 200 -> 100 (largest remaining value); G1 = 2.0298, G2 = 2.5772 < 3.5 -> passes, stop
        var r = OutlierTreatment.Default.Apply(Column(Seq(1, 10, 100, 200)));
        var t = r["x"];
        Assert.Equal((IndicatorTreatmentOutcome.Winsorised, 1, true), (t.Outcome, t.WinsorisedCount, t.PassesAfter));
        AssertNumeric.Close(2.5747470387554734, t.SkewnessBefore, 1e-12);
        AssertNumeric.Close(6.415117189969267, t.KurtosisBefore, 1e-12);
        AssertNumeric.Close(2.029793190177469, t.SkewnessAfter, 1e-12);
        AssertNumeric.Close(2.57718583570181, t.KurtosisAfter, 1e-12);
        var v = Assert.Single(r.Log);
        Assert.Equal(("U12", "x", 200.0, 100.0, TreatmentAction.WinsorisedHigh), (v.UnitCode, v.IndicatorCode, v.OldValue, v.NewValue, v.Action));
    }

    [Fact]
    public void Winsorise_ThreeOutliers_StepByStep()
    {
        // x = 1..30, 100, 200, 300: G1 3.6964, G2 14.0599 -> fails
        double[] x = Seq(1, 30, 100, 200, 300);
        // step 1: 300 -> 200; now 200 twice; G1 3.2121, G2 9.8536 -> fails
        var s1 = OutlierTreatment.Winsorise(x, 1, SkewKurtosisRule.Default);
        Assert.Equal((1, false), (s1.Count, s1.Passes));
        Assert.Equal(Seq(1, 30, 100, 200, 200), s1.Values);
        // step 2: both 200 (every value equal to the max) -> 100; count = 2 points at the high end; G1 2.4351, G2 5.3435 -> fails
        var s2 = OutlierTreatment.Winsorise(x, 2, SkewKurtosisRule.Default);
        Assert.Equal((2, false), (s2.Count, s2.Passes));
        Assert.Equal(Seq(1, 30, 100, 100, 100), s2.Values);
        // step 3: the three 100 -> 30; count 3; G1 -0.0838, G2 -1.2815 -> passes
        var s3 = OutlierTreatment.Winsorise(x, 5, SkewKurtosisRule.Default);
        Assert.Equal((3, true), (s3.Count, s3.Passes));
        Assert.Equal(Seq(1, 30, 30, 30, 30), s3.Values);

        var r = OutlierTreatment.Default.Apply(Column(x));
        Assert.Equal(IndicatorTreatmentOutcome.Winsorised, r["x"].Outcome);
        Assert.Equal([(100.0, 30.0), (200.0, 30.0), (300.0, 30.0)], r.Log.Select(e => (e.OldValue, e.NewValue)));
        Assert.All(r.Log, e => Assert.Equal(TreatmentAction.WinsorisedHigh, e.Action));
    }

    [Fact]
    public void Apply_NegativeSkew_WinsorisesTheLowEnd()
    {
        // mirror image of 1..10, 100, 200: -200 -> -100
        var r = OutlierTreatment.Default.Apply(Column(Seq(1, 10, 100, 200).Select(v => -v).ToArray()));
        var v = Assert.Single(r.Log);
        Assert.Equal((-200.0, -100.0, TreatmentAction.WinsorisedLow), (v.OldValue, v.NewValue, v.Action));
    }

    [Fact]
    public void Apply_WinsorisationNotEnough_LogTransformsTheOriginalColumn()
    {
        // winmax 1: after 300 -> 200 it still fails (see the step-by-step test), so the ORIGINAL column is log-transformed:
        // log(x - min + 0.01 (max - min)) = log(x - 1 + 2.99)
        double[] x = Seq(1, 30, 100, 200, 300);
        var r = OutlierTreatment.Create(winMax: 1).Apply(Column(x));
        Assert.Equal(IndicatorTreatmentOutcome.LogTransformed, r["x"].Outcome);
        Assert.Equal(1, r["x"].WinsorisedCount);
        AssertNumeric.Close(x.Select(v => Math.Log(v - 1 + 2.99)).ToArray(), r.Dataset.Column("x").ToArray(), 1e-15);
        AssertNumeric.Close(Math.Log(2.99), r.Dataset.Value("U01", "x"), 1e-15);
        AssertNumeric.Close(Math.Log(301.99), r.Dataset.Value("U33", "x"), 1e-15);
        Assert.Equal(33, r.Log.Length);
        Assert.All(r.Log, e => Assert.Equal(TreatmentAction.LogTransform, e.Action));
    }

    [Fact]
    public void Apply_MissingValues_StayMissingAndAreLeftOut()
    {
        double[] x = [.. Seq(1, 10, 100, 200), double.NaN];
        var r = OutlierTreatment.Default.Apply(Column(x));
        Assert.True(double.IsNaN(r.Dataset.Value("U13", "x")));
        Assert.Equal(100, r.Dataset.Value("U12", "x"));
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4, 5 })]
    [InlineData(new double[] { 3, 3, 3, 3, 3 })]
    [InlineData(new double[] { 1, 1000 })]
    [InlineData(new double[0])]
    public void Apply_PassingOrUntestableColumn_Unchanged(double[] x)
    {
        var r = OutlierTreatment.Default.Apply(Column(x));
        Assert.Equal(IndicatorTreatmentOutcome.Unchanged, r["x"].Outcome);
        Assert.Empty(r.Log);
        Assert.Equal(x, r.Dataset.Column("x").ToArray());
    }

    [Fact]
    public void Winsorise_WouldCollapseToConstant_CountsAsFailure()
    {
        // 20 ones, 2, 3, 50: 50 -> 3, {3, 3} -> 2, {2, 2, 2} -> 1 would leave every value equal
        double[] x = [.. Enumerable.Repeat(1.0, 20), 2, 3, 50];
        var w = OutlierTreatment.Winsorise(x, 5, SkewKurtosisRule.Default);
        Assert.False(w.Passes);
        Assert.Equal(IndicatorTreatmentOutcome.LogTransformed, OutlierTreatment.Default.Apply(Column(x))["x"].Outcome);
    }

    [Fact]
    public void Winsorise_RandomHeavyTails_NeverTouchesInteriorAndCountsAtMostWinMax()
    {
        var rng = new Random(1234);
        for (var rep = 0; rep < 300; rep++)
        {
            var n = rng.Next(5, 60);
            var winMax = rng.Next(0, 8);
            // log-normal-ish, sometimes mirrored: continuous values, so no ties
            var sign = rng.Next(2) == 0 ? 1 : -1;
            var x = Enumerable.Range(0, n).Select(_ => sign * Math.Exp(rng.NextDouble() * rng.NextDouble() * 12)).ToArray();
            var w = OutlierTreatment.Winsorise(x, winMax, SkewKurtosisRule.Default);
            Assert.True(w.Count <= winMax, $"rep {rep}: {w.Count} > {winMax}");
            var lo = w.Values.Min();
            var hi = w.Values.Max();
            var changed = 0;
            for (var i = 0; i < n; i++)
            {
                if (x[i] > lo && x[i] < hi)
                {
                    Assert.Equal(x[i], w.Values[i]);
                }

                changed += x[i] != w.Values[i] ? 1 : 0;
            }

            Assert.Equal(w.Count, changed);
        }
    }

    [Fact]
    public void BoxCox_Lambda_AppliesFormula()
    {
        var d = Column(1, 4, 9, double.NaN);
        // lambda 0.5: (sqrt x - 1) / 0.5 = 0, 2, 4
        var r = OutlierTreatment.BoxCox(d, 0.5);
        Assert.Equal([0, 2, 4, double.NaN], r.Dataset.Column("x").ToArray());
        Assert.Equal(3, r.Log.Length);
        Assert.All(r.Log, e => Assert.Equal(TreatmentAction.BoxCox, e.Action));
        // lambda 0: log x
        AssertNumeric.Close([0, Math.Log(4), Math.Log(9)], OutlierTreatment.BoxCox(d, 0).Dataset.Column("x")[..3].ToArray());
    }

    [Fact]
    public void BoxCox_NonPositiveValue_ErrorNamesUnitAndIndicator()
    {
        var ex = Assert.Throws<CalculationException>(() => OutlierTreatment.BoxCox(Column(3, 0, -1), 1));
        Assert.Equal((ProblemCode.NonPositiveValue, "x", "U02", 0.0), (ex.Code, ex.NodeCode, ex.UnitCode, ex.Value));
    }

    [Fact]
    public void Create_NegativeWinMax_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => OutlierTreatment.Create(-1));

    [Fact]
    public void Rule_Fails_OnlyWhenBothThresholdsReached()
    {
        var rule = SkewKurtosisRule.Default;
        Assert.True(rule.Fails(2, 3.5));
        Assert.True(rule.Fails(-2, 3.5));
        Assert.False(rule.Fails(1.99, 10));
        Assert.False(rule.Fails(5, 3.49));
        Assert.False(rule.Fails(double.NaN, 10));
    }

    public static TheoryData<OutlierTreatment> Treatments => new() { OutlierTreatment.Default, OutlierTreatment.Create(0), OutlierTreatment.Create(12, SkewKurtosisRule.Create(0.1 + 0.2, -1)) };

    [Theory]
    [MemberData(nameof(Treatments))]
    public void Parse_ToString_EqualTreatment(OutlierTreatment treatment) =>
        Assert.Equal(treatment, ProvinceIct.Indicators.Methods.MethodRegistry.Default.Parse<OutlierTreatment>(treatment.ToString()));

    [Theory]
    [InlineData("winsorise", "winsorise(5,2,3.5)")]
    [InlineData("winsorise:1", "winsorise(1,2,3.5)")]
    [InlineData("Winsorize(3,kurtosis=4)", "winsorise(3,2,4)")]
    public void Parse_OldAndNewSpellings_CanonicalText(string text, string canonical) =>
        Assert.Equal(canonical, ProvinceIct.Indicators.Methods.MethodRegistry.Default.Parse<OutlierTreatment>(text).ToString());

    [Theory]
    [InlineData("winsorise(-1)")]
    [InlineData("winsorise(1.5)")]
    [InlineData("winsorise(5,0)")]
    [InlineData("clip")]
    public void Read_BadText_Problem(string text) =>
        Assert.False(ProvinceIct.Indicators.Methods.MethodRegistry.Default.Read<OutlierTreatment>(text).TryGetValue(out _));
}
