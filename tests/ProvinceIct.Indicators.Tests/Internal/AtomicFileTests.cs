using System.Text;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Internal;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Internal;

public sealed class AtomicFileTests : IDisposable
{
    private static readonly byte[] Previous = Encoding.UTF8.GetBytes("previous content, kept byte for byte\n");

    private readonly string _dir = Directory.CreateTempSubdirectory("atomic-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string ExistingTarget()
    {
        var path = Path.Combine(_dir, "out.json");
        File.WriteAllBytes(path, Previous);
        return path;
    }

    /// <summary>The names in the folder: after any write, only the target (no temporary file).</summary>
    private string[] Names() => [.. Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void Probe_WritableFolderAndExistingFile_NothingChangedAndNoTempLeft()
    {
        var path = ExistingTarget();
        AtomicFile.Probe(path);
        AtomicFile.Probe(Path.Combine(_dir, "new.csv"));
        Assert.Equal(Previous, File.ReadAllBytes(path));
        Assert.Equal(["out.json"], Names());
    }

    [Fact]
    public void Probe_FolderRefusesNewFiles_ThrowsNamingTheTarget()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // sysfs refuses new files even to root (tests may run as root).
        var ex = Assert.Throws<UnauthorizedAccessException>(() => AtomicFile.Probe("/sys/ictindex-probe.txt"));
        Assert.Contains("'/sys/ictindex-probe.txt'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteAllText_NameOf252Utf8Bytes_WrittenAndNoTempLeft()
    {
        // 84 x 'ệ' (3 UTF-8 bytes each) = 252 bytes, a valid Linux file name; the temporary name must stay within 255.
        var name = string.Concat(Enumerable.Repeat("ệ", 84));
        var path = Path.Combine(_dir, name);
        AtomicFile.WriteAllText(path, "x");
        AtomicFile.WriteAllText(path, "y");
        Assert.Equal("y", File.ReadAllText(path));
        Assert.Equal([name], Names());
    }

    [Theory]
    [InlineData("abc", 2, "ab")]
    [InlineData("ệệ", 5, "ệ")] // 3 + 3 bytes: the second does not fit in 5
    [InlineData("ệệ", 6, "ệệ")]
    [InlineData("a\U0001F600b", 4, "a")] // the emoji is 4 bytes: never half a surrogate pair
    [InlineData("a\U0001F600b", 5, "a\U0001F600")]
    public void PrefixOfUtf8Bytes_Limit_WholeCharactersWithinTheLimit(string text, int maxBytes, string expected) =>
        Assert.Equal(expected, AtomicFile.PrefixOfUtf8Bytes(text, maxBytes));

    [Fact]
    public void WriteAllText_ExistingFile_ReplacedAndNoTempLeft()
    {
        var path = ExistingTarget();
        AtomicFile.WriteAllText(path, "new Đà Nẵng\n");
        Assert.Equal("new Đà Nẵng\n"u8.ToArray(), File.ReadAllBytes(path)); // UTF-8 without a byte order mark
        Assert.Equal(["out.json"], Names());
    }

    [Fact]
    public void Write_CallbackThrowsMidWrite_PreviousFileByteIdenticalAndNoTemp()
    {
        var path = ExistingTarget();
        var ex = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[10_000]);
            Assert.Single(Directory.GetFiles(_dir, ".out.json.*.tmp")); // the content goes to a temporary file beside the target
            throw new InvalidOperationException("simulated failure after 10000 bytes");
        }));
        Assert.Equal("simulated failure after 10000 bytes", ex.Message);
        Assert.Equal(Previous, File.ReadAllBytes(path));
        Assert.Equal(["out.json"], Names());
    }

    [Fact]
    public void Write_StreamFailsLikeAFullDisk_IOExceptionNamesTargetNotTemp()
    {
        var path = ExistingTarget();
        var ex = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[4096]);
            throw new IOException("No space left on device : '" + Directory.GetFiles(_dir, ".out.json.*.tmp").Single() + "'");
        }));
        Assert.Equal($"No space left on device : '{path}'", ex.Message);
        Assert.IsType<IOException>(ex.InnerException);
        Assert.Equal(Previous, File.ReadAllBytes(path));
        Assert.Equal(["out.json"], Names());
    }

    [Fact]
    public void WriteText_CancelledAfterMoreThanTheBuffer_PreviousFileKeptAndNoTemp()
    {
        var path = ExistingTarget();
        Assert.Throws<OperationCanceledException>(() => AtomicFile.WriteText(path, writer =>
        {
            writer.Write(new string('x', 200_000)); // more than the writer's 64 KiB buffer: part of it is on disk
            throw new OperationCanceledException();
        }));
        Assert.Equal(Previous, File.ReadAllBytes(path));
        Assert.Equal(["out.json"], Names());
    }

    [Fact]
    public void Write_CancelledDuringTheWrite_NotRenamedPreviousFileKeptAndNoTemp()
    {
        var path = ExistingTarget();
        using var cts = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() => AtomicFile.Write(
            path,
            stream =>
            {
                stream.Write(new byte[100]);
                cts.Cancel(); // the content is complete, but the token says stop before the rename
            },
            cts.Token));
        Assert.Equal(Previous, File.ReadAllBytes(path));
        Assert.Equal(["out.json"], Names());
    }

    [Fact]
    public void WriteAllText_FolderMissing_DirectoryNotFoundNamesTarget()
    {
        var path = Path.Combine(_dir, "missing", "out.json");
        var ex = Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Names());
    }

    [Fact]
    public void WriteAllText_TargetIsFolder_IOExceptionFolderUntouchedNoTemp()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "out.json")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "inside.txt"), Previous);
        var ex = Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(folder, "x"));
        Assert.Contains(folder, ex.Message, StringComparison.Ordinal);
        Assert.Equal(Previous, File.ReadAllBytes(Path.Combine(folder, "inside.txt")));
        Assert.Equal(["out.json"], Names());
    }

    [Fact]
    public void WriteAllText_SymbolicLink_ReplacesTheLinkedFileAndKeepsTheLink()
    {
        var real = ExistingTarget();
        var link = Path.Combine(_dir, "link.json");
        File.CreateSymbolicLink(link, real);
        AtomicFile.WriteAllText(link, "new");
        Assert.Equal(real, new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true)!.FullName);
        Assert.Equal("new", File.ReadAllText(real));
        Assert.Equal(["link.json", "out.json"], Names());
    }

    /// <summary>Makes a named pipe with the system's mkfifo.</summary>
    private string MakeFifo(string name)
    {
        var path = Path.Combine(_dir, name);
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        Assert.Equal(FileKind.Fifo, FileType.Of(path));
        return path;
    }

    [Fact]
    public async Task WriteAllText_NamedPipe_WrittenInPlaceToTheReaderAndStillAPipe()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fifo = MakeFifo("out.fifo");
        var reader = Task.Run(() => File.ReadAllText(fifo)); // blocks until the writer opens the pipe
        AtomicFile.WriteAllText(fifo, "through the pipe\n");
        Assert.Equal("through the pipe\n", await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(FileKind.Fifo, FileType.Of(fifo)); // not replaced by a regular file
        Assert.Equal(["out.fifo"], Names());
        AtomicFile.Probe(fifo); // a pipe is not probed (opening it would wait for a reader)
    }

    [Fact]
    public async Task WriteText_SymbolicLinkToANamedPipe_WrittenThroughTheLinkAndBothKept()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fifo = MakeFifo("real.fifo");
        var link = Path.Combine(_dir, "link.csv");
        File.CreateSymbolicLink(link, fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));
        AtomicFile.WriteText(link, w => w.Write(new string('x', 200_000))); // more than a pipe's buffer: streamed
        Assert.Equal(200_000, (await reader.WaitAsync(TimeSpan.FromSeconds(30))).Length);
        Assert.Equal(FileKind.Fifo, FileType.Of(fifo));
        Assert.Equal(fifo, new FileInfo(link).LinkTarget);
        Assert.Equal(["link.csv", "real.fifo"], Names());
    }

    [Fact]
    public void WriteAllText_UnixSocket_IOExceptionNamingItAndSocketKept()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(_dir, "out.sock");
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
        var ex = Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.Contains("'" + path + "'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("socket", ex.Message, StringComparison.Ordinal);
        Assert.Equal(FileKind.Socket, FileType.Of(path));
        Assert.Equal(["out.sock"], Names());
    }

    [Fact]
    public void FileTypeOf_DevNullFolderFileMissing_RealTypes()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(FileKind.CharacterDevice, FileType.Of("/dev/null"));
        Assert.Equal(FileKind.Directory, FileType.Of(_dir));
        Assert.Equal(FileKind.Regular, FileType.Of(ExistingTarget()));
        Assert.Equal(FileKind.Missing, FileType.Of(Path.Combine(_dir, "missing")));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite)] // 0600
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)] // 0644
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute)] // 0750
    public void WriteAllText_ExistingFile_ReplacedFileKeepsItsMode(UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = ExistingTarget();
        File.SetUnixFileMode(path, mode);
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal(["out.json"], Names());
    }

    [Fact]
    public void WriteAllText_NewFile_DefaultModeLikeAnyNewFile()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var reference = Path.Combine(_dir, "reference");
        File.WriteAllText(reference, "x"); // created as any new file is: 0666 less the umask
        var path = Path.Combine(_dir, "new.json");
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal(File.GetUnixFileMode(reference), File.GetUnixFileMode(path));
    }

    [Fact]
    public void WriteAllText_DevFull_IOExceptionAndDeviceNotReplaced()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /dev/full is Linux's always-full device
        }

        var ex = Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText("/dev/full", "x"));
        Assert.Contains("'/dev/full'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo("/dev/full").Length); // still the device, not a regular file renamed over it
        Assert.Empty(Directory.GetFiles("/dev", ".full.*.tmp"));
    }

    [Fact]
    public void WriteAllText_FolderThatRefusesFiles_UnauthorizedAccessNamesTarget()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Tests may run as root, which ignores permission bits; sysfs refuses new files even to root (EACCES).
        var ex = Assert.Throws<UnauthorizedAccessException>(() => AtomicFile.WriteAllText("/sys/ictindex-test.txt", "x"));
        Assert.Contains("'/sys/ictindex-test.txt'", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Savers => [.. SaveActions.Keys];

    private static readonly Dictionary<string, Action<string>> SaveActions = new(StringComparer.Ordinal)
    {
        ["DatasetJson"] = p => DatasetJson.Save(TinyIndex.Data(), p),
        ["MethodologyJson"] = p => MethodologyJson.Save(TinyIndex.Methodology(), p),
        ["ResultJson"] = p => ResultJson.Save(IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data()), p),
        ["WideCsv"] = p => WideCsv.Save(TinyIndex.Data(), p),
        ["LongCsv"] = p => LongCsv.Save(LongCsv.Load(new StringReader("unit,indicator,value\nA,x,1\n")), p),
        ["MetaCsv"] = p => MetaCsv.Save(MetaCsv.Load(new StringReader("iCode,iName,Level,Parent,Direction,Weight,Type\ni1,One,1,IDX,1,1,Indicator\nIDX,Index,2,,1,1,Aggregate\n")), p),
        ["SvgChart"] = p => RankingBarChart.Create(OpenReadiness2016.Compute(), 3).Save(p),
        ["HtmlReport"] = p => HtmlReport.Create(OpenReadiness2016.Compute()).Save(p),
        ["UnitReport"] = p => UnitReport.Create(OpenReadiness2016.Compute(), OpenReadiness2016.Dataset, "02").Save(p),
    };

    [Theory]
    [MemberData(nameof(Savers))]
    public void Save_ExistingFile_ReplacedByANewFileNotOverwrittenInPlace(string saver)
    {
        var path = ExistingTarget();

        // A reader that opened the old file keeps seeing it whole: the new content is a new file renamed over the old
        // one. Writing in place (truncate, then write) would show the reader a cut-off or new file.
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        SaveActions[saver](path);
        using var old = new MemoryStream();
        reader.CopyTo(old);
        Assert.Equal(Previous, old.ToArray());
        Assert.NotEqual(Previous, File.ReadAllBytes(path));
        Assert.Equal(["out.json"], Names());
    }

    [Theory]
    [MemberData(nameof(Savers))]
    public void Save_FolderMissing_DirectoryNotFoundAndNothingCreated(string saver)
    {
        var path = Path.Combine(_dir, "missing", "out.json");
        var ex = Assert.Throws<DirectoryNotFoundException>(() => SaveActions[saver](path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Empty(Names());
    }
}
