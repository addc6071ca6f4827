using ProvinceIct.Indicators.Cli;

namespace ProvinceIct.Indicators.Tests.Support;

/// <summary>Runs <c>ictindex</c> in-process with captured output, and owns a temporary folder for input files.</summary>
public abstract class CliRunner : IDisposable
{
    protected string Dir { get; } = Directory.CreateTempSubdirectory("ictindex-tests").FullName;

    public void Dispose()
    {
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = IctIndexCli.Run(args, stdout, stderr);
        return (code, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), stderr.ToString());
    }

    protected string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
