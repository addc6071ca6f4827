using System.Runtime.InteropServices;
using System.Text;

namespace ProvinceIct.Indicators.Internal;

/// <summary>What a path names, by its real file type (symbolic links followed).</summary>
internal enum FileKind
{
    /// <summary>Nothing exists at the path (or it could not be examined).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A named pipe (FIFO): written in place, never replaced.</summary>
    Fifo,

    /// <summary>A character device (<c>/dev/null</c>, <c>/dev/full</c>, a terminal): written in place.</summary>
    CharacterDevice,

    /// <summary>A block device: written in place.</summary>
    BlockDevice,

    /// <summary>A Unix domain socket: cannot be opened as a file.</summary>
    Socket,
}

/// <summary>
/// The real type of a file on Unix, which .NET does not expose (<see cref="FileSystemInfo.Attributes"/> reports a FIFO,
/// a socket and <c>/dev/null</c> as <see cref="FileAttributes.Normal"/>, and <see cref="File.GetUnixFileMode(string)"/>
/// holds only the permission bits). It calls the runtime's own native shim, <c>SystemNative_Stat</c> of
/// <c>libSystem.Native</c> (present in every .NET runtime on Linux and macOS, and the function the base library stats
/// files with); its result begins with <c>int32 flags, int32 mode, uint32 uid, uint32 gid</c>, the mode carrying the
/// POSIX <c>S_IFMT</c> type bits. If the shim cannot be called, paths under <c>/dev/</c> and <c>/proc/</c> count as
/// character devices and everything else by what <see cref="File"/> and <see cref="Directory"/> say.
/// </summary>
internal static class FileType
{
    private const int TypeMask = 0xF000;
    private const int IfIfo = 0x1000;
    private const int IfChr = 0x2000;
    private const int IfDir = 0x4000;
    private const int IfBlk = 0x6000;
    private const int IfReg = 0x8000;
    private const int IfSock = 0xC000;

    // The runtime's status structure is about 120 bytes; a larger buffer leaves room for fields a later runtime adds.
    private const int StatusBufferLength = 512;

    private static bool s_unavailable;

    /// <summary>The kind of file at a path, symbolic links followed.</summary>
    public static FileKind Of(string fullPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return Fallback(fullPath);
        }

        if (!s_unavailable)
        {
            try
            {
                var status = new byte[StatusBufferLength];
                if (Stat(Encoding.UTF8.GetBytes(fullPath + "\0"), status) != 0)
                {
                    return FileKind.Missing;
                }

                return (BitConverter.ToInt32(status, 4) & TypeMask) switch
                {
                    IfReg => FileKind.Regular,
                    IfDir => FileKind.Directory,
                    IfIfo => FileKind.Fifo,
                    IfChr => FileKind.CharacterDevice,
                    IfBlk => FileKind.BlockDevice,
                    IfSock => FileKind.Socket,
                    _ => FileKind.Regular,
                };
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
            {
                s_unavailable = true;
            }
        }

        return Fallback(fullPath);
    }

    /// <summary>Whether the path names something that cannot be replaced by renaming a file over it (FIFO, device, socket).</summary>
    public static bool IsSpecial(FileKind kind) => kind is FileKind.Fifo or FileKind.CharacterDevice or FileKind.BlockDevice or FileKind.Socket;

    private static FileKind Fallback(string fullPath) =>
        !OperatingSystem.IsWindows() && (fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal))
            ? FileKind.CharacterDevice
            : Directory.Exists(fullPath) ? FileKind.Directory
            : File.Exists(fullPath) ? FileKind.Regular
            : FileKind.Missing;

    // Blittable arguments only (a NUL-terminated UTF-8 path, a byte buffer): no marshalling code, trimming- and AOT-safe.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat(byte[] path, byte[] status);
}
