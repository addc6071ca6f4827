using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests;

/// <summary>
/// The library's namespaces are layers in pipeline order (<see cref="NamespaceLayers.Order"/>, also in README's
/// Architecture section): a namespace may use only the namespaces before it, so the dependency graph has no cycle.
/// </summary>
public class ArchitectureTests
{
    private static readonly string[] SkippedFolders = ["bin", "obj"];

    private static readonly Lazy<List<SourceFile>> Library = new(() => LibraryFiles().ToList());

    private static IEnumerable<SourceFile> LibraryFiles()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "ProvinceIct.Indicators");
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(SkippedFolders.Contains))
            .Order(StringComparer.Ordinal)
            .Select(f => new SourceFile(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)));
    }

    private static SourceFile File1(string path, params string[] lines) => new(path, string.Join('\n', lines));

    [Fact]
    public void Library_Namespaces_FollowTheLayerOrder()
    {
        var violations = NamespaceLayers.Violations(Library.Value, NamespaceLayers.Order);
        Assert.True(violations.Count == 0, "Namespace references against the layer order " + string.Join(" < ", NamespaceLayers.Order) + ":\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Library_NamespaceGraph_HasNoCycle()
    {
        var edges = NamespaceLayers.Edges(Library.Value);
        var cycle = NamespaceLayers.FindCycle(edges);
        Assert.True(cycle is null, cycle is null ? string.Empty : "Namespace cycle " + string.Join(" -> ", cycle) + ", through:\n" + string.Join('\n', cycle.Zip(cycle.Skip(1)).Select(p => edges.First(e => e.From == p.First && e.To == p.Second).ToString())));
    }

    [Fact]
    public void Library_Scan_SeesEveryFileAndItsReferences()
    {
        // Guards against a vacuous pass: the scan reads the real sources, each in a layer, with real edges.
        var files = Library.Value;
        Assert.True(files.Count > 150, $"only {files.Count} files found");
        Assert.All(files, f => Assert.NotNull(NamespaceLayers.LayerOf(f)));
        var edges = NamespaceLayers.Edges(files);
        Assert.Contains(edges, e => e is { From: "Calculation", To: "Model" });
        Assert.Contains(edges, e => e is { From: "Reporting", To: "Calculation" });
        Assert.DoesNotContain(edges, e => e.To == "Resources"); // resource names are string literals, not references
    }

    [Fact]
    public void Readme_ArchitectureSection_ListsTheLayerOrder()
    {
        var readme = File.ReadAllText(RepositoryPaths.Get("README.md"));
        Assert.Contains(string.Join(" < ", NamespaceLayers.Order), readme.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Violations_BackwardUsing_NamesFileLineAndLayers()
    {
        SourceFile[] files =
        [
            File1("Errors/Bad.cs", "using System.Text;", "using ProvinceIct.Indicators.Reporting;", "", "namespace ProvinceIct.Indicators.Errors;", "internal static class Bad;"),
            File1("Reporting/Fine.cs", "using ProvinceIct.Indicators.Errors;", "namespace ProvinceIct.Indicators.Reporting;", "internal static class Fine;"),
        ];
        var v = Assert.Single(NamespaceLayers.Violations(files, NamespaceLayers.Order));
        Assert.StartsWith("Errors/Bad.cs:2: Errors -> Reporting", v, StringComparison.Ordinal);
        Assert.Contains("backward", v, StringComparison.Ordinal);
    }

    [Fact]
    public void Violations_ForwardReferencesOnly_Empty()
    {
        SourceFile[] files =
        [
            File1("Model/A.cs", "using ProvinceIct.Indicators.Definitions;", "using static ProvinceIct.Indicators.Internal.Preconditions;", "namespace ProvinceIct.Indicators.Model;", "public sealed class A { ProvinceIct.Indicators.Errors.ValidationReport? R; }"),
            File1("IO/Json/B.cs", "namespace ProvinceIct.Indicators.IO.Json;", "/// <see cref=\"ProvinceIct.Indicators.Model.A\"/>", "internal sealed class B;"),
        ];
        Assert.Empty(NamespaceLayers.Violations(files, NamespaceLayers.Order));
        Assert.Contains(NamespaceLayers.Edges(files), e => e is { From: "IO", To: "Model", Line: 2 });
    }

    [Fact]
    public void Violations_QualifiedNameInCodeAndCref_Found()
    {
        SourceFile[] files =
        [
            File1("Calculation/A.cs", "namespace ProvinceIct.Indicators.Calculation;", "[global::ProvinceIct.Indicators.Reporting.Shown]", "public sealed class A", "{", "    /// <summary>See <see cref=\"ProvinceIct.Indicators.Analysis.Audit\"/>.</summary>", "    public int X => 1;", "}"),
        ];
        var v = NamespaceLayers.Violations(files, NamespaceLayers.Order);
        Assert.Equal(2, v.Count);
        Assert.StartsWith("Calculation/A.cs:2: Calculation -> Reporting", v[0], StringComparison.Ordinal);
        Assert.StartsWith("Calculation/A.cs:5: Calculation -> Analysis", v[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Violations_PartlyQualifiedTypeName_Found()
    {
        // Inside ProvinceIct.Indicators.Errors, "Reporting.TextTable" resolves to ProvinceIct.Indicators.Reporting.TextTable.
        SourceFile[] files =
        [
            File1("Errors/A.cs", "namespace ProvinceIct.Indicators.Errors;", "internal static class A", "{", "    public static int W(string s) => Reporting.TextTable.Width(s) + s.Length;", "}"),
            File1("Reporting/TextTable.cs", "namespace ProvinceIct.Indicators.Reporting;", "internal static class TextTable { public static int Width(string s) => s.Length; }"),
        ];
        var v = Assert.Single(NamespaceLayers.Violations(files, NamespaceLayers.Order));
        Assert.StartsWith("Errors/A.cs:4: Errors -> Reporting (Reporting.TextTable)", v, StringComparison.Ordinal);
    }

    [Fact]
    public void Edges_LiteralsAndComments_NotReferences()
    {
        SourceFile[] files =
        [
            File1(
                "Internal/A.cs",
                "namespace ProvinceIct.Indicators.Internal;",
                "// ProvinceIct.Indicators.Reporting is mentioned in a comment",
                "/* ProvinceIct.Indicators.Reporting",
                "   over lines */",
                "/// <summary>Prose <c>ProvinceIct.Indicators.Reporting.X</c> is not a cref.</summary>",
                "internal static class A",
                "{",
                "    private const string Resource = \"ProvinceIct.Indicators.Resources.x.csv\";",
                "    private const string Verbatim = @\"ProvinceIct.Indicators.\"\"Reporting\"\"\";",
                "    private const char Quote = '\"';",
                "    private static string I(int x) => $\"{(x > 0 ? \"ProvinceIct.Indicators.Reporting\" : \"b\")} ProvinceIct.Indicators.Analysis\";",
                "    private const string Raw = \"\"\"",
                "        ProvinceIct.Indicators.Reporting",
                "        \"\"\";",
                "    private static readonly Type T = typeof(ProvinceIct.Indicators.Errors.Found);",
                "}"),
        ];
        var edge = Assert.Single(NamespaceLayers.Edges(files));
        Assert.Equal(("Internal", "Errors", 15), (edge.From, edge.To, edge.Line));
    }

    [Fact]
    public void Violations_UnknownNamespaces_Fail()
    {
        SourceFile[] files =
        [
            File1("Gadgets/A.cs", "namespace ProvinceIct.Indicators.Gadgets;", "internal sealed class A;"),
            File1("Model/B.cs", "using ProvinceIct.Indicators.Widgets;", "namespace ProvinceIct.Indicators.Model;", "internal sealed class B;"),
            File1("C.cs", "internal sealed class C;"),
        ];
        var v = NamespaceLayers.Violations(files, NamespaceLayers.Order);
        Assert.Equal(3, v.Count);
        Assert.Contains(v, s => s.StartsWith("Gadgets/A.cs: namespace ProvinceIct.Indicators.Gadgets is not in the layer order", StringComparison.Ordinal));
        Assert.Contains(v, s => s.StartsWith("C.cs: declares no namespace", StringComparison.Ordinal));
        Assert.Contains(v, s => s.StartsWith("Model/B.cs:1: Model -> Widgets", StringComparison.Ordinal) && s.Contains("not in the layer order", StringComparison.Ordinal));
    }

    [Fact]
    public void FindCycle_TwoLayersUsingEachOther_ReportsTheCycle()
    {
        SourceFile[] files =
        [
            File1("Model/A.cs", "using ProvinceIct.Indicators.Geography;", "namespace ProvinceIct.Indicators.Model;", "internal sealed class A;"),
            File1("Geography/B.cs", "using ProvinceIct.Indicators.Treatment;", "namespace ProvinceIct.Indicators.Geography;", "internal sealed class B;"),
            File1("Treatment/C.cs", "using ProvinceIct.Indicators.Model;", "namespace ProvinceIct.Indicators.Treatment;", "internal sealed class C;"),
            File1("Reporting/D.cs", "using ProvinceIct.Indicators.Model;", "namespace ProvinceIct.Indicators.Reporting;", "internal sealed class D;"),
        ];
        Assert.Equal(["Geography", "Treatment", "Model", "Geography"], NamespaceLayers.FindCycle(NamespaceLayers.Edges(files)));
        Assert.Null(NamespaceLayers.FindCycle(NamespaceLayers.Edges(files.Where(f => f.Path != "Treatment/C.cs").ToList())));
    }
}
