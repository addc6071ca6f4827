using System.Reflection;
using System.Text.Json;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Samples;

/// <summary>
/// Keeps <c>samples/notebooks/ministry.ipynb</c> (the ministry workflow: an Excel workbook written, read back and checked,
/// a preset computed, compared with an illustrative earlier edition and the published record, and exported) from
/// rotting: its JSON is checked, and its C# cells are run as one file-based app (<see cref="NotebookScript"/>) whose
/// output is compared with the library's. CI also executes it in a real .NET Interactive kernel.
/// </summary>
public class MinistryNotebookTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static string NotebookPath => RepositoryPaths.Get("samples/notebooks/ministry.ipynb");

    [Fact]
    public void Notebook_Json_IsNbformat4WithPolyglotCSharpMetadataAndNoOutputs()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(NotebookPath));
        var root = doc.RootElement;

        Assert.Equal(4, root.GetProperty("nbformat").GetInt32());
        Assert.Equal(".net-csharp", root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        Assert.True(cells.Count(c => c.GetProperty("cell_type").GetString() == "markdown") >= 5, "a markdown cell explains each step");
        var code = cells.Where(c => c.GetProperty("cell_type").GetString() == "code").ToList();
        Assert.NotEmpty(code);
        Assert.All(code, c =>
        {
            Assert.Equal("csharp", c.GetProperty("metadata").GetProperty("polyglot_notebook").GetProperty("kernelName").GetString());
            Assert.Empty(c.GetProperty("outputs").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, c.GetProperty("execution_count").ValueKind);
        });

        var text = File.ReadAllText(NotebookPath);
        Assert.DoesNotContain("samples/data", text, StringComparison.Ordinal);
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
    public async Task Notebook_CSharpCellsRunAsOneScript_ReadCheckComputeCompareAndExport()
    {
        var dir = Directory.CreateTempSubdirectory("ministry-notebook").FullName;
        try
        {
            var script = Path.Combine(dir, "ministry.cs");
            await File.WriteAllTextAsync(script, NotebookScript.ToFileBasedApp(await File.ReadAllTextAsync(NotebookPath), RepositoryPaths.LibraryProject));

            var start = ChildProcess.Start(ChildProcess.DotnetHost, dir);
            start.ArgumentList.Add("run");
            start.ArgumentList.Add(script);
            var (code, stdout, stderr) = await ChildProcess.RunAsync(start, Timeout, "dotnet run ministry.cs");

            var context = $"\n--- stdout ---\n{ChildProcess.Tail(stdout)}\n--- stderr ---\n{ChildProcess.Tail(stderr)}";
            Assert.True(code == 0, $"dotnet run exited with {code}" + context);
            var lines = stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var data = OpenReadiness2016.Dataset;
            var result = IndexCalculator.Compute(OpenReadiness2016.Methodology, data);

            // 1. The workbook read back holds the embedded data.
            Assert.Contains($"{data.UnitCount} provinces, {data.IndicatorCount} indicators, {data.MissingCount} missing values (empty cells)", lines);
            // 2. The mistake is reported at its cell, and the exception carries it.
            Assert.Contains(lines, l => l.StartsWith("open-readiness-2016-with-a-mistake.xlsx!iData ", StringComparison.Ordinal)
                && l.Contains("[ValueOutOfRange]", StringComparison.Ordinal) && l.Contains("literacy_pct", StringComparison.Ordinal)
                && l.Contains("expected a percent in [0, 100]", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("ValidationException: ", StringComparison.Ordinal));
            // 3. The ranking in English and Vietnamese, computed from the workbook, is the embedded run's.
            Assert.True(stdout.Contains(RankingTable.From(result, 10).ToHtml(), StringComparison.Ordinal), "ranking table" + context);
            Assert.True(stdout.Contains(RankingTable.From(result, 10, ReportOptions.Vietnamese).ToHtml(), StringComparison.Ordinal), "Vietnamese ranking table" + context);
            // 4. The illustrative earlier edition is valid; the published record and comparison are shown.
            Assert.Contains("illustrative 2015 edition, checked against the framework: valid", lines);
            Assert.True(stdout.Contains(PublishedResults.Default.ToTable([PublishedResults.Resolve("Bình Phước")]).ToHtml(), StringComparison.Ordinal), "Bình Phước's record" + context);
            Assert.Contains(PublishedComparison.Compare(PublishedResults.Default.Edition("ict-index-2016"), result).Summary, lines);
            // 5. The export lists its sheets; the charts are SVG.
            Assert.True(stdout.Contains("<caption>Sheets of ket-qua-open-readiness-2016.xlsx</caption>", StringComparison.Ordinal), "sheets table" + context);
            Assert.True(stdout.Split("<svg").Length - 1 >= 3, "tile map and two bump charts" + context);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
