using System.Reflection;

namespace ProvinceIct.Indicators.Tests.Support;

/// <summary>
/// Paths in the repository, found from the test project's directory that MSBuild stores in an
/// <c>AssemblyMetadata("ProjectDirectory")</c> attribute (not from caller file paths, which are rewritten under
/// ContinuousIntegrationBuild).
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>The test project's directory.</summary>
    public static string TestProject { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;

    /// <summary>The repository root (two levels above the test project).</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Combine(TestProject, "..", ".."));

    /// <summary>The library's project file.</summary>
    public static string LibraryProject { get; } = Path.Combine(Root, "src", "ProvinceIct.Indicators", "ProvinceIct.Indicators.csproj");

    /// <summary>A path below the root, given with forward slashes.</summary>
    /// <param name="relative">For example <c>samples/notebooks/quickstart.ipynb</c>.</param>
    /// <returns>The full path.</returns>
    public static string Get(string relative) => Path.Combine([Root, .. relative.Split('/')]);
}
