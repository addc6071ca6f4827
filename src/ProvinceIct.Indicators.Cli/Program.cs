using System.Text;

namespace ProvinceIct.Indicators.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        return IctIndexCli.Run(args, Console.Out, Console.Error);
    }
}
