using System.Text;

namespace ProvinceIct.Indicators.Cli;

/// <summary>What a <see cref="GuardedWriter"/> does when its stream fails (disk full, closed pipe, device error).</summary>
internal enum WriteFailure
{
    /// <summary>Throw an <see cref="IOException"/> whose one-line message names the stream and the cause (for standard output: exit code 4).</summary>
    Report,

    /// <summary>Drop the text: there is nowhere left to report the failure (for standard error; the exit code still tells).</summary>
    Ignore,
}

/// <summary>
/// Standard output or standard error of the process, with the failure of a write turned into one clear line (or
/// dropped) instead of an exception that names no file.
/// </summary>
internal sealed class GuardedWriter(TextWriter inner, string name, WriteFailure onFailure) : TextWriter(inner.FormatProvider)
{
    /// <summary>The wrapped writer (<see cref="Console.Out"/> or <see cref="Console.Error"/>).</summary>
    public TextWriter Inner { get; } = inner;

    /// <inheritdoc/>
    public override Encoding Encoding => Inner.Encoding;

    /// <inheritdoc/>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => Inner.NewLine;
        set => Inner.NewLine = value;
    }

    /// <inheritdoc/>
    public override void Write(char value) => Guard(() => Inner.Write(value));

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Guard(() => Inner.Write(buffer, index, count));

    /// <inheritdoc/>
    public override void Write(string? value) => Guard(() => Inner.Write(value));

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Guard(() => Inner.WriteLine(value));

    /// <inheritdoc/>
    public override void WriteLine() => Guard(Inner.WriteLine);

    /// <inheritdoc/>
    public override void Flush() => Guard(Inner.Flush);

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException ex)
        {
            if (onFailure == WriteFailure.Report)
            {
                throw new IOException(CliStrings.Format("Msg_CannotWriteTo", Label(name), ex.Message), ex);
            }
        }
    }

    /// <summary>The stream's name in the command line's language: "standard output" and "standard error" are translated, other names kept.</summary>
    private static string Label(string name) => name switch
    {
        "standard output" => CliStrings.Get("Msg_StandardOutput"),
        "standard error" => CliStrings.Get("Msg_StandardError"),
        _ => name,
    };
}
