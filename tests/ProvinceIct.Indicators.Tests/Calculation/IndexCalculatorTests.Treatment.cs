using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Calculation;

public partial class IndexCalculatorTests
{
    /// <summary>TinyIndex's data plus a denominator column pop = (2, 5, 10).</summary>
    private static Dataset TinyWithPopulation() => TinyIndex.Data().WithColumn("pop", [2, 5, 10]);

    [Fact]
    public void Compute_DenominateAndImpute_MatchesHandCalculation()
    {
        var m = TinyIndex.Methodology().WithTreatment(
            TreatmentStep.Denominate([DenominationRule.Create("i1", "pop")]),
            TreatmentStep.Impute(Imputer.Mean),
            TreatmentStep.Treat());
        var r = IndexCalculator.Compute(m, TinyWithPopulation());
        // i1 / pop = 0/2, 5/5, 10/10 = 0, 1, 1 -> min-max 0, 100, 100. i2 negative: 100, 50, 0.
        // i3: B imputed with mean(5, 15) = 10 -> 0, 50, 100. Treat: 3 values, G2 undefined, unchanged.
        AssertNumeric.Close([0, 100, 100], r.Scores("i1").ToArray());
        AssertNumeric.Close([0, 50, 100], r.Scores("i3").ToArray());
        // P1 = (3 i1 + i2) / 4 = 100/4 = 25, (300 + 50)/4 = 87.5, 300/4 = 75; P2 = i3.
        AssertNumeric.Close([25, 87.5, 75], r.Scores("P1").ToArray());
        // IDX = (2 P1 + P2) / 3 = 50/3, (175 + 50)/3 = 75, (150 + 100)/3 = 250/3.
        AssertNumeric.Close([50.0 / 3, 75, 250.0 / 3], r.Scores("IDX").ToArray());
        // Changed: B i1 5 -> 1, C i1 10 -> 1 (A's 0/2 = 0 is unchanged), B i3 NaN -> 10.
        Assert.Equal(
            ["#0 B i1: 5 -> 1 (Denominated)", "#0 C i1: 10 -> 1 (Denominated)", "#1 B i3: NaN -> 10 (Imputed)"],
            r.Treatment.Changes.Select(c => c.ToString()));
        Assert.Equal("IndexResult IDX: 3 units, 6 nodes, 3 values treated, 0 units screened out; 1st C Charlie (83.3333)", r.ToString());
    }

    /// <summary>Eight units; i1 has an outlier (100), i3 a missing value, i2 is divided by pop (1, 2, 1, 2, ...) times 0.5.</summary>
    private static Dataset Eight() => Dataset.Create(
        Enumerable.Range(1, 8).Select(i => Unit.Create("U" + i)),
        ["i1", "i2", "i3", "pop"],
        new double[,]
        {
            { 1, 10, 5, 1 }, { 2, 20, N, 2 }, { 3, 30, 15, 1 }, { 4, 40, 20, 2 },
            { 5, 50, 25, 1 }, { 6, 60, 30, 2 }, { 7, 70, 35, 1 }, { 100, 80, 40, 2 },
        });

