using System.Text;

namespace ProvinceIct.Indicators.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        return IctIndexCli.Run(
            args,
            new GuardedWriter(Console.Out, "standard output", WriteFailure.Report),
            new GuardedWriter(Console.Error, "standard error", WriteFailure.Ignore));
    }
}
