namespace ProvinceIct.Indicators.Tests.Samples;

public class NotebookScriptTests
{
    private const string Project = "/repo/src/Lib/Lib.csproj";

    [Fact]
    public void ToFileBasedApp_NuGetReference_IsReplacedByProjectDirective()
    {
        var app = NotebookScript.ToFileBasedApp(Notebook(Code("#r \"nuget: ProvinceIct.Indicators, 0.1.0\"")), Project);

        Assert.StartsWith("#:project /repo/src/Lib/Lib.csproj\n#:property PublishAot=false\n", app, StringComparison.Ordinal);
        Assert.DoesNotContain("#r", app, StringComparison.Ordinal);
    }

    [Fact]
    public void ToFileBasedApp_UsingInLaterCell_IsHoistedAboveStatements()
    {
        var app = NotebookScript.ToFileBasedApp(Notebook(Code("var x = 1;"), Code("using System.Text;\nvar y = x;")), Project);

        Assert.True(app.IndexOf("using System.Text;", StringComparison.Ordinal) < app.IndexOf("var x = 1;", StringComparison.Ordinal));
        Assert.Single(app.Split('\n'), l => l == "using System.Text;");
    }

    [Fact]
    public void ToFileBasedApp_TrailingBareExpression_BecomesDisplayCall()
    {
        var app = NotebookScript.ToFileBasedApp(Notebook(Code("var x = 2;\nx * 3\n")), Project);

        Assert.Contains("\nvar x = 2;\ndisplay(x * 3);\n", app, StringComparison.Ordinal);
    }

    [Fact]
    public void ToFileBasedApp_StatementsEndingCell_AreLeftAlone()
    {
        var app = NotebookScript.ToFileBasedApp(Notebook(Code("foreach (var i in new[] { 1 })\n{\n    display(i);\n}")), Project);

        Assert.Contains("\n    display(i);\n}\n", app, StringComparison.Ordinal);
        Assert.DoesNotContain("display(})", app, StringComparison.Ordinal);
    }

    [Fact]
    public void ToFileBasedApp_FSharpCell_Throws()
    {
        var notebook = Notebook("""{"cell_type": "code", "metadata": {"polyglot_notebook": {"kernelName": "fsharp"}}, "source": ["1 + 1"]}""");

        var e = Assert.Throws<InvalidOperationException>(() => NotebookScript.ToFileBasedApp(notebook, Project));
        Assert.Contains("fsharp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToFileBasedApp_OtherMagicCommand_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => NotebookScript.ToFileBasedApp(Notebook(Code("#!time\nvar x = 1;")), Project));

        Assert.Contains("#!time", e.Message, StringComparison.Ordinal);
    }

    private static string Code(string source) =>
        "{\"cell_type\": \"code\", \"metadata\": {\"dotnet_interactive\": {\"language\": \"csharp\"}}, \"source\": "
        + System.Text.Json.JsonSerializer.Serialize(source) + "}";

    private static string Notebook(params string[] cells) =>
        "{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": [" + string.Join(", ", cells) + "]}";
}
