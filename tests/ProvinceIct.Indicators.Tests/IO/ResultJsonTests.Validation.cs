using System.Text.Json.Nodes;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Ranking;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.IO;

/// <summary>Saved results are checked when read: finite scores, ranks in 1..m that fit the scores and the tie policy.</summary>
public partial class ResultJsonTests
{
    /// <summary>The tiny result (three units A, B, C) with node 0's scores and ranks replaced.</summary>
    private static string WithNode0(double?[] scores, double?[] ranks, TiePolicy ties = TiePolicy.Competition)
    {
        var result = Indicators.Calculation.IndexCalculator.Compute(TinyIndex.Methodology().WithTies(ties), TinyIndex.Data());
        var doc = JsonNode.Parse(ResultJson.Serialize(result))!;
        var node = doc["nodes"]![0]!;
        node["scores"] = new JsonArray([.. scores.Select(s => s is { } x ? JsonValue.Create(x) : null)]);
        node["ranks"] = new JsonArray([.. ranks.Select(s => s is { } x ? JsonValue.Create(x) : null)]);
        return doc.ToJsonString();
    }

    private static ValidationProblem OnlyProblem(string json)
    {
        var r = ResultJson.Read(json);
        Assert.False(r.Success);
        return Assert.Single(r.Report.Problems);
    }

    [Fact]
    public void Read_RankAboveUnitCount_ReportsPathOfTheRank()
    {
        var p = OnlyProblem(WithNode0([30, 20, 10], [1, 2, 99]));
        Assert.Equal(ProblemCode.ValueOutOfRange, p.Code);
        Assert.Equal("$.nodes[0].ranks[2]", p.Path);
        Assert.Equal("99", p.Found);
        Assert.Equal("a whole number in [1, 3]", p.Expected);
        Assert.Equal("C", p.UnitCode);
        Assert.Contains("unit \"C\" (entry 3)", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InfiniteScore_ReportsNonFiniteValueWithPath()
    {
        // 1e999 overflows a double: System.Text.Json reads it as +Infinity.
        var json = WithNode0([30, 20, 123456.5], [1, 2, 3]).Replace("123456.5", "1e999", StringComparison.Ordinal);
        var p = OnlyProblem(json);
        Assert.Equal(ProblemCode.NonFiniteValue, p.Code);
        Assert.Equal("$.nodes[0].scores[2]", p.Path);
        Assert.Equal("Node 'i1' has an infinite score for unit \"C\" (entry 3).", p.Message);
    }

    [Fact]
    public void Read_RanksSwappedAgainstScores_ReportsBoth()
    {
        var r = ResultJson.Read(WithNode0([30, 20, 10], [2, 1, 3]));
        // Reported in score order: A (30) has rank 2, expected 1; B (20) has rank 1, expected 2.
        Assert.Equal(["$.nodes[0].ranks[0]", "$.nodes[0].ranks[1]"], r.Report.Problems.Select(p => p.Path));
        Assert.Equal(["1", "2"], r.Report.Problems.Select(p => p.Expected));
        Assert.Equal(["A", "B"], r.Report.Problems.Select(p => p.UnitCode));
        Assert.StartsWith("Node 'i1' gives unit \"A\" (entry 1) rank 2,", r.Report.Problems[0].Message, StringComparison.Ordinal);
        Assert.All(r.Report.Problems, p => Assert.Equal(ProblemCode.ValueOutOfRange, p.Code));
    }

    [Fact]
    public void Read_FractionalRankUnderCompetitionTies_IsRefused()
    {
        var r = ResultJson.Read(WithNode0([30, 20, 20], [1, 2.5, 2.5]));
        Assert.Equal(["$.nodes[0].ranks[1]", "$.nodes[0].ranks[2]"], r.Report.Problems.Select(p => p.Path));
        Assert.All(r.Report.Problems, p => Assert.Equal("a whole number in [1, 3]", p.Expected));
    }

    [Theory]
    // Scores 30, 20, 20 * (1 + 1e-13): the last two are one tie within the 1e-12 relative tolerance.
    [InlineData(TiePolicy.Competition, 1, 2, 2)]
    [InlineData(TiePolicy.Dense, 1, 2, 2)]
    [InlineData(TiePolicy.Fractional, 1, 2.5, 2.5)]
    [InlineData(TiePolicy.Ordinal, 1, 3, 2)]
    public void Read_NearlyEqualScoresRankedAsOneTie_IsAccepted(TiePolicy ties, double r0, double r1, double r2)
    {
        var r = ResultJson.Read(WithNode0([30, 20, 20 * (1 + 1e-13)], [r0, r1, r2], ties));
        Assert.True(r.Success, r.Report.ToString());
    }

    [Fact]
    public void Read_ScoresFarerApartThanTolerance_AreNotOneTie()
    {
        // 20 and 20 * (1 + 1e-9) differ by more than 1e-12 relative: competition ranks must be 2 and 3, not 2 and 2.
        var p = OnlyProblem(WithNode0([30, 20, 20 * (1 + 1e-9)], [1, 2, 2]));
        Assert.Equal("$.nodes[0].ranks[1]", p.Path);
        Assert.Equal("3", p.Expected);
    }

    [Fact]
    public void Read_NearlyEqualScoresRankedExactly_IsAlsoAccepted()
    {
        // A result saved by a ranker comparing scores exactly: 20 * (1 + 1e-13) ranks 2, 20 ranks 3.
        var r = ResultJson.Read(WithNode0([30, 20, 20 * (1 + 1e-13)], [1, 3, 2]));
        Assert.True(r.Success, r.Report.ToString());
    }

    [Fact]
    public void Read_RankWithoutScore_IsRefused()
    {
        var p = OnlyProblem(WithNode0([30, null, 10], [1, 2, 2]));
        Assert.Equal(ProblemCode.MissingValue, p.Code);
        Assert.Equal("$.nodes[0].ranks[1]", p.Path);
    }

    [Fact]
    public void Read_MissingScoreAndRank_RanksTheOthersFromOne()
    {
        var r = ResultJson.Read(WithNode0([30, null, 10], [1, null, 2]));
        Assert.True(r.Success, r.Report.ToString());
    }
}
