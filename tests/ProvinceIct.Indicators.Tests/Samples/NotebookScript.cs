using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProvinceIct.Indicators.Tests.Samples;

/// <summary>
/// Turns the C# cells of a Polyglot notebook into one C# file-based app (<c>dotnet run file.cs</c>), so a test can run
/// the notebook without .NET Interactive. The rules:
/// <list type="bullet">
/// <item>Every code cell must be C# (<c>dotnet_interactive.language</c> or <c>polyglot_notebook.kernelName</c> is
/// <c>csharp</c>); cells are joined in order and share one scope, as in the notebook's kernel.</item>
/// <item><c>#r "nuget: ..."</c> lines are dropped: the app gets <c>#:project</c> for the library instead, plus
/// <c>#:property PublishAot=false</c>. Any other <c>#r</c> or <c>#!</c> magic command is refused.</item>
/// <item><c>using</c> directives are moved to the top of the file.</item>
/// <item>A cell whose last line is a bare one-line expression (no <c>;</c>, <c>{</c>, <c>}</c> or <c>,</c> at its end)
/// has that line turned into <c>display(expression);</c>, as the notebook shows the value.</item>
/// <item><c>display(value[, mimeTypes])</c> prints the value's HTML when its type names a notebook formatter source (found
/// by convention, as the kernel finds it), otherwise its text (invariant culture); <c>HTML(text)</c> returns the text:
/// local functions stand in for .NET Interactive's helpers. <c>text.DisplayAs(mimeType)</c> prints the text (an extension
/// method in a static class after the statements stands in for the kernel's).</item>
/// </list>
/// </summary>
internal static partial class NotebookScript
{
    private const string Shims = """

        // Stand-ins for .NET Interactive's helpers. display() formats as the kernel does: a value whose type carries an
        // attribute named TypeFormatterSourceAttribute is written by its text/html formatter, anything else as text.
        static void display(object? value, params string[] mimeTypes)
        {
            var attribute = value?.GetType().GetCustomAttributes(true).FirstOrDefault(a => a.GetType().Name == "TypeFormatterSourceAttribute");
            if (attribute is not null)
            {
                var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
                var source = Activator.CreateInstance(sourceType)!;
                foreach (var formatter in (System.Collections.IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!)
                {
                    using var writer = new StringWriter();
                    if ((string?)formatter.GetType().GetProperty("MimeType")!.GetValue(formatter) == "text/html"
                        && (bool)formatter.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)])!.Invoke(formatter, [value, writer])!)
                    {
                        Console.WriteLine(writer.ToString());
                        return;
                    }
                }
            }

            Console.WriteLine(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        static string HTML(string html) => html;

        // Stand-in for the kernel's DisplayAs extension: the text is the markup shown for the MIME type.
        static class NotebookDisplayShims
        {
            public static void DisplayAs(this string text, string mimeType) => Console.WriteLine(text);
        }
        """;

    /// <summary>Builds the file-based app.</summary>
    /// <param name="notebookJson">The notebook (nbformat 4 JSON).</param>
    /// <param name="libraryProject">The absolute path of the library's project file.</param>
    /// <returns>The C# source of the app.</returns>
    /// <exception cref="InvalidOperationException">When a cell breaks the rules.</exception>
    public static string ToFileBasedApp(string notebookJson, string libraryProject)
    {
        using var doc = JsonDocument.Parse(notebookJson);
        var usings = new List<string>();
        var body = new StringBuilder();
        var index = 0;
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
        {
            index++;
            if (cell.GetProperty("cell_type").GetString() != "code")
            {
                continue;
            }

            if (Language(cell) != "csharp")
            {
                throw new InvalidOperationException($"Cell {index} is not C# ({Language(cell) ?? "no language"}).");
            }

            var lines = Source(cell).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
            var kept = new List<string>();
            foreach (var line in lines)
            {
                var trimmed = line.Trim();
                if (NuGetReference().IsMatch(trimmed))
                {
                    continue;
                }

                if (trimmed.StartsWith("#r", StringComparison.Ordinal) || trimmed.StartsWith("#!", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Cell {index}: the magic command '{trimmed}' has no file-based equivalent.");
                }

                if (UsingDirective().IsMatch(trimmed))
                {
                    usings.Add(trimmed);
                    continue;
                }

                kept.Add(line);
            }

            var last = kept.FindLastIndex(l => l.Trim().Length > 0);
            if (last >= 0 && IsBareExpression(kept[last].Trim()))
            {
                kept[last] = "display(" + kept[last].Trim() + ");";
            }

            body.Append("// cell ").Append(index).Append('\n');
            foreach (var line in kept)
            {
                body.Append(line).Append('\n');
            }

            body.Append('\n');
        }

        var sb = new StringBuilder();
        sb.Append("#:project ").Append(libraryProject).Append('\n');
        sb.Append("#:property PublishAot=false\n\n");
        foreach (var u in usings.Distinct(StringComparer.Ordinal))
        {
            sb.Append(u).Append('\n');
        }

        sb.Append('\n').Append(body).Append(Shims).Append('\n');
        return sb.ToString();
    }

    private static bool IsBareExpression(string line) =>
        !line.StartsWith("//", StringComparison.Ordinal)
        && !line.EndsWith(';') && !line.EndsWith('{') && !line.EndsWith('}') && !line.EndsWith(',');

    private static string? Language(JsonElement cell)
    {
        if (!cell.TryGetProperty("metadata", out var meta))
        {
            return null;
        }

        if (meta.TryGetProperty("polyglot_notebook", out var polyglot) && polyglot.TryGetProperty("kernelName", out var kernel))
        {
            return kernel.GetString();
        }

        return meta.TryGetProperty("dotnet_interactive", out var interactive) && interactive.TryGetProperty("language", out var language)
            ? language.GetString()
            : null;
    }

    private static string Source(JsonElement cell)
    {
        var source = cell.GetProperty("source");
        return source.ValueKind == JsonValueKind.Array
            ? string.Concat(source.EnumerateArray().Select(s => s.GetString()))
            : source.GetString() ?? string.Empty;
    }

    [GeneratedRegex("""^#r\s+"nuget:""")]
    private static partial Regex NuGetReference();

    [GeneratedRegex(@"^using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>, ]+)?;$")]
    private static partial Regex UsingDirective();
}
