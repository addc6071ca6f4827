#:project ../../src/ProvinceIct.Indicators/ProvinceIct.Indicators.csproj
#:property PublishAot=false

// A seeded uncertainty analysis of the embedded Open-data Provincial Readiness Index 2016: the weights are perturbed
// by up to +/-25 %, the normaliser is min-max [1, 100] or z-score (mean 10, sd 2), and the aggregator is the
// arithmetic or the geometric mean. Prints the rank interval of the ten best-ranked provinces.
// Run: dotnet run samples/scripts/uncertainty.cs [runs]   (default 2000 replications; same seed, same output)
using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Uncertainty;

int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;

UncertaintyResult ua = UncertaintyAnalysis.Run(
    OpenReadiness2016.Methodology,
    OpenReadiness2016.Dataset,
    [
        UncertainFactor.WeightNoise(0.25),
        UncertainFactor.NormaliserChoice(Normaliser.MinMax(1, 100), Normaliser.ZScore(10, 2)),
        UncertainFactor.AggregatorChoice(Aggregator.ArithmeticMean, Aggregator.GeometricMean),
    ],
    UncertaintyOptions.Default with { Runs = runs, Seed = 2016 });

Console.WriteLine(FormattableString.Invariant($"{runs} replications, seed 2016; factors: {string.Join(", ", ua.Factors.Select(f => f.Name))}"));
Console.WriteLine();
Console.WriteLine("nominal  province            mean rank   median   5 %-95 % interval   P(top 10)");
foreach (UnitRankStatistics unit in ua.Units.OrderBy(u => u.NominalRank).Take(10))
{
    Console.WriteLine(FormattableString.Invariant(
        $"{unit.NominalRank,7:0}  {unit.Unit.Name,-18}  {unit.MeanRank,9:0.0}  {unit.MedianRank,7:0.#}   [{unit.Q05Rank,4:0.#}, {unit.Q95Rank,4:0.#}]         {unit.ProbabilityTop(10),6:0.00}"));
}

Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"Mean absolute rank shift from the nominal ranking: {ua.MeanAbsoluteRankShift:0.00} places."));
