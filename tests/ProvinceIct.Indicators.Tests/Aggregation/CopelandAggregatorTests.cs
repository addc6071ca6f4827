using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Methods;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Aggregation;

/// <summary>The Copeland aggregator's two missing-data policies: shared children (order-free) and COINr's (order-dependent).</summary>
public class CopelandAggregatorTests
{
    private const double N = double.NaN;

    private static readonly CopelandAggregator Coinr = new(CopelandMissingPolicy.Coinr);

    // A = (1, -), B = (0, 0), C = (2, 2); two children of equal weight (0.5 each after rescaling).
    private static readonly double[,] Abc = { { 1, N }, { 0, 0 }, { 2, 2 } };

    // The same units in reverse order: C, B, A.
    private static readonly double[,] Cba = { { 2, 2 }, { 0, 0 }, { 1, N } };

    [Fact]
    public void Aggregate_SharedChildrenWithMissing_ComparesOnSharedChildOnly()
    {
        // A-B on child 1 only: A wins (+1, -1). A-C on child 1: C wins. B-C: C wins both. A = 1 - 1 = 0, B = -2, C = +2.
        Assert.Equal([0, -2, 2], Aggregator.Copeland.Aggregate(Abc, [1, 1]));
        Assert.Equal([2, -2, 0], Aggregator.Copeland.Aggregate(Cba, [1, 1]));
    }

    [Fact]
    public void Aggregate_CoinrWithMissingInDatasetOrder_CreditsMissingWeightToLaterUnit()
    {
        // Order A, B, C. O_AB = 0.5 (A beats B on child 1; child 2 missing for A) -> 0 and O_BA = 1 - 0.5 -> 0.
        // O_AC = 0 (C beats A on child 1) -> A -1, C +1. O_BC = 0 -> B -1, C +1. A = -1, B = -1, C = +2.
        Assert.Equal([-1, -1, 2], Coinr.Aggregate(Abc, [1, 1]));
    }

    [Fact]
    public void Aggregate_CoinrWithMissingReversed_ScoresDependOnOrder()
    {
        // Order C, B, A. O_CB = 1 -> C +1, B -1. O_CA = 0.5 (C beats A on child 1) -> 0, O_AC = 0.5 -> 0.
        // O_BA = 0 (B loses child 1; child 2 missing for A) -> B -1, and O_AB = 1 -> A +1. C = +1, B = -2, A = +1.
        // So C scores 2 in one order and 1 in the other, A -1 and +1: COINr's rule is order-dependent.
        Assert.Equal([1, -2, 1], Coinr.Aggregate(Cba, [1, 1]));
    }

    [Fact]
    public void Aggregate_CoinrOnCompleteData_EqualsSharedChildren()
    {
        // Complete data: A = (1, 5), B = (2, 3), C = (3, 1), weights 1 and 3 (0.25, 0.75): A beats B and C on child 2 (0.75) -> A +2;
        // B vs C: C wins child 1 (0.25), B child 2 (0.75) -> B +1, C -1; C loses A too: C = -2, B = -1 + 1 = 0.
        double[,] x = { { 1, 5 }, { 2, 3 }, { 3, 1 } };
        Assert.Equal([2, 0, -2], Coinr.Aggregate(x, [1, 3]));
        Assert.Equal(Aggregator.Copeland.Aggregate(x, [1, 3]), Coinr.Aggregate(x, [1, 3]));
    }

    [Fact]
    public void Aggregate_CoinrUnitWithoutData_MissingButStillCompared()
    {
        // D = (-, -) after A, B, C: every earlier unit X has O_XD = 0 -> X -1 each; D's own score is missing.
        // From the dataset-order scores (-1, -1, 2): A -2, B -2, C +1, D NaN.
        double[,] x = { { 1, N }, { 0, 0 }, { 2, 2 }, { N, N } };
        var scores = Coinr.Aggregate(x, [1, 1]);
        Assert.Equal([-2, -2, 1], scores[..3]);
        Assert.True(double.IsNaN(scores[3]));
    }

    [Fact]
    public void Aggregate_Coinr_MatchesOutrankingMatrixCoinrScores()
    {
        var m = OutrankingMatrix.Create(["A", "B", "C"], Abc, [1, 1], OutrankingMissingPolicy.Coinr);
        Assert.Equal(m.CopelandScores.ToArray(), Coinr.Aggregate(Abc, [1, 1]));
    }

    [Theory]
    [InlineData("copeland", CopelandMissingPolicy.SharedChildren)]
    [InlineData("copeland(missing=shared)", CopelandMissingPolicy.SharedChildren)]
    [InlineData("copeland(missing=coinr)", CopelandMissingPolicy.Coinr)]
    [InlineData("copeland(coinr)", CopelandMissingPolicy.Coinr)]
    public void Parse_MethodText_ReadsThePolicy(string text, CopelandMissingPolicy expected)
    {
        var a = Assert.IsType<CopelandAggregator>(MethodRegistry.Default.Parse<Aggregator>(text));
        Assert.Equal(expected, a.Missing);
    }

    [Fact]
    public void ToString_Coinr_CanonicalTextRoundTrips()
    {
        Assert.Equal("copeland(missing=coinr)", Coinr.ToString());
        Assert.Equal("copeland", Aggregator.Copeland.ToString());
        Assert.Equal(Coinr, MethodRegistry.Default.Parse<Aggregator>(Coinr.ToString()));
        Assert.NotEqual(Aggregator.Copeland, (Aggregator)Coinr);
    }

    [Fact]
    public void Parse_UnknownPolicy_ValidationExceptionNamingTheChoices()
    {
        var ex = Assert.Throws<ValidationException>(() => MethodRegistry.Default.Parse<Aggregator>("copeland(missing=first)"));
        Assert.Contains("missing=shared or missing=coinr", ex.Report.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UndefinedPolicy_Throws() =>
        Assert.Throws<ValidationException>(() => new CopelandAggregator((CopelandMissingPolicy)7));

    [Fact]
    public void MethodologyJson_CoinrAtANode_RoundTripsThroughMethodText()
    {
        var m = TinyIndex.Methodology(TinyIndex.Framework(p1Aggregator: Coinr));
        var json = MethodologyJson.Serialize(m);
        Assert.Contains("\"copeland(missing=coinr)\"", json, StringComparison.Ordinal);
        Assert.Equal(Coinr, MethodologyJson.Deserialize(json).Framework["P1"].Aggregator);
    }

    [Fact]
    public void Compute_CoinrAtPillarOfTiny_MatchesHandScores()
    {
        // P1 = Copeland of i1 (+, weight 3) and i2 (-, weight 1) normalised: A (0, 100), B (50, 50), C (100, 0): complete data.
        // Weights 0.75 / 0.25: A-B: B wins i1 (0.75) -> B +1, A -1; A-C: C +1, A -1; B-C: C +1, B -1. A -2, B 0, C +2.
        var r = IndexCalculator.Compute(TinyIndex.Methodology(TinyIndex.Framework(p1Aggregator: Coinr)), TinyIndex.Data());
        Assert.Equal([-2, 0, 2], r.Scores("P1").ToArray());
    }
}
