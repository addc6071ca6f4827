using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>Outputs are checked before any work (exit 2, nothing written), through the commands that write files.</summary>
public sealed class OutputPathsTests : CliRunner
{
    private const string Meta = """
        iCode,iName,Level,Parent,Direction,Weight,Type
        i1,Indicator 1,1,IDX,1,1,Indicator
        IDX,Index,2,,1,1,Aggregate
        """;

    // Not valid data (a letter where a number belongs): a command that started work would stop with exit 3 instead.
    private const string InvalidData = "uCode,uName,i1\nA,Alpha,1\nB,Bravo,x\n";

    private const string Data = "uCode,uName,i1\nA,Alpha,1\nB,Bravo,2\n";

    [Theory]
    [InlineData("absolute")]
    [InlineData("relative")]
    [InlineData("dot-dot")]
    [InlineData("symlink")]
    public void Compute_OutputIsTheData_Exit2BeforeAnyWorkAndDataUnchanged(string spelling)
    {
        var data = Write("d.csv", InvalidData);
        Directory.CreateDirectory(Path.Combine(Dir, "sub"));
        var output = spelling switch
        {
            "absolute" => data,
            "relative" => Path.GetRelativePath(Environment.CurrentDirectory, data),
            "dot-dot" => Path.Combine(Dir, "sub", "..", "d.csv"),
            _ => File.CreateSymbolicLink(Path.Combine(Dir, "link.csv"), data).FullName,
        };
        var (code, _, err) = Run("compute", "--data", data, "--meta", Write("m.csv", Meta), "--output", output);
        Assert.Equal(2, code);
        Assert.Equal($"error: --output: '{Path.GetFullPath(output)}' is the --data input file; writing it would overwrite your data. Give another output file.\n", err.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(InvalidData, File.ReadAllText(data));
    }

    [Fact]
    public void Compute_LogIsTheMeta_Exit2AndMetaUnchanged()
    {
        var meta = Write("m.csv", Meta);
        var (code, _, err) = Run("compute", "--data", Write("d.csv", InvalidData), "--meta", meta, "--log", meta);
        Assert.Equal(2, code);
        Assert.Contains("--log: ", err, StringComparison.Ordinal);
        Assert.Contains("is the --meta input file", err, StringComparison.Ordinal);
        Assert.Equal(Meta, File.ReadAllText(meta));
    }

    [Fact]
    public void Compute_LogIsTheOutput_Exit2()
    {
        var target = Path.Combine(Dir, "out.txt");
        var (code, _, err) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), "--output", target, "--log", target);
        Assert.Equal(2, code);
        Assert.Contains($"--log: '{target}' is also the --output file", err, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Compute_OutputFolderMissing_Exit2NamesTheFolder()
    {
        var target = Path.Combine(Dir, "no-such-folder", "out.txt");
        var (code, _, err) = Run("compute", "--data", Write("d.csv", InvalidData), "--meta", Write("m.csv", Meta), "--output", target);
        Assert.Equal(2, code);
        Assert.Equal($"error: --output: folder not found: '{Path.Combine(Dir, "no-such-folder")}' (create it first); cannot write '{target}'.", err.TrimEnd());
    }

    [Fact]
    public void Compute_OutputIsAFolder_Exit2AndFolderUntouched()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Dir, "results")).FullName;
        var (code, _, err) = Run("compute", "--data", Write("d.csv", InvalidData), "--meta", Write("m.csv", Meta), "--output", folder);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: --output: '{folder}' is a folder; give a file name", err, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void Compute_OutputFolderIsAFile_Exit2()
    {
        var file = Write("notafolder", "x");
        var (code, _, err) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), "--output", Path.Combine(file, "out.txt"));
        Assert.Equal(2, code);
        Assert.Contains($"'{file}' is a file, not a folder", err, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void Compute_OutputNewFileInExistingFolder_Written()
    {
        var target = Path.Combine(Dir, "out.csv");
        var (code, _, err) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), "--format", "csv", "--output", target);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, err);
        Assert.StartsWith("unit_code,unit_name,i1,", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(["d.csv", "m.csv", "out.csv"], Directory.EnumerateFiles(Dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Uncertainty_OutputIsTheData_Exit2()
    {
        var data = Write("d.csv", Data);
        var (code, _, err) = Run("uncertainty", "--data", data, "--meta", Write("m.csv", Meta), "--weights-noise", "0.2", "--runs", "10", "--output", data);
        Assert.Equal(2, code);
        Assert.Contains("is the --data input file", err, StringComparison.Ordinal);
        Assert.Equal(Data, File.ReadAllText(data));
    }

    [Fact]
    public void Remap_OutputIsTheData_Exit2AndDataUnchanged()
    {
        const string text = "uCode,pop\n01,1\n";
        var data = Write("p.csv", text);
        var (code, _, err) = Run("remap", "--data", data, "--to", "2025", "--sum", "pop", "--output", Path.Combine(Dir, ".", "p.csv"));
        Assert.Equal(2, code);
        Assert.Contains("--output: ", err, StringComparison.Ordinal);
        Assert.Contains("is the --data input file", err, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(data));
    }

    [Fact]
    public void Compare_OutputIsTheAfterData_Exit2AndDataUnchanged()
    {
        var data = Write("d.csv", InvalidData);
        var (code, _, err) = Run("compare", "--before-preset", "open-readiness-2016", "--after-preset", "open-readiness-2016", "--after-data", data, "--output", data);
        Assert.Equal(2, code);
        Assert.Contains("is the --after-data input file", err, StringComparison.Ordinal);
        Assert.Equal(InvalidData, File.ReadAllText(data));
    }
}
