using System.Diagnostics;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>Ctrl-C and SIGTERM through the built <c>ictindex</c> as a real process.</summary>
public sealed class CancellationHostTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ictindex-signal").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Signal_DuringLongUncertaintyRun_StopsWithinTwoSecondsOneLineOutputKept(string signal, int expected)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // POSIX signals only.
        }

        var output = Path.Combine(_dir, "out.txt");
        File.WriteAllText(output, "previous output\n");
        var before = File.ReadAllBytes(output);
        var start = ChildProcess.Start(ChildProcess.DotnetHost, _dir);
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "ictindex.dll"), "uncertainty", "--runs", "2000000", "--weights-noise", "0.25", "--threads", "1", "--output", output })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();

        // Working: well past start-up (which registers the handlers before any work), with CPU time spent.
        var clock = Stopwatch.StartNew();
        while ((clock.Elapsed < TimeSpan.FromSeconds(3) || process.TotalProcessorTime < TimeSpan.FromSeconds(1.5)) && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(process.HasExited, "ictindex finished before it was signalled.");
            await Task.Delay(100);
        }

        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var sent = Stopwatch.StartNew();
        var exited = process.WaitForExit(TimeSpan.FromSeconds(10));
        var stop = sent.Elapsed;
        if (!exited)
        {
            process.Kill();
        }

        Assert.True(exited, "ictindex did not stop within 10 s of the signal.");
        Assert.True(stop < TimeSpan.FromSeconds(2), $"Stopped {stop.TotalMilliseconds:0} ms after the signal.");
        Assert.Equal(expected, process.ExitCode);
        Assert.Equal("cancelled: no output was written\n", (await stderr).Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(string.Empty, await stdout);
        Assert.Equal(before, File.ReadAllBytes(output));
    }
}
