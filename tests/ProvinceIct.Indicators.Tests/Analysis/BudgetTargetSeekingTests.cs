using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Analysis;

/// <summary>
/// TinyIndex with the identity normaliser, so the index is linear in the raw values and can be solved by hand.
/// Effective weights: i1 = 3/4 * 2/3 = 1/2, i2 = 1/4 * 2/3 = 1/6 (negative), i3 = 1/3.
/// A = (0, 10, 5): P1 = 0.75 * 0 - 0.25 * 10 = -2.5, P2 = 5, IDX = (2 (-2.5) + 5) / 3 = 0.
/// B = (5, 20, -): P1 = 3.75 - 5 = -1.25, P2 missing, IDX = P1 = -1.25.
/// C = (10, 30, 15): P1 = 7.5 - 7.5 = 0, P2 = 15, IDX = 15 / 3 = 5.
/// Ranks: C 1, A 2, B 3. Observed ranges: i1 10, i2 20, i3 10.
/// </summary>
public class BudgetTargetSeekingTests
{
    private static Methodology Linear() => TinyIndex.Methodology() with { Normaliser = Normaliser.Identity };

    private static IndexResult At(Methodology m, Dataset data, string unit, BudgetTargetSeeking t)
    {
        foreach (var c in t.Changes)
        {
            data = data.WithValue(unit, c.IndicatorCode, c.ProposedValue);
        }

        return IndexCalculator.Compute(m, data);
    }

    [Fact]
    public void ForScore_TwoIndicators_MatchesHandComputedStep()
    {
        // Budget {i1, i2}: W = 1/2 + 1/6 = 2/3, shares 3/4 and 1/4.
        // x1(t) = 0 + 0.75 * 10 t = 7.5 t; x2(t) = 10 - 0.25 * 20 t = 10 - 5 t.
        // IDX_A = x1 / 2 - x2 / 6 + 5 / 3 = 3.75 t - 10/6 + 5/6 t + 5/3 = (55/12) t.
        // Score 2: t = 24/55 = 0.436364; x1 = 180/55 = 3.272727; x2 = 10 - 120/55 = 7.818182.
        // t_max: i1 needs (100 - 0) / 7.5 = 13.333, i2 needs 10 / 5 = 2 -> 13.333.
        var t = BudgetTargetSeeking.ForScore(Linear(), TinyIndex.Data(), "A", 2, ["i1", "i2"]);
        Assert.Equal(TargetOutcome.Achievable, t.Outcome);
        AssertNumeric.Close(24.0 / 55, t.Step, 1e-7);
        AssertNumeric.Close(40.0 / 3, t.MaximumStep, 1e-12);
        Assert.Equal(["i1", "i2"], t.Changes.Select(c => c.IndicatorCode));
        AssertNumeric.Close(180.0 / 55, t.Changes[0].ProposedValue, 1e-7);
        AssertNumeric.Close(10 - (120.0 / 55), t.Changes[1].ProposedValue, 1e-7);
        AssertNumeric.Close(0.75, t.Changes[0].WeightShare, 1e-12);
        AssertNumeric.Close(0.25, t.Changes[1].WeightShare, 1e-12);
        Assert.Equal(10, t.Changes[0].Scale);
        Assert.Equal(20, t.Changes[1].Scale);
        Assert.True(t.Changes[1].Change < 0);
        Assert.DoesNotContain(t.Changes, c => c.AtLimit);
        AssertNumeric.Close(2, t.NewScore, 1e-7);
        Assert.True(t.NewScore >= 2);
        Assert.Equal(0, t.CurrentScore, 12);
    }

    [Fact]
    public void ForRank_Verified_RecomputationEqualsClaimedRank()
    {
        // A to rank 1: (55/12) t >= 5 (C's score; competition ties share rank 1) -> t = 12/11 = 1.090909.
        var m = Linear();
        var data = TinyIndex.Data();
        var t = BudgetTargetSeeking.ForRank(m, data, "A", 1, ["i1", "i2"]);
        Assert.Equal(TargetOutcome.Achievable, t.Outcome);
        AssertNumeric.Close(12.0 / 11, t.Step, 1e-7);
        AssertNumeric.Close(7.5 * 12 / 11, t.Changes[0].ProposedValue, 1e-7);
        var recomputed = At(m, data, "A", t);
        Assert.Equal(1, recomputed.Rank("A"));
        Assert.Equal(recomputed.Rank("A"), t.NewRank);
        Assert.Equal(t.SearchRank, t.NewRank);
        Assert.Equal(t.SearchScore, t.NewScore, 9);
        Assert.Equal(2, t.CurrentRank);
    }

