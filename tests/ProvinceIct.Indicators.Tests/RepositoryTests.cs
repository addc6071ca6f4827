using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests;

/// <summary>The repository stands alone: nothing in it reaches the shared folder that sits beside a working copy.</summary>
public class RepositoryTests
{
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", "artifacts", "BenchmarkDotNet.Artifacts", "node_modules"];

    // Built from parts, so that this file does not match its own patterns.
    private static readonly string[] Patterns =
    [
        ".." + "/shared",
        ".." + "\\shared",
        "\"..\", \"" + "shared\"",
    ];

    [Fact]
    public void Files_NoneReferToSharedFolderBesideRepository_Passes()
    {
        var offenders = new List<string>();
        foreach (var file in Files(RepositoryPaths.Root))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Patterns.Any(p => lines[i].Contains(p, StringComparison.Ordinal)))
                {
                    offenders.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Files that refer to the shared folder beside the repository (copy what is needed into the repository instead):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Files_ScanCoversSourcesTestsSamplesAndCi_FindsThem()
    {
        var files = Files(RepositoryPaths.Root).Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/')).ToList();
        Assert.Contains("README.md", files);
        Assert.Contains(".ci/run", files);
        Assert.Contains(files, f => f.StartsWith("src/", StringComparison.Ordinal) && f.EndsWith(".cs", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("samples/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("/obj/", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Files(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            var ext = Path.GetExtension(file);
            if (ext is ".cs" or ".csproj" or ".props" or ".targets" or ".sln" or ".md" or ".json" or ".ipynb" or ".config" or ".sh" or ".csx"
                || name is "run")
            {
                yield return file;
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(sub)))
            {
                foreach (var file in Files(sub))
                {
                    yield return file;
                }
            }
        }
    }
}
