using System.Globalization;
using ProvinceIct.Indicators.Cli;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Samples;

/// <summary>
/// Builds each one-file plugin in <c>samples/plugins</c> as a user would (<c>dotnet build file.cs -o dir</c>) and runs the
/// real <c>ictindex</c> with <c>--plugin</c>, from the command line and from a methodology JSON; the numbers are
/// computed by hand.
/// </summary>
public class PluginSampleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    private const string Meta = """
        iCode,iName,Level,Parent,Direction,Weight,Type,Kind
        i1,Indicator 1,1,P1,1,3,Indicator,percent
        i2,Indicator 2,1,P1,-1,1,Indicator,percent
        i3,Indicator 3,1,P2,1,1,Indicator,count
        P1,Pillar 1,2,IDX,1,2,Aggregate,
        P2,Pillar 2,2,IDX,1,1,Aggregate,
        IDX,Index,3,,1,1,Aggregate,
        """;

    private const string Data = """
        uCode,uName,i1,i2,i3
        A,Alpha,0,10,5
        B,Bravo,5,20,NA
        C,Charlie,10,30,15
        """;

    private const string PositiveMeta = """
        iCode,iName,Level,Parent,Direction,Weight,Type,Kind
        i1,Indicator 1,1,IDX,1,1,Indicator,count
        i2,Indicator 2,1,IDX,1,1,Indicator,count
        IDX,Index,2,,1,1,Aggregate,
        """;

    private const string PositiveData = """
        uCode,uName,i1,i2
        A,Alpha,1,16
        B,Bravo,4,4
        C,Charlie,9,1
        """;

    [Fact]
    public async Task UnweightedSum_CliAndJson_SumOfPresentChildren()
    {
        var dir = Directory.CreateTempSubdirectory("plugin-unweighted-sum").FullName;
        try
        {
            var plugin = await BuildAsync("UnweightedSum", dir);
            var meta = Write(dir, "m.csv", Meta);
            var data = Write(dir, "d.csv", Data);

            // Min-max [0, 100]: i1 A 0, B 50, C 100; i2 (negative) A 100, B 50, C 0; i3 A 0, B missing, C 100.
            // P1 = i1 + i2 (weights ignored) = 100 for each; P2 = i3. IDX = P1 + P2: A 100, B 100 (P2 missing), C 200.
            var (code, output, err) = await IctIndexAsync(dir, "compute", "--data", data, "--meta", meta, "--plugin", plugin, "--aggregate", "unweighted-sum", "--format", "csv");
            Assert.True(code == 0, err);
            Assert.Equal([100, 100, 100], Column(output, "P1"));
            Assert.Equal([100, 100, 200], Column(output, "IDX"));

            // The same from a methodology JSON naming the method by its text.
            var json = Write(dir, "m.json", ProvinceIct.Indicators.IO.MethodologyJson.Serialize(TinyIndex.Methodology())
                .Replace("\"method\": \"arithmeticMean\"", "\"method\": \"unweighted-sum\"", StringComparison.Ordinal));
            var viaJson = await IctIndexAsync(dir, "compute", "--data", data, "--methodology", json, "--plugin", plugin, "--format", "csv");
            Assert.True(viaJson.Code == 0, viaJson.Err);
            Assert.Equal([100, 100, 200], Column(viaJson.Out, "IDX"));

            // Without the plugin the name is unknown: exit 3 (invalid input) naming the JSON path.
            var without = await IctIndexAsync(dir, "compute", "--data", data, "--methodology", json, "--format", "csv");
            Assert.NotEqual(0, without.Code);
            Assert.Contains("unweighted-sum", without.Err, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task BoxCoxMinMax_CliAndUncertaintyChoice_HandComputed()
    {
        var dir = Directory.CreateTempSubdirectory("plugin-boxcox").FullName;
        try
        {
            var plugin = await BuildAsync("BoxCoxMinMax", dir);
            var meta = Write(dir, "m.csv", PositiveMeta);
            var data = Write(dir, "d.csv", PositiveData);

            // lambda 0.5: b = (sqrt(x) - 1) / 0.5 = 2 (sqrt(x) - 1). i1 = 1, 4, 9: b = 0, 2, 4 -> 0, 50, 100.
            // i2 = 16, 4, 1: b = 6, 2, 0 -> 100, 2 / 6 * 100 = 33.33..., 0. IDX = mean: A 50, B 41.66..., C 50.
            var (code, output, err) = await IctIndexAsync(dir, "compute", "--data", data, "--meta", meta, "--plugin", plugin, "--normalise", "boxcox-minmax(0.5)", "--format", "csv");
            Assert.True(code == 0, err);
            AssertNumeric.Close([0, 50, 100], Column(output, "i1"));
            AssertNumeric.Close([100, 100.0 / 3, 0], Column(output, "i2"));
            AssertNumeric.Close([50, 125.0 / 3, 50], Column(output, "IDX"));

            // As an option of an uncertainty factor, next to a built-in in method text.
            var u = await IctIndexAsync(dir, "uncertainty", "--data", data, "--meta", meta, "--plugin", plugin, "--runs", "20", "--threads", "1",
                "--normalise-choices", "boxcox-minmax(0.5,0,100),minmax(0,100)", "--format", "csv");
            Assert.True(u.Code == 0, u.Err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The scores of one node from <c>compute --format csv</c> (a header with the node's code, then one row per unit in rank order), by unit code A, B, C.</summary>
    private static double[] Column(string csv, string node)
    {
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var at = Array.IndexOf(header, node);
        Assert.True(at >= 0, $"no column {node} in {lines[0]}");
        return lines.Skip(1).Select(l => l.Split(',')).OrderBy(f => f[0], StringComparer.Ordinal)
            .Select(f => double.Parse(f[at], CultureInfo.InvariantCulture)).ToArray();
    }

    private static string Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<string> BuildAsync(string sample, string dir)
    {
        var output = Path.Combine(dir, "plugin");
        var start = ChildProcess.Start(ChildProcess.DotnetHost, dir);
        foreach (var a in new[] { "build", RepositoryPaths.Get($"samples/plugins/{sample}.cs"), "-o", output })
        {
            start.ArgumentList.Add(a);
        }

        var (code, stdout, stderr) = await ChildProcess.RunAsync(start, Timeout, "dotnet build " + sample + ".cs");
        Assert.True(code == 0, $"dotnet build exited with {code}\n{ChildProcess.Tail(stdout)}\n{ChildProcess.Tail(stderr)}");
        return Path.Combine(output, sample + ".dll");
    }

    private static Task<(int Code, string Out, string Err)> IctIndexAsync(string dir, params string[] args)
    {
        var start = ChildProcess.Start(ChildProcess.DotnetHost, dir);
        start.ArgumentList.Add(typeof(IctIndexCli).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return ChildProcess.RunAsync(start, Timeout, "ictindex " + string.Join(' ', args));
    }
}
