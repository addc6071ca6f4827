namespace ProvinceIct.Indicators.Cli;

/// <summary>The process exit codes of <c>ictindex</c> (listed in <c>ictindex --help</c> and the README).</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>
    /// Bad arguments: unknown option, missing value, an input file that does not exist, an output that cannot be
    /// written (its folder is missing, it is a folder, it is one of the inputs). Checked before any work.
    /// </summary>
    public const int BadArguments = 2;

    /// <summary>Invalid input: every problem is listed on stderr, one per line, with file, row and column.</summary>
    public const int InvalidInput = 3;

    /// <summary>
    /// A file or stream could not be read or written (disk full, permission denied, device error): one line names the
    /// path and the cause. A file being written is left as it was before.
    /// </summary>
    public const int IoError = 4;

    /// <summary>
    /// Not enough memory for the input: the data did not fit in the memory the process may use (the machine's, or a
    /// container's or <c>DOTNET_GCHeapHardLimit</c>'s limit). One line gives the limit; nothing was written and any
    /// earlier output file is intact.
    /// </summary>
    public const int OutOfMemory = 5;

    /// <summary>
    /// An internal error (a bug in ictindex): one line <c>internal error: ...</c>; the stack trace only when the
    /// environment variable <c>ICTINDEX_DEBUG=1</c> is set.
    /// </summary>
    public const int InternalError = 70;

    /// <summary>The exit codes as one line of help text.</summary>
    public static string HelpText => CliStrings.Get("Help_ExitCodes");

    /// <summary>Cancelled by SIGINT (Ctrl-C), 128 + 2: nothing was written and any earlier output file is intact.</summary>
    public const int Cancelled = 130;

    /// <summary>Cancelled by SIGTERM, 128 + 15: nothing was written and any earlier output file is intact.</summary>
    public const int Terminated = 143;
}
