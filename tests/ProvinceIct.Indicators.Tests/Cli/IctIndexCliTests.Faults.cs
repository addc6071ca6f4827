using ProvinceIct.Indicators.Cli;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>Failures that are not the user's arguments or data: I/O errors (exit 4) and internal errors (exit 70).</summary>
public sealed partial class IctIndexCliTests
{
    /// <summary>A standard output that fails on the first write with the given exception.</summary>
    private sealed class FailingWriter(Exception failure) : StringWriter
    {
        public override void Write(char value) => throw failure;

        public override void Write(string? value) => throw failure;

        public override void WriteLine(string? value) => throw failure;
    }

    private static (int Code, string Err) RunWith(TextWriter stdout, params string[] args)
    {
        using var stderr = new StringWriter();
        var code = IctIndexCli.Run(args, stdout, stderr);
        return (code, stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_StandardOutputFails_Exit4OneLine()
    {
        using var stdout = new GuardedWriter(new FailingWriter(new IOException("No space left on device")), "standard output", WriteFailure.Report);
        var (code, err) = RunWith(stdout, "rank");
        Assert.Equal(ExitCodes.IoError, code);
        Assert.Equal("error: cannot write to standard output: No space left on device\n", err);
    }

    [Fact]
    public void Run_UnexpectedException_InternalErrorOneLineWithoutStackTrace()
    {
        using var stdout = new FailingWriter(new InvalidOperationException("boom\nsecond line"));
        var (code, err) = RunWith(stdout, "rank");
        Assert.Equal(70, code);
        Assert.Equal("internal error: InvalidOperationException: boom second line\nSet ICTINDEX_DEBUG=1 to see the details, and please report it.\n", err);
    }

    [Fact]
    public void Run_UnexpectedExceptionWithDebug_AddsStackTrace()
    {
        var before = Environment.GetEnvironmentVariable(IctIndexCli.DebugVariable);
        Environment.SetEnvironmentVariable(IctIndexCli.DebugVariable, "1");
        try
        {
            using var stdout = new FailingWriter(new InvalidOperationException("boom"));
            var (code, err) = RunWith(stdout, "rank");
            Assert.Equal(ExitCodes.InternalError, code);
            Assert.StartsWith("internal error: InvalidOperationException: boom\nSystem.InvalidOperationException: boom\n", err, StringComparison.Ordinal);
            Assert.Contains("   at ", err, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(IctIndexCli.DebugVariable, before);
        }
    }

    [Fact]
    public void Run_StandardErrorFailsToo_StillReturnsTheExitCode()
    {
        using var stdout = new FailingWriter(new InvalidOperationException("boom"));
        using var stderr = new FailingWriter(new IOException("No space left on device"));
        Assert.Equal(ExitCodes.InternalError, IctIndexCli.Run(["rank"], stdout, stderr));
    }

    [Fact]
    public void Compute_OutputFolderRefusesFiles_Exit4NamesPathAndCause()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Tests may run as root, which ignores permission bits; sysfs refuses new files even to root.
        var (code, _, err) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), "--output", "/sys/ictindex-out.txt");
        Assert.Equal(ExitCodes.IoError, code);
        Assert.Equal("error: Access to the path '/sys/ictindex-out.txt' is denied.\n", err);
    }

    [Fact]
    public void Uncertainty_OutputFolderRefusesFiles_Exit4BeforeReadingTheData()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // The data is invalid (exit 3 once read) and the run long: exit 4 proves the permission probe comes first.
        var (code, output, err) = Run("uncertainty", "--data", Write("bad.csv", "not,a,dataset\n"), "--meta", Write("m.csv", Meta), "--runs", "5000000", "--weights-noise", "0.25", "--output", "/sys/ictindex-u.csv");
        Assert.Equal(ExitCodes.IoError, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("error: Access to the path '/sys/ictindex-u.csv' is denied.\n", err);
    }

    [Fact]
    public void Compute_OutputDevFull_Exit4OneLine()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (code, _, err) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), "--output", "/dev/full");
        Assert.Equal(ExitCodes.IoError, code);
        Assert.Equal("error: No space left on device : '/dev/full'\n", err);
    }

    [Fact]
    public void Help_ListsTheExitCodes()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("Exit codes: 0 success; 2 bad arguments (checked before any work); 3 invalid input; 4 a file or stream could not be read or written (output permission is probed before any work); 5 not enough memory for the input (nothing written); 130 cancelled by Ctrl-C (SIGINT); 143 stopped by SIGTERM; 70 internal error", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DataIsAFolder_Exit2SaysFolder()
    {
        var folder = Directory.CreateTempSubdirectory("ictindex-data-folder").FullName;
        try
        {
            var (code, err) = RunWith(new StringWriter(), "compute", "--data", folder, "--preset", "open-readiness-2016");
            Assert.Equal(ExitCodes.BadArguments, code);
            Assert.Equal($"error: --data: '{folder}' is a folder; give a file in it.\n", err);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
