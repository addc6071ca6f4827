using System.Security.Cryptography;
using System.Text;

namespace ProvinceIct.Indicators.Internal;

/// <summary>
/// Writes files so that a failure never leaves a half-written one: the content goes to a temporary file
/// <c>.&lt;name&gt;.&lt;random&gt;.tmp</c> in the target's folder, is flushed to disk, and is then renamed over the
/// target. If anything fails (disk full, permission, an exception of the caller's callback, cancellation), the
/// temporary file is deleted and the previous target is left exactly as it was.
/// </summary>
/// <remarks>
/// <para>A target that is a symbolic link is followed: the file it points to is replaced and the link stays a link.</para>
/// <para>A replaced file keeps its Unix permission bits, read, write and execute for user, group and others (a 0600 file stays 0600; set-user-ID, set-group-ID and sticky bits are not carried over): the temporary file gets the previous
/// file's mode before the rename. Owner, group and timestamps are not carried over (the new file belongs to the user
/// who writes it). A new file gets the default mode (0666 less the umask).</para>
/// <para>Special files cannot be replaced atomically and are written in place, streamed, with no temporary file and no
/// rename: a named pipe (FIFO; the write waits for a reader, as a shell redirection does), a character or block device
/// (<c>/dev/stdout</c>, <c>/dev/null</c>, <c>/dev/full</c>, a terminal). Whatever was written before a failure has reached
/// the reader. A Unix domain socket cannot be opened as a file: writing to one is an <see cref="IOException"/> naming
/// it, and the socket is left as it was. The type is the file's real type on Unix (see <see cref="FileType"/>), wherever it lives.</para>
/// <para>Errors are the BCL's <see cref="IOException"/> (and subclasses) or <see cref="UnauthorizedAccessException"/>, of
/// the same type as the underlying failure, with a message that names the target path (never the temporary file).</para>
/// </remarks>
internal static class AtomicFile
{
    /// <summary>UTF-8 without a byte order mark: the encoding of every text file the library writes.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes the text as UTF-8 without a byte order mark.</summary>
    /// <param name="path">The target file; an existing file is replaced.</param>
    /// <param name="text">The whole content.</param>
    /// <param name="cancellationToken">Checked before the write and before the rename: a cancelled write leaves the target as it was.</param>
    public static void WriteAllText(string path, string text, CancellationToken cancellationToken = default)
    {
        Preconditions.NotNull(text);
        WriteText(path, w => w.Write(text), cancellationToken);
    }

    /// <summary>Writes text through a callback, as UTF-8 without a byte order mark.</summary>
    /// <param name="path">The target file; an existing file is replaced.</param>
    /// <param name="write">Writes the content; if it throws, the target is left as it was and the exception propagates.</param>
    /// <param name="cancellationToken">Checked before the write and before the rename: a cancelled write leaves the target as it was.</param>
    public static void WriteText(string path, Action<TextWriter> write, CancellationToken cancellationToken = default)
    {
        Preconditions.NotNull(write);
        Write(path, stream =>
        {
            // Not disposed: disposing would flush again after a failed write and hide the first exception.
            // leaveOpen, and the stream is owned and disposed by Write.
#pragma warning disable CA2000
            var writer = new StreamWriter(stream, Utf8, bufferSize: 64 * 1024, leaveOpen: true);
#pragma warning restore CA2000
            write(writer);
            writer.Flush();
        },
        cancellationToken);
    }

    /// <summary>
    /// Checks, before any work, that <paramref name="path"/> could be written: creates and deletes a temporary file named
    /// as <see cref="Write(string, Action{Stream}, CancellationToken)"/> names its own in the target's folder, and opens an
    /// existing regular target whose mode grants writing for writing without changing it (an immutable file fails here).
    /// Devices are not probed.
    /// </summary>
    /// <param name="path">The file that will be written.</param>
    /// <exception cref="IOException">The folder cannot take a new file (read-only file system, disk full, ...).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or the existing target may not be written.</exception>
    public static void Probe(string path)
    {
        Preconditions.NotBlank(path);
        var target = Target(path);
        if (FileType.IsSpecial(FileType.Of(target)))
        {
            return;
        }

        var folder = Path.GetDirectoryName(target) ?? throw new IOException($"Cannot write to the root folder itself : '{target}'");
        var temp = TempPath(folder, Path.GetFileName(target));
        try
        {
            using (new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
            }

            File.Delete(temp);
            if (File.Exists(target) && !OperatingSystem.IsWindows()
                && (File.GetUnixFileMode(target) & UnixFileMode.UserWrite) != 0)
            {
                // Mode says writable, so a failure here is a flag such as chattr +i, which also blocks the rename.
                using (new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0))
                {
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw Retarget(ex, temp, target);
        }
    }

    // The temporary name keeps at most 100 UTF-8 bytes of the target's name (whole characters only), so that it stays
    // within the 255-byte name limit of Linux file systems for every valid target name (a name of 84 'ệ' is 252 bytes).
    private static string TempPath(string folder, string name) =>
        Path.Combine(folder, "." + PrefixOfUtf8Bytes(name, 100) + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + ".tmp");

    /// <summary>The longest prefix of <paramref name="text"/> of whole characters (never half a surrogate pair) whose UTF-8 form has at most <paramref name="maxBytes"/> bytes.</summary>
    internal static string PrefixOfUtf8Bytes(string text, int maxBytes)
    {
        var bytes = 0;
        var i = 0;
        while (i < text.Length)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var size = width == 2 ? 4 : text[i] < 0x80 ? 1 : text[i] < 0x800 ? 2 : 3;
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            i += width;
        }

        return text[..i];
    }

