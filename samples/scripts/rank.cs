#:project ../../src/ProvinceIct.Indicators/ProvinceIct.Indicators.csproj
#:property PublishAot=false

// Ranks Vietnam's 63 provinces on the embedded Open-data Provincial Readiness Index 2016 and prints the table.
// Run from anywhere: dotnet run samples/scripts/rank.cs
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;

IndexResult result = IndexCalculator.Compute(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset);

Console.WriteLine(OpenReadiness2016.Disclaimer);
Console.WriteLine();
Console.WriteLine(RankingTable.From(result).ToText());
Console.WriteLine();
Console.WriteLine($"{result.Ranking.Length} units ranked on {result.IndexCode}.");
