using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Tests.Samples;

/// <summary>
/// Keeps <c>samples/notebooks/quickstart.ipynb</c> from rotting: its JSON is checked, and its C# cells are run as one
/// file-based app (see <see cref="NotebookScript"/> for the rules) whose output is compared with the library's.
/// </summary>
public class QuickstartNotebookTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static string NotebookPath => RepositoryPaths.Get("samples/notebooks/quickstart.ipynb");

    [Fact]
    public void Notebook_Json_IsNbformat4WithPolyglotCSharpMetadata()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(NotebookPath));
        var root = doc.RootElement;

        Assert.Equal(4, root.GetProperty("nbformat").GetInt32());
        Assert.InRange(root.GetProperty("nbformat_minor").GetInt32(), 4, 5);
        var kernelspec = root.GetProperty("metadata").GetProperty("kernelspec");
        Assert.Equal(".net-csharp", kernelspec.GetProperty("name").GetString());
        Assert.Equal("C#", kernelspec.GetProperty("language").GetString());
        Assert.Equal("csharp", root.GetProperty("metadata").GetProperty("polyglot_notebook").GetProperty("kernelInfo").GetProperty("defaultKernelName").GetString());

        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        Assert.All(cells, c => Assert.Contains(c.GetProperty("cell_type").GetString(), new[] { "code", "markdown" }));
        Assert.All(cells, c => Assert.Equal(JsonValueKind.Array, c.GetProperty("source").ValueKind));
        var code = cells.Where(c => c.GetProperty("cell_type").GetString() == "code").ToList();
        Assert.NotEmpty(code);
        Assert.True(cells.Count(c => c.GetProperty("cell_type").GetString() == "markdown") >= 5, "a markdown cell explains each step");
        Assert.All(code, c =>
        {
            var meta = c.GetProperty("metadata");
            Assert.Equal("csharp", meta.GetProperty("dotnet_interactive").GetProperty("language").GetString());
            Assert.Equal("csharp", meta.GetProperty("polyglot_notebook").GetProperty("kernelName").GetString());
            Assert.Empty(c.GetProperty("outputs").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, c.GetProperty("execution_count").ValueKind);
        });
    }

    [Fact]
    public void Notebook_FirstCodeCell_ReferencesThePackageAtTheLibraryVersion()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(NotebookPath));
        var first = doc.RootElement.GetProperty("cells").EnumerateArray().First(c => c.GetProperty("cell_type").GetString() == "code");
        var source = string.Concat(first.GetProperty("source").EnumerateArray().Select(s => s.GetString())).Trim();
        var version = typeof(IndexCalculator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

        Assert.Equal($"#r \"nuget: ProvinceIct.Indicators, {version}\"", source);
    }

    [Fact]
    public async Task Notebook_CSharpCellsRunAsOneScript_PrintTheLibrarysResults()
    {
        var dir = Directory.CreateTempSubdirectory("quickstart-notebook").FullName;
        try
        {
            var script = Path.Combine(dir, "quickstart.cs");
            await File.WriteAllTextAsync(script, NotebookScript.ToFileBasedApp(await File.ReadAllTextAsync(NotebookPath), RepositoryPaths.LibraryProject));

            var (code, stdout, stderr) = await RunAsync(dir, "run", script);

            var context = $"\n--- script ---\n{await File.ReadAllTextAsync(script)}\n--- stdout ---\n{ChildProcess.Tail(stdout)}\n--- stderr ---\n{ChildProcess.Tail(stderr)}";
            Assert.True(code == 0, $"dotnet run exited with {code}" + context);
            var lines = stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var data = OpenReadiness2016.Dataset;
            var result = IndexCalculator.Compute(OpenReadiness2016.Methodology, data);

            Assert.True(lines.Contains($"{data.UnitCount} provinces, {data.IndicatorCount} indicators, {data.MissingCount} missing values"), "data summary" + context);
            Assert.True(lines.Contains(result.Rank("70").ToString(CultureInfo.InvariantCulture)), "Bình Phước's rank" + context);
            Assert.True(stdout.Contains("<table class=\"ranking\">", StringComparison.Ordinal), "ranking table" + context);
            Assert.True(stdout.Contains(result.Ranking[0].Unit.Name, StringComparison.Ordinal), "the first province" + context);
            Assert.True(stdout.Contains(UncertaintyTable.From(Uncertainty(), 10).ToHtml(), StringComparison.Ordinal), "uncertainty table of the top 10" + context);
            Assert.True(stdout.Contains(UnitProfileTable.From(result, "48", data).ToHtml(), StringComparison.Ordinal), "Đà Nẵng's profile" + context);
            Assert.True(stdout.Contains("<table class=\"decomposition\">", StringComparison.Ordinal), "decomposition table" + context);
            var parts = Decomposition.Compute(result, null);
            Assert.True(lines.Contains(string.Create(CultureInfo.InvariantCulture, $"Đà Nẵng: score {parts.Score("48"):F4} = sum of its contributions {parts.Total("48"):F4}")), "Đà Nẵng's score line" + context);
            Assert.True(CountOf(stdout, "<svg") >= 4, "four SVG charts" + context);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // The analysis of the notebook's uncertainty cell, run in-process.
    private static UncertaintyResult Uncertainty() =>
        UncertaintyAnalysis.Run(
            OpenReadiness2016.Methodology,
            OpenReadiness2016.Dataset,
            [
                UncertainFactor.WeightNoise(0.25),
                UncertainFactor.NormaliserChoice(Normaliser.MinMax(1, 100), Normaliser.ZScore(10, 2)),
                UncertainFactor.AggregatorChoice(Aggregator.ArithmeticMean, Aggregator.GeometricMean),
            ],
            UncertaintyOptions.Default with { Runs = 1000, Seed = 2016 });

    private static Task<(int Code, string Out, string Err)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = ChildProcess.Start(ChildProcess.DotnetHost, workingDirectory);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return ChildProcess.RunAsync(start, Timeout, "dotnet " + string.Join(' ', args));
    }

    private static int CountOf(string s, string part)
    {
        var n = 0;
        for (var i = s.IndexOf(part, StringComparison.Ordinal); i >= 0; i = s.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