    [Fact]
    public void ForRank_MinMaxEmbedded_VerifiedAndSmallest()
    {
        var m = OpenReadiness2016.Methodology;
        var data = OpenReadiness2016.Dataset;
        var unit = OpenReadiness2016.Compute().Ranking[39].Unit.Code;
        var t = BudgetTargetSeeking.ForRank(m, data, unit, 20);
        Assert.Equal(TargetOutcome.Achievable, t.Outcome);
        Assert.True(t.NewRank <= 20, t.Message);
        Assert.Equal(t.SearchRank, t.NewRank);
        Assert.Equal(At(m, data, unit, t).Rank(unit), t.NewRank);
        Assert.Equal(1, t.Changes.Sum(c => c.WeightShare), 12);
        Assert.All(t.Changes, c => Assert.InRange(c.ProposedValue, c.RangeLower, c.RangeUpper));
        Assert.Contains(t.Changes, c => c.IndicatorCode == "poverty_pct" && c.Change < 0);
    }

    [Fact]
    public void ForRank_NegativeOnlyBudget_CannotBeDoneAndReportsBest()
    {
        // Budget {i2} for A: x2 = 10 - 20 t, at its limit 0 when t = 0.5; then IDX_A = -0/6 + 5/3 = 1.6667 < 5: rank 2 at best.
        var t = BudgetTargetSeeking.ForRank(Linear(), TinyIndex.Data(), "A", 1, ["i2"]);
        Assert.Equal(TargetOutcome.NotAchievable, t.Outcome);
        Assert.Equal(0.5, t.MaximumStep, 12);
        Assert.Equal(0.5, t.Step, 12);
        var c = Assert.Single(t.Changes);
        Assert.Equal(0, c.ProposedValue);
        Assert.Equal(-10, c.Change);
        Assert.Equal(-1, c.Sign);
        Assert.True(c.AtLimit);
        Assert.Equal(2, t.NewRank);
        AssertNumeric.Close(5.0 / 3, t.NewScore, 1e-12);
        Assert.StartsWith("Cannot be done within the valid ranges", t.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForRank_Leader_AlreadyMet()
    {
        var t = BudgetTargetSeeking.ForRank(Linear(), TinyIndex.Data(), "C", 1);
        Assert.Equal(TargetOutcome.AlreadyMet, t.Outcome);
        Assert.Equal(0, t.Step);
        Assert.All(t.Changes, c => Assert.Equal(0, c.Change));
        Assert.Equal(1, t.NewRank);
        Assert.Empty(t.Verification.Changes);
        Assert.Equal(1, t.Evaluations);
    }

    [Fact]
    public void ForScore_MissingCount_StartsAtWorseEndAndProposesWholeNumber()
    {
        // B's i3 (a count) is missing: it starts at the count's lower bound 0; x3(t) = round(0 + 1 * 10 t).
        // With i3 present IDX_B = (2 (-1.25) + x3) / 3 = -0.8333 + x3 / 3 >= 0 needs x3 >= 2.5 -> the whole number 3
        // (round(10 t) = 3 from t = 0.25 on). Score: -0.8333 + 1 = 0.1667. Valid range [0, 15 + 10] = [0, 25].
        var t = BudgetTargetSeeking.ForScore(Linear(), TinyIndex.Data(), "B", 0, ["i3"]);
        Assert.Equal(TargetOutcome.Achievable, t.Outcome);
        var c = Assert.Single(t.Changes);
        Assert.Equal(3, c.ProposedValue);
        Assert.True(double.IsNaN(c.CurrentValue));
        Assert.True(double.IsNaN(c.Change));
        Assert.Equal(0, c.RangeLower);
        Assert.Equal(25, c.RangeUpper);
        AssertNumeric.Close(0.25, t.Step, 1e-7);
        AssertNumeric.Close(1.0 / 6, t.NewScore, 1e-12);
    }

    [Fact]
    public void ForRank_DefaultBudget_SkipsIndicatorsAtTheirLimit()
    {
        // A's i1 at 100 (the percent's upper end) cannot improve: the default budget is {i2, i3}.
        var data = TinyIndex.Data().WithValue("A", "i1", 100);
        var t = BudgetTargetSeeking.ForRank(Linear(), data, "B", 1);
        Assert.Equal(["i1", "i2", "i3"], t.Changes.Select(c => c.IndicatorCode));
        var a = BudgetTargetSeeking.ForScore(Linear(), data, "A", 1000);
        Assert.Equal(["i2", "i3"], a.Changes.Select(c => c.IndicatorCode));
        // Shares: 1/6 and 1/3 over 1/2.
        AssertNumeric.Close(1.0 / 3, a.Changes[0].WeightShare, 1e-12);
        Assert.Equal(TargetOutcome.NotAchievable, a.Outcome);
    }

    [Fact]
    public void ForScore_WithTreatmentSteps_RecomputesEveryStepAndVerifies()
    {
        var m = Linear().WithTreatment([TreatmentStep.Impute(Imputer.Median)]);
        var t = BudgetTargetSeeking.ForRank(m, TinyIndex.Data(), "B", 1, ["i1", "i2"]);
        Assert.Equal(TargetOutcome.Achievable, t.Outcome);
        Assert.Equal(t.SearchRank, t.NewRank);
        Assert.Equal(1, t.NewRank);
    }

    [Fact]
    public void ForRank_BadArguments_Throw()
    {
        var m = Linear();
        var data = TinyIndex.Data();
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetTargetSeeking.ForRank(m, data, "A", 0));
        Assert.Throws<ArgumentException>(() => BudgetTargetSeeking.ForRank(m, data, "A", 1, ["P1"]));
        Assert.Throws<ArgumentException>(() => BudgetTargetSeeking.ForRank(m, data, "A", 1, []));
        Assert.Throws<KeyNotFoundException>(() => BudgetTargetSeeking.ForRank(m, data, "Z", 1));
        Assert.Throws<KeyNotFoundException>(() => BudgetTargetSeeking.ForRank(m, data, "A", 1, ["nope"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetTargetSeeking.ForScore(m, data, "A", double.NaN));
    }

    [Fact]
    public void ToMarkdown_Tiny_ListsEveryIndicator()
    {
        var t = BudgetTargetSeeking.ForRank(Linear(), TinyIndex.Data(), "A", 1, ["i2"]);
        Assert.Equal(
            "Cannot be done within the valid ranges: with its 1 indicator(s) at their limits unit 'A' reaches rank 2, score 1.67 at best, short of rank 1 or better.\n\n"
            + "| indicator | current | proposed | change | weight share | at limit |\n|---|---:|---:|---:|---:|---|\n| i2 | 10 | 0 | -10 | 1.000 | yes |",
            t.ToMarkdown());
        Assert.Equal("BudgetTargetSeeking A to rank 1 or better: NotAchievable, rank 2 -> 2, step 0.5", t.ToString());
    }

    [Fact]
    public void ForRank_Bisection_AllocatesNothingPerStep()
    {
        var m = OpenReadiness2016.Methodology;
        var data = OpenReadiness2016.Dataset;
        var unit = OpenReadiness2016.Compute().Ranking[39].Unit.Code;
        _ = BudgetTargetSeeking.ForRank(m, data, unit, 20);   // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        var searched = BudgetTargetSeeking.ForRank(m, data, unit, 20);
        var search = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var computed = IndexCalculator.Compute(m, data);
        _ = (computed.Ranking, computed.Rank(unit, computed.NodeCodes[0])); // a result as the search reads it: the ranking and indicator ranks are made on first use
        var oneCompute = GC.GetAllocatedBytesForCurrentThread() - before;

        // The whole search (compile, workspace, 35-odd pipeline runs, then a verification of two fresh computations
        // with the changed dataset copies) costs a few computations; a fresh computation per step would cost 35.
        Assert.True(searched.Evaluations > 20, searched.Evaluations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // (The bound was a fixed 8, then 10, computations; each lighter computation (indicator ranks, then the log and
        // the compiled structure made on first use) makes the search's fixed part more of them. Half a computation per
        // evaluation still rules out one computation per step.)
        Assert.True(2 * search < searched.Evaluations * oneCompute, $"{search} >= {searched.Evaluations} / 2 x {oneCompute}");
    }

    [Fact]
    public void ForScore_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => BudgetTargetSeeking.ForScore(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, "12", 90, cancellation: cts.Token));
    }

    [Fact]
    public void ToTable_Tiny_RawValuesAndVerdictNotes()
    {
        // As ToMarkdown_Tiny_ListsEveryIndicator: i2 from 10 to 0 (-10), the whole budget, at its limit; rank stays 2.
        var table = BudgetTargetSeeking.ForRank(Linear(), TinyIndex.Data(), "A", 1, ["i2"]).ToTable();
        Assert.Equal("indicator,current,proposed,change,weight_share,at_limit\ni2,10,0,-10,1,yes\n", table.ToCsv());
        Assert.Equal("budget-target", table.Name);
        Assert.StartsWith("Verified by recomputing the index at the proposed values: rank 2 -> 2", table.Notes[1], StringComparison.Ordinal);
    }
}