    [Fact]
    public void Compute_DenominateImputeTreat_SameAsTreatmentFunctionsByHand()
    {
        var plain = TinyIndex.Methodology();
        var m = plain.WithTreatment(
            TreatmentStep.Denominate([DenominationRule.Create("i2", "pop", 0.5)]),
            TreatmentStep.Impute(Imputer.Median),
            TreatmentStep.Treat());
        var data = Eight();
        var byHand = Denomination.Apply(data, ["i2"], "pop", 0.5);
        byHand = Imputer.Median.Apply(byHand, ["i1", "i2", "i3"]).Dataset;
        byHand = OutlierTreatment.Default.Apply(byHand, ["i1", "i2", "i3"]).Dataset;
        var expected = IndexCalculator.Compute(plain, byHand);
        var actual = IndexCalculator.Compute(m, data);
        foreach (var node in expected.NodeCodes)
        {
            Assert.Equal(expected.Scores(node).ToArray(), actual.Scores(node).ToArray());
            Assert.Equal(expected.Ranks(node).ToArray(), actual.Ranks(node).ToArray());
        }

        // i1 = 1..7, 100 fails the rule (|G1| >= 2, G2 >= 3.5); winsorising 100 to 7 once is enough.
        var winsorised = Assert.Single(actual.Treatment.Changes, c => c.Step == TreatmentStepKind.Treat);
        Assert.Equal(("U8", "i1", 100.0, 7.0, TreatmentAction.WinsorisedHigh, 2), (winsorised.UnitCode, winsorised.IndicatorCode, winsorised.OldValue, winsorised.NewValue, winsorised.Action, winsorised.StepIndex));
        // U2 i3 = median(5, 15, 20, 25, 30, 35, 40) = 25.
        Assert.Equal(25, Assert.Single(actual.Treatment.Changes, c => c.Action == TreatmentAction.Imputed).NewValue);
        // 0.5 * i2 / pop changes every one of the 8 values (0.5 * 10 / 1 = 5, 0.5 * 20 / 2 = 5, ...), and keeps them
        // percents, so that the plain computation on the data treated by hand accepts them.
        Assert.Equal(8, actual.Treatment.Changes.Count(c => c.Action == TreatmentAction.Denominated));
    }

    [Fact]
    public void Compile_Treatment_DatasetIsTreatedAndRunStaysRepeatable()
    {
        var m = TinyIndex.Methodology().WithTreatment(TreatmentStep.Impute(Imputer.Median));
        var compiled = IndexCalculator.Compile(m, TinyIndex.Data());
        Assert.Equal(10, compiled.Dataset[1, 2]);
        Assert.Equal(compiled.Run().IndexScores.ToArray(), compiled.Run().IndexScores.ToArray());
        Assert.Same(compiled.Treatment, compiled.Run().Treatment);
    }

    [Fact]
    public void Compute_ScreenAtOne_UnitWithMissingValueLeftOutAndLogged()
    {
        var m = TinyIndex.Methodology().WithTreatment(TreatmentStep.Screen(1));
        var r = IndexCalculator.Compute(m, TinyIndex.Data());
        Assert.Equal(["A", "C"], r.Units.Select(u => u.Code));
        var b = Assert.Single(r.Treatment.ScreenedOut);
        Assert.Equal(("B", 2, 3, ScreeningDecision.Removed), (b.UnitCode, b.PresentCount, b.IndicatorCount, b.Decision));
        Assert.Throws<KeyNotFoundException>(() => r.Score("B"));
        // Two units: every min-max column is 0 (A) and 100 (C), i2 reversed: P1 A = 100/4 = 25, C = 300/4 = 75.
        AssertNumeric.Close([25, 75], r.Scores("P1").ToArray());
    }

    [Fact]
    public void Compute_ScreenForceInclude_UnitKept()
    {
        var m = TinyIndex.Methodology().WithTreatment(TreatmentStep.Screen(1, forceInclude: ["B"]));
        var r = IndexCalculator.Compute(m, TinyIndex.Data());
        Assert.Equal(3, r.Units.Length);
        Assert.Empty(r.Treatment.ScreenedOut);
    }

