namespace ProvinceIct.Indicators.Cli;

/// <summary>The process exit codes of <c>ictindex</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Bad arguments: unknown option, missing value, unreadable file path.</summary>
    public const int BadArguments = 2;

    /// <summary>Invalid input: every problem is listed on stderr, one per line, with file, row and column.</summary>
    public const int InvalidInput = 3;
}
