namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// Checks the files a command will write before it does any work: each folder exists, no output is a folder, and no
/// output is one of the inputs or another output (compared after resolving full paths and symbolic links, and ignoring
/// case on Windows and macOS). A failed check is a <see cref="UsageException"/> (exit code 2). Then each output is
/// probed for permission (a temporary file created and deleted in its folder): a failure is an I/O error (exit code 4).
/// </summary>
internal static class OutputPaths
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Throws a <see cref="UsageException"/> naming the option and the path when an output cannot or must not be written.</summary>
    /// <param name="outputs">The files to write, with their option names; null files are skipped.</param>
    /// <param name="inputs">The files to read, with their option names; null files are skipped.</param>
    public static void Check(IEnumerable<(FileInfo? File, string Option)> outputs, IEnumerable<(FileInfo? File, string Option)> inputs)
    {
        outputs = [.. outputs];
        var seen = inputs.Where(i => i.File is not null).Select(i => (Path: Canonical(i.File!.FullName), i.Option, Kind: "input")).ToList();
        foreach (var (file, option) in outputs)
        {
            if (file is null)
            {
                continue;
            }

            var full = file.FullName;
            if (Directory.Exists(full) || Path.EndsInDirectorySeparator(full))
            {
                throw new UsageException(CliStrings.Format("Msg_OutputIsFolder", option, full, Path.Combine(full, "out.txt")));
            }

            var folder = Path.GetDirectoryName(full);
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new UsageException(File.Exists(folder)
                    ? CliStrings.Format("Msg_FolderIsFile", option, folder, full)
                    : CliStrings.Format("Msg_FolderNotFound", option, folder, full));
            }

            var canonical = Canonical(full);
            foreach (var (path, otherOption, kind) in seen)
            {
                if (string.Equals(path, canonical, PathComparison))
                {
                    throw new UsageException(kind == "input"
                        ? CliStrings.Format("Msg_OutputIsInput", option, full, otherOption)
                        : CliStrings.Format("Msg_OutputTwice", option, full, otherOption));
                }
            }

            seen.Add((canonical, option, "output"));
        }

        foreach (var (file, _) in outputs)
        {
            if (file is not null)
            {
                // Permission before work: a read-only folder or an immutable file fails now (exit 4), not after a long run.
                ProvinceIct.Indicators.Internal.AtomicFile.Probe(file.FullName);
            }
        }
    }

    /// <summary>
    /// The full path with every symbolic link on the way resolved (the file itself and each folder above it); parts
    /// that do not exist are kept as given.
    /// </summary>
    public static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        return Resolve(full, depth: 0);
    }

    private static string Resolve(string full, int depth)
    {
        var parent = Path.GetDirectoryName(full);
        if (parent is null || depth > 40)
        {
            return full;
        }

        var resolved = Path.Combine(Resolve(parent, depth + 1), Path.GetFileName(full));
        try
        {
            var info = new FileInfo(resolved);
            if (info.LinkTarget is { } link)
            {
                var target = Path.GetFullPath(link, Path.GetDirectoryName(resolved)!);
                return Resolve(target, depth + 1);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable link: compare the path as it is.
        }

        return resolved;
    }
}
