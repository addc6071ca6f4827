using System.Text;

namespace ProvinceIct.Indicators.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        using var host = new CancellationHost();
        var code = IctIndexCli.Run(
            args,
            new GuardedWriter(Console.Out, "standard output", WriteFailure.Report),
            new GuardedWriter(Console.Error, "standard error", WriteFailure.Ignore),
            host.Token);
        return code == ExitCodes.Cancelled ? host.ExitCode : code;
    }
}
