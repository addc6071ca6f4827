using System.Diagnostics;
using System.Text;

namespace ProvinceIct.Indicators.Tests.Support;

/// <summary>Runs a real child process (the built <c>ictindex</c>, <c>dotnet</c>, <c>bash</c>) with captured UTF-8 output and a time limit.</summary>
internal static class ChildProcess
{
    /// <summary>The <c>dotnet</c> host running the tests (<c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> from PATH.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>A start description with both streams redirected as UTF-8 and the .NET CLI's telemetry and logo off.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="workingDirectory">Its working directory.</param>
    /// <returns>The start description; add arguments and environment variables to it.</returns>
    public static ProcessStartInfo Start(string fileName, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    /// <summary>Runs the process to its end; past <paramref name="timeout"/> it is killed and the test fails, showing the ends of both streams.</summary>
    /// <param name="start">The start description.</param>
    /// <param name="timeout">The time limit.</param>
    /// <param name="what">What runs, for the failure message.</param>
    /// <returns>The exit code, standard output and standard error.</returns>
    public static async Task<(int Code, string Out, string Err)> RunAsync(ProcessStartInfo start, TimeSpan timeout, string what)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{what} did not finish within {timeout.TotalMinutes} minutes.\n--- stdout ---\n{Tail(await stdout)}\n--- stderr ---\n{Tail(await stderr)}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The last 6,000 characters of a text (all of a shorter one), for failure messages.</summary>
    public static string Tail(string s) => s.Length <= 6000 ? s : "...\n" + s[^6000..];
}