    [Fact]
    public void Compile_UnknownDenominatorColumn_ValidationExceptionNamingIt()
    {
        var m = TinyIndex.Methodology().WithTreatment(TreatmentStep.Denominate([DenominationRule.Create("i1", "popx")]));
        var ex = Assert.Throws<ValidationException>(() => IndexCalculator.Compile(m, TinyIndex.Data()));
        var p = Assert.Single(ex.Report.Problems);
        Assert.Equal((ProblemCode.MissingColumn, "i1"), (p.Code, p.IndicatorCode));
        Assert.Contains("'popx'", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_DenominateByDefinitions_UsesEachIndicatorsDenominator()
    {
        var fw = Framework.Create(TinyIndex.Framework().Nodes.Select(n => n.Code == "i1" ? n with { Indicator = n.Indicator! with { DenominatorCode = "pop" } } : n));
        var m = TinyIndex.Methodology(fw).WithTreatment(TreatmentStep.DenominateByDefinitions(100));
        var compiled = IndexCalculator.Compile(m, TinyWithPopulation());
        // 100 * (0/2, 5/5, 10/10) = 0, 100, 100; i2 and i3 have no denominator.
        Assert.Equal([0, 100, 100], compiled.Dataset.Column("i1").ToArray());
        Assert.Equal([10, 20, 30], compiled.Dataset.Column("i2").ToArray());
    }

    [Fact]
    public void Compile_DenominateByDefinitions_UnknownDenominator_ValidationException()
    {
        var fw = Framework.Create(TinyIndex.Framework().Nodes.Select(n => n.Code == "i2" ? n with { Indicator = n.Indicator! with { DenominatorCode = "civil_servants" } } : n));
        var m = TinyIndex.Methodology(fw).WithTreatment(TreatmentStep.DenominateByDefinitions());
        var ex = Assert.Throws<ValidationException>(() => IndexCalculator.Compile(m, TinyIndex.Data()));
        Assert.Contains("'civil_servants'", Assert.Single(ex.Report.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ForcedUnitOrGroupUnknown_EveryProblemReported()
    {
        var m = TinyIndex.Methodology().WithTreatment(TreatmentStep.Screen(0.5, forceInclude: ["Z"]), TreatmentStep.Impute(Imputer.GroupMean("region")));
        var ex = Assert.Throws<ValidationException>(() => IndexCalculator.Compile(m, TinyIndex.Data()));
        Assert.Equal(["Z", "region"], ex.Report.Problems.Select(p => p.Found));
    }

    [Fact]
    public void WithTreatment_DenominationOfUnknownIndicator_ValidationException()
    {
        var ex = Assert.Throws<ValidationException>(() => TinyIndex.Methodology().WithTreatment(TreatmentStep.Denominate([DenominationRule.Create("nope", "pop")])));
        Assert.Equal("nope", Assert.Single(ex.Report.Problems).IndicatorCode);
    }

    [Fact]
    public void Compile_ZeroDenominator_ValidationException()
    {
        var m = TinyIndex.Methodology().WithTreatment(TreatmentStep.Denominate([DenominationRule.Create("i1", "pop")]));
        var ex = Assert.Throws<ValidationException>(() => IndexCalculator.Compile(m, TinyIndex.Data().WithColumn("pop", [1, 0, 1])));
        Assert.Equal("B", Assert.Single(ex.Report.Problems).UnitCode);
    }

    [Fact]
    public void Compute_GroupMeanImputation_UsesTheUnitsGroup()
    {
        var units = new[] { Unit.Create("A", groups: [new("region", "North")]), Unit.Create("B", groups: [new("region", "South")]), Unit.Create("C", groups: [new("region", "South")]) };
        var data = Dataset.Create(units, ["i1", "i2", "i3"], new double[,] { { 0, 10, 5 }, { 5, 20, N }, { 10, 30, 15 } });
        var r = IndexCalculator.Compute(TinyIndex.Methodology().WithTreatment(TreatmentStep.Impute(Imputer.GroupMean("region"))), data);
        // B (South) gets C's 15: i3 = 5, 15, 15 -> 0, 100, 100.
        AssertNumeric.Close([0, 100, 100], r.Scores("i3").ToArray());
    }

    [Fact]
    public void Compute_NoTreatment_EmptyLogAndUnchangedText()
    {
        var r = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        Assert.Same(TreatmentLog.Empty, r.Treatment);
        Assert.DoesNotContain("treated", r.ToString(), StringComparison.Ordinal);
    }
}