    /// <summary>Writes bytes through a callback to a temporary file, then renames it over the target.</summary>
    /// <param name="path">The target file; an existing file is replaced.</param>
    /// <param name="write">Writes the content to the (unbuffered) stream; if it throws, the target is left as it was and the exception propagates.</param>
    /// <param name="cancellationToken">Checked before the write and before the rename (the callback may check it too): a cancelled write leaves the target as it was.</param>
    /// <exception cref="IOException">The folder does not exist, the disk is full, the target is a folder, or another I/O error (the message names <paramref name="path"/>).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or the target may not be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the rename.</exception>
    public static void Write(string path, Action<Stream> write, CancellationToken cancellationToken = default)
    {
        Preconditions.NotBlank(path);
        Preconditions.NotNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var target = Target(path);
        var kind = FileType.Of(target);
        if (FileType.IsSpecial(kind))
        {
            WriteInPlace(target, kind, write);
            return;
        }

        var folder = Path.GetDirectoryName(target) ?? throw new IOException($"Cannot write to the root folder itself : '{target}'");
        var name = Path.GetFileName(target);
        var temp = TempPath(folder, name);
        try
        {
            // bufferSize 0: no FileStream buffer, so disposing after a failed write has nothing left to flush.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (kind == FileKind.Regular && !OperatingSystem.IsWindows())
            {
                // The replaced file's permissions carry over (a private 0600 file must not become world-readable).
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target) & PermissionBits);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch (Exception ex)
        {
            TryDelete(temp);
            if (ex is IOException or UnauthorizedAccessException)
            {
                throw Retarget(ex, temp, target);
            }

            throw;
        }
    }

    /// <summary>The full path of the file to replace: symbolic links followed to their final target.</summary>
    private static string Target(string path)
    {
        var full = Path.GetFullPath(path);
        if (IsSystemPath(full))
        {
            return full;
        }

        try
        {
            var info = new FileInfo(full);
            return info.LinkTarget is null ? full : Path.GetFullPath(info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full);
        }
        catch (IOException)
        {
            // A link cycle or an unreadable link: write the path as given, and let the write report the problem.
            return full;
        }
    }

    private const UnixFileMode PermissionBits = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    // Links under /dev and /proc (/dev/stdout -> /proc/self/fd/1 -> pipe:[1234]) name kernel objects, not paths: they are
    // opened as given, and the kernel follows them.
    private static bool IsSystemPath(string fullPath) =>
        !OperatingSystem.IsWindows()
        && (fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal));

    private static void WriteInPlace(string target, FileKind kind, Action<Stream> write)
    {
        if (kind == FileKind.Socket)
        {
            throw new IOException($"Cannot write to '{target}': it is a Unix domain socket, not a file; give a file, a named pipe or a device.");
        }

        try
        {
            using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            write(stream);
            stream.Flush();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Retarget(ex, target, target);
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the original failure is what the caller needs to see.
        }
    }

    /// <summary>The same kind of exception, with the target's path in place of the temporary file's.</summary>
    private static Exception Retarget(Exception ex, string temp, string target)
    {
        var message = ex.Message.Replace(temp, target, StringComparison.Ordinal);
        if (!message.Contains(target, StringComparison.Ordinal))
        {
            message = message.TrimEnd() + " : '" + target + "'";
        }

        return ex switch
        {
            UnauthorizedAccessException => new UnauthorizedAccessException(message, ex),
            DirectoryNotFoundException => new DirectoryNotFoundException(message, ex),
            PathTooLongException => new PathTooLongException(message, ex),
            FileNotFoundException => new FileNotFoundException(message, target, ex),
            _ => new IOException(message, ex),
        };
    }
}
