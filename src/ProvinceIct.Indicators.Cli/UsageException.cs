namespace ProvinceIct.Indicators.Cli;

/// <summary>A command-line argument that parsed but makes no sense (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
