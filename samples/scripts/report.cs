#:project ../../src/ProvinceIct.Indicators/ProvinceIct.Indicators.csproj
#:property PublishAot=false

// Writes the self-contained HTML report of the embedded Open-data Provincial Readiness Index 2016, with the rank
// intervals of a small seeded uncertainty analysis, and prints the file's path and size.
// Run: dotnet run samples/scripts/report.cs [output.html]   (default: a new file in the temp folder)
using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Uncertainty;

string path = args.Length > 0
    ? Path.GetFullPath(args[0])
    : Path.Combine(Path.GetTempPath(), "open-readiness-2016-" + Guid.NewGuid().ToString("N")[..8] + ".html");

IndexResult result = IndexCalculator.Compute(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset);
UncertaintyResult uncertainty = UncertaintyAnalysis.Run(
    OpenReadiness2016.Methodology,
    OpenReadiness2016.Dataset,
    [
        UncertainFactor.WeightNoise(0.25),
        UncertainFactor.NormaliserChoice(Normaliser.MinMax(1, 100), Normaliser.ZScore(10, 2)),
        UncertainFactor.AggregatorChoice(Aggregator.ArithmeticMean, Aggregator.GeometricMean),
    ],
    UncertaintyOptions.Default with { Runs = 500, Seed = 2016 });

HtmlReport report = HtmlReport.Create(result, uncertainty);
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
report.Save(path);

Console.WriteLine($"Report: {report.Title}");
Console.WriteLine(FormattableString.Invariant($"Wrote {path} ({new FileInfo(path).Length} bytes)"));
