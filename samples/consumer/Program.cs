// A small app built against the ProvinceIct.Indicators package: it ranks the provinces on the embedded index,
// recomputes them with a geometric mean, explains the leader's score and writes the HTML report.
// Usage: dotnet run [output-folder]
using System.Globalization;
using System.Reflection;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;

var library = typeof(IndexCalculator).Assembly;
Console.WriteLine($"ProvinceIct.Indicators {library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]}");

// The embedded index as published: min-max to [0, 100], arithmetic means.
IndexResult result = IndexCalculator.Compute(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset);
Console.WriteLine(RankingTable.From(result, top: 5).ToText());

// The same index with a geometric mean: min-max to [1, 100] so that no value is zero.
Methodology geometric = OpenReadiness2016.Methodology
    .WithNormaliserEverywhere(Normaliser.MinMax(1, 100))
    .WithAggregatorEverywhere(Aggregator.GeometricMean);
IndexResult alternative = IndexCalculator.Compute(geometric, OpenReadiness2016.Dataset);
int moved = result.Units.Count(u => result.Rank(u.Code) != alternative.Rank(u.Code));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Geometric mean: {moved} of {result.Units.Length} provinces change rank."));

// Why the leader leads: its strongest and weakest indicators.
RankedUnit leader = result.Ranking[0];
StrengthsAndWeaknesses standing = StrengthsAndWeaknesses.For(result, leader.Unit.Code, k: 2, dataset: OpenReadiness2016.Dataset);
Console.WriteLine($"{leader.Unit.Name}: strengths {string.Join(", ", standing.Strengths.Select(s => s.NodeCode))}; weaknesses {string.Join(", ", standing.Weaknesses.Select(s => s.NodeCode))}");

string folder = args.Length > 0 ? args[0] : Path.GetTempPath();
Directory.CreateDirectory(folder);
string path = Path.Combine(folder, "consumer-report.html");
HtmlReport.Create(result).Save(path);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Report: {path} ({new FileInfo(path).Length} bytes)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"consumer ok: {result.Ranking.Length} provinces ranked"));
