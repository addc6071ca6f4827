using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Cli.Explore;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli.Explore;

public class ExploreSessionTests
{
    [Fact]
    public void Run_RandomScenarios_EqualIndexCalculatorExactly()
    {
        // Property: for any weights, aggregators, normalisers and ties, the pooled compiled run gives the library's numbers.
        var session = new ExploreSession(TinyIndex.Methodology(), TinyIndex.Data());
        var random = new Random(2016);
        string[] aggregators = ["arithmetic", "geometric", "harmonic", "median", "minimum"];
        string[] normalisers = ["minmax(0,100)", "rank", "percentile-rank", "minmax(1,10)", "zscore(10,2)"];
        for (var k = 0; k < 200; k++)
        {
            var scenario = new Scenario
            {
                Weights = new() { ["P1"] = Math.Round(random.NextDouble() * 3, 2), ["i1"] = Math.Round(random.NextDouble() * 3, 2) },
                Aggregators = new() { ["P1"] = aggregators[random.Next(aggregators.Length)], ["IDX"] = aggregators[random.Next(2)] },
                Normalisers = new() { ["i3"] = normalisers[random.Next(normalisers.Length)] },
                Ties = MethodOptionsTieName(random.Next(4)),
            };
            var m = session.ToMethodology(scenario);
            IndexResult expected;
            try
            {
                expected = IndexCalculator.Compute(m, TinyIndex.Data());
            }
            catch (CalculationException)
            {
                Assert.Throws<CalculationException>(() => session.Run(m));
                continue;
            }

            var run = session.Run(m);
            for (var i = 0; i < run.Units.Length; i++)
            {
                var code = run.Units[i].Code;
                Assert.Equal(expected.Score(code), run.Scores[i]);
                Assert.Equal(expected.Rank(code), run.Ranks[i]);
                Assert.Equal(expected.Score(code, "P1"), run.PillarScores[0][i]);
            }
        }
    }

    private static string MethodOptionsTieName(int i) => new[] { "competition", "dense", "fractional", "ordinal" }[i];

    [Fact]
    public void ToMethodology_EmptyScenario_IsTheNominalMethodology()
    {
        var session = new ExploreSession(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset);
        var m = session.ToMethodology(new Scenario());
        Assert.Equal(ProvinceIct.Indicators.IO.MethodologyJson.Serialize(OpenReadiness2016.Methodology), ProvinceIct.Indicators.IO.MethodologyJson.Serialize(m));
    }

    [Fact]
    public void ToMethodology_BadScenario_ThrowsEveryProblemLocated()
    {
        var session = new ExploreSession(TinyIndex.Methodology(), TinyIndex.Data());
        var ex = Assert.Throws<ValidationException>(() => session.ToMethodology(new Scenario
        {
            Weights = new() { ["IDX"] = 1, ["zz"] = 1, ["P2"] = double.NaN },
            Aggregators = new() { ["i1"] = "arithmetic", ["P1"] = "power(x)" },
            Normalisers = new() { ["P1"] = "rank", ["i2"] = "frobnicate" },
        }));
        Assert.Equal("scenario", ex.What);
        var codes = ex.Report.Problems.Select(p => p.IndicatorCode).ToList();
        Assert.Equal(["IDX", "zz", "P2", "P1", "i2", "i1", "P1"], codes);
    }

    [Fact]
    public void Run_NominalScenario_HasNoRankChange()
    {
        var session = new ExploreSession(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset);
        var run = session.Run(session.ToMethodology(new Scenario()));
        Assert.Equal(run.NominalRanks, run.Ranks);
        var table = ExploreViews.Ranking(run, "vi", 10);
        Assert.Equal(10, table.Rows.Length);
        Assert.Equal("Hạng", table.Columns[0].Header);
    }

    [Fact]
    public void Run_BenefitOfTheDoubtOnOneNode_Works()
    {
        // The compiled nominal index does not use benefit of the doubt: its simplex scratch must still be made.
        var session = new ExploreSession(TinyIndex.Methodology(), TinyIndex.Data());
        var m = session.ToMethodology(new Scenario { Aggregators = new() { ["IDX"] = "bod" } });
        var run = session.Run(m);
        var expected = IndexCalculator.Compute(m, TinyIndex.Data());
        Assert.Equal(expected.IndexScores.ToArray(), run.Scores);
    }

    [Theory]
    [InlineData("vi", "Nút 'IDX' là chỉ số tổng; nó không có trọng số.", "Không có nút 'zz' cho weights.", "Trọng số của nút 'P2' phải là một số hữu hạn, ít nhất là 0.", "Không nhận ra cách xử lý đồng hạng 'sideways'.")]
    [InlineData("en", "Node 'IDX' is the index; it has no weight.", "There is no such node 'zz' for weights.", "The weight of node 'P2' must be a finite number at least 0.", "Unknown tie policy 'sideways'.")]
    public void ToMethodology_BadScenarioInLanguage_MessagesInThatLanguage(string language, string index, string unknown, string weight, string ties)
    {
        var session = new ExploreSession(TinyIndex.Methodology(), TinyIndex.Data());
        var ex = Assert.Throws<ValidationException>(() => session.ToMethodology(
            new Scenario { Weights = new() { ["IDX"] = 1, ["zz"] = 1, ["P2"] = double.NaN }, Ties = "sideways" }, language));
        Assert.Equal([index, unknown, weight, ties], ex.Report.Problems.Select(p => p.Message));
    }
}
