using System.Diagnostics;
using System.Text;
using ProvinceIct.Indicators.Cli;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>
/// ictindex as a real process (the CLI's dll beside the tests, run by dotnet through bash), for what only a real
/// process shows: standard output on a full device or a closed pipe. Linux only (bash, /dev/full).
/// </summary>
public sealed class ProgramTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _dir = Directory.CreateTempSubdirectory("ictindex-process").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Runs a bash script in which <c>$ICTINDEX</c> starts the tool; returns bash's exit code and both streams.</summary>
    private async Task<(int Code, string Out, string Err)> BashAsync(string script)
    {
        var dll = typeof(IctIndexCli).Assembly.Location;
        var start = ChildProcess.Start("bash", _dir);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["ICTINDEX"] = $"'{ChildProcess.DotnetHost}' '{dll}'";
        start.Environment.Remove(IctIndexCli.DebugVariable);
        var (code, stdout, stderr) = await ChildProcess.RunAsync(start, Timeout, $"'{script}'");
        return (code, stdout, stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static void AssertNoStackTrace(string err)
    {
        Assert.DoesNotContain("Unhandled exception", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_StandardOutputIsDevFull_Exit4OneLine()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (code, _, err) = await BashAsync("eval \"$ICTINDEX rank\" > /dev/full");
        AssertNoStackTrace(err);
        Assert.Equal("error: cannot write to standard output: No space left on device\n", err);
        Assert.Equal(ExitCodes.IoError, code);
    }

    [Fact]
    public async Task Compute_OutputDevFull_Exit4OneLineAndDeviceIntact()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        File.WriteAllText(Path.Combine(_dir, "m.csv"), "iCode,iName,Level,Parent,Direction,Weight,Type\ni1,One,1,IDX,1,1,Indicator\nIDX,Index,2,,1,1,Aggregate\n");
        File.WriteAllText(Path.Combine(_dir, "d.csv"), "uCode,uName,i1\nA,Alpha,1\nB,Bravo,2\n");
        var (code, output, err) = await BashAsync("eval \"$ICTINDEX compute --data d.csv --meta m.csv --output /dev/full\"");
        AssertNoStackTrace(err);
        Assert.Equal("error: No space left on device : '/dev/full'\n", err);
        Assert.Equal(string.Empty, output);
        Assert.Equal(ExitCodes.IoError, code);
        Assert.Equal(0, new FileInfo("/dev/full").Length);
    }

    [Fact]
    public async Task Rank_StandardOutputPipeClosed_ExitsQuietly()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // 'true' exits at once, long before the tool has started, so every write of the tool meets a closed pipe
        // (EPIPE); the three formats write in one, in several and in many calls.
        var (code, output, err) = await BashAsync(
            "for f in table csv json; do eval \"$ICTINDEX rank --format $f\" | true; echo \"$f ${PIPESTATUS[0]}\"; done");
        AssertNoStackTrace(err);
        Assert.Equal(string.Empty, err);
        Assert.Equal("table 0\ncsv 0\njson 0\n", output);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Rank_StandardOutputCutByHead_FirstLineAndExit0()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (code, output, err) = await BashAsync("eval \"$ICTINDEX rank\" | head -1; echo \"${PIPESTATUS[0]}\"");
        AssertNoStackTrace(err);
        Assert.Equal("Open-data Provincial Readiness Index 2016 (open-readiness-2016)\n0\n", output);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Compute_InputLargerThanHeapLimit_Exit5OneLineOldOutputKept()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // 400,000 units x 5 indicators (about 17 MB) under a 48 MiB heap limit: enough for the tool to start and parse,
        // not for the data. The limit is the runtime's own (DOTNET_GCHeapHardLimit), so the failure is a real one.
        File.WriteAllText(Path.Combine(_dir, "m.csv"),
            "iCode,iName,Level,Parent,Direction,Weight,Type\n"
            + string.Concat(Enumerable.Range(1, 5).Select(j => $"i{j},I{j},1,IDX,1,1,Indicator\n"))
            + "IDX,Index,2,,1,1,Aggregate\n");
        var data = new StringBuilder("uCode,uName,i1,i2,i3,i4,i5\n");
        for (var u = 0; u < 400_000; u++)
        {
            data.Append('U').Append(u).Append(",Unit ").Append(u);
            for (var j = 1; j <= 5; j++)
            {
                data.Append(',').Append(((u * 7919 + j * 104729) % 10007) / 100.0);
            }

            data.Append('\n');
        }

        File.WriteAllText(Path.Combine(_dir, "d.csv"), data.ToString());
        File.WriteAllText(Path.Combine(_dir, "out.csv"), "the previous output\n");
        var (code, output, err) = await BashAsync(
            "export DOTNET_GCHeapHardLimit=0x3000000; eval \"$ICTINDEX compute --data d.csv --meta m.csv --format csv --output out.csv\"");
        AssertNoStackTrace(err);
        Assert.Equal(ExitCodes.OutOfMemory, code);
        Assert.StartsWith("error: not enough memory: the input does not fit in the ", err, StringComparison.Ordinal);
        Assert.Contains("nothing was written", err, StringComparison.Ordinal);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.Equal(string.Empty, output);
        Assert.Equal("the previous output\n", File.ReadAllText(Path.Combine(_dir, "out.csv")));
        Assert.Equal(["d.csv", "m.csv", "out.csv"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Rank_LanguageVariableVietnamese_HelpAndErrorsInVietnamese()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (code, output, err) = await BashAsync("export ICTINDEX_LANGUAGE=vi; eval \"$ICTINDEX rank --help\" && eval \"$ICTINDEX rank --tpo 3\"");
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.Contains("Tuỳ chọn:", output, StringComparison.Ordinal);
        Assert.Contains("Chỉ hiển thị N tỉnh/thành phố đầu tiên.", output, StringComparison.Ordinal);
        Assert.Equal("lỗi: tuỳ chọn không xác định '--tpo' cho 'ictindex rank'. Có phải ý bạn là '--top'?\nChạy 'ictindex --help --language vi' để xem cách dùng.\n", err);
    }
}
