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

    /// <summary>Cancelled by SIGINT (Ctrl-C), 128 + 2: nothing was written and any earlier output file is intact.</summary>
    public const int Cancelled = 130;

    /// <summary>Cancelled by SIGTERM, 128 + 15: nothing was written and any earlier output file is intact.</summary>
    public const int Terminated = 143;
}
