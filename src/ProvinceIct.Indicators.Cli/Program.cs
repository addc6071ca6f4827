using System.Text;

namespace ProvinceIct.Indicators.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        using var host = new CancellationHost();
        var code = IctIndexCli.Run(args, Console.Out, Console.Error, host.Token);
        return code == ExitCodes.Cancelled ? host.ExitCode : code;
    }
}
