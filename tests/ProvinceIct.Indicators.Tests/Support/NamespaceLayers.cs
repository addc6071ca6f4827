using System.Text;
using System.Text.RegularExpressions;

namespace ProvinceIct.Indicators.Tests.Support;

/// <summary>One source file given to <see cref="NamespaceLayers"/>: a path (as reported) and its text.</summary>
/// <param name="Path">The path shown in findings, relative to the library's folder.</param>
/// <param name="Text">The C# source.</param>
internal sealed record SourceFile(string Path, string Text);

/// <summary>A reference from one layer (top-level namespace below <c>ProvinceIct.Indicators</c>) to another, where it was found.</summary>
/// <param name="From">The layer of the file.</param>
/// <param name="To">The layer referred to.</param>
/// <param name="Path">The file.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Text">What was found: the namespace or qualified name as written.</param>
internal sealed record LayerEdge(string From, string To, string Path, int Line, string Text)
{
    public override string ToString() => $"{Path}:{Line}: {From} -> {To} ({Text})";
}

/// <summary>
/// Reads the namespace dependencies of C# source without compiling it, and checks them against a layer order.
/// A file's layer is the first namespace segment after <c>ProvinceIct.Indicators</c> (<c>IO.Json</c> is IO). Its
/// references are the fully qualified names <c>ProvinceIct.Indicators.X</c> in code (using directives, aliases,
/// attributes, qualified type names) and in doc comment <c>cref</c> attributes, and the partly qualified names
/// <c>X.Type</c> where X is a layer and Type a type declared in it (C# resolves <c>Internal.UnicodeText</c> from
/// inside <c>ProvinceIct.Indicators.Reporting</c>). String and character literals, and comments other than
/// <c>cref</c> values, are not references (a resource name such as <c>"ProvinceIct.Indicators.Resources.x.csv"</c> is text).
/// </summary>
internal static partial class NamespaceLayers
{
    private const string Root = "ProvinceIct.Indicators";

    /// <summary>The declared layer order, lowest first: a layer may use only the layers before it.</summary>
    public static readonly string[] Order =
    [
        "Internal", "Errors", "Tables", "MethodText", "Ranking", "Definitions", "Normalisation", "Aggregation", "Model",
        "Geography", "Treatment", "Calculation", "Weighting", "Methods", "IO", "Uncertainty", "Analysis", "Series", "Presets", "Reporting",
    ];

    /// <summary>The layer of a file (null when it declares no namespace below the root).</summary>
    public static string? LayerOf(SourceFile file)
    {
        foreach (var line in CodeLines(file.Text))
        {
            var m = NamespaceDeclaration().Match(line.Code);
            if (m.Success)
            {
                return m.Groups[1].Value;
            }
        }

        return null;
    }

    /// <summary>Every reference from a file's layer to another layer (known or not), in file and line order.</summary>
    public static List<LayerEdge> Edges(IReadOnlyList<SourceFile> files)
    {
        // Types declared per layer, for partly qualified names.
        var declared = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (LayerOf(file) is { } layer)
            {
                var set = declared.TryGetValue(layer, out var s) ? s : declared[layer] = new HashSet<string>(StringComparer.Ordinal);
                foreach (var line in CodeLines(file.Text))
                {
                    foreach (Match m in TypeDeclaration().Matches(line.Code))
                    {
                        set.Add(m.Groups[1].Value);
                    }
                }
            }
        }

        var edges = new List<LayerEdge>();
        foreach (var file in files)
        {
            var from = LayerOf(file);
            if (from is null)
            {
                continue;
            }

            foreach (var line in CodeLines(file.Text))
            {
                if (NamespaceDeclaration().IsMatch(line.Code))
                {
                    continue;
                }

                foreach (var text in (string[])[line.Code, .. line.Crefs])
                {
                    foreach (Match m in QualifiedName().Matches(text))
                    {
                        var to = m.Groups[1].Value;
                        if (to != from)
                        {
                            edges.Add(new LayerEdge(from, to, file.Path, line.Number, m.Value));
                        }
                    }

                    foreach (Match m in PartlyQualifiedName().Matches(text))
                    {
                        var to = m.Groups[1].Value;
                        if (to != from && declared.TryGetValue(to, out var types) && types.Contains(m.Groups[2].Value))
                        {
                            edges.Add(new LayerEdge(from, to, file.Path, line.Number, m.Value));
                        }
                    }
                }
            }
        }

        return edges;
    }

    /// <summary>
    /// Every breach of the order: a file whose layer is not in it (or that declares no namespace), a reference to a
    /// layer not in it, and a reference to a later layer (backward edge). Empty when the files respect the order.
    /// </summary>
    public static List<string> Violations(IReadOnlyList<SourceFile> files, IReadOnlyList<string> order)
    {
        var rank = order.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var file in files)
        {
            var layer = LayerOf(file);
            if (layer is null)
            {
                found.Add($"{file.Path}: declares no namespace below {Root}; every file must sit in a layer");
            }
            else if (!rank.ContainsKey(layer))
            {
                found.Add($"{file.Path}: namespace {Root}.{layer} is not in the layer order; place it there (and in README's Architecture section)");
            }
        }

        foreach (var edge in Edges(files))
        {
            if (!rank.TryGetValue(edge.To, out var to))
            {
                found.Add($"{edge}: {edge.To} is not in the layer order");
            }
            else if (rank.TryGetValue(edge.From, out var from) && to > from)
            {
                found.Add($"{edge}: backward edge, {edge.From} may not use {edge.To} (a later layer)");
            }
        }

        return found;
    }

    /// <summary>A cycle among the layers (the layer names in order, the first repeated at the end), or null when the graph is acyclic.</summary>
    public static List<string>? FindCycle(IEnumerable<LayerEdge> edges)
    {
        var next = edges.GroupBy(e => e.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var to in next.TryGetValue(node, out var list) ? list : [])
            {
                if (state.TryGetValue(to, out var s) && s == 1)
                {
                    return [.. path.Skip(path.IndexOf(to)), to];
                }

                if (!state.ContainsKey(to) && Visit(to) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in next.Keys.Order(StringComparer.Ordinal))
        {
            if (!state.ContainsKey(node) && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    /// <summary>One line of source: its code with literals blanked and comments removed, and the cref values of its doc comment.</summary>
    internal sealed record CodeLine(int Number, string Code, List<string> Crefs);

    /// <summary>
    /// Splits source into lines of code: string, character and interpolated literals (regular, verbatim and raw) become
    /// blanks, comments are dropped, and the <c>cref</c> values of <c>///</c> comments are kept apart.
    /// </summary>
    internal static IEnumerable<CodeLine> CodeLines(string text)
    {
        var lines = new List<CodeLine>();
        var code = new StringBuilder();
        var comment = new StringBuilder();
        var number = 1;
        var i = 0;
        var n = text.Length;

        void EndLine()
        {
            var crefs = Cref().Matches(comment.ToString()).Select(m => m.Groups[2].Value).ToList();
            lines.Add(new CodeLine(number, code.ToString(), crefs));
            code.Clear();
            comment.Clear();
            number++;
        }

        char At(int k) => k < n ? text[k] : '\0';

        while (i < n)
        {
            var c = text[i];
            if (c == '\n')
            {
                EndLine();
                i++;
            }
            else if (c == '/' && At(i + 1) == '/')
            {
                // A line comment: keep its text for crefs, up to the end of the line.
                var end = text.IndexOf('\n', i);
                end = end < 0 ? n : end;
                comment.Append(text, i, end - i);
                i = end;
            }
            else if (c == '/' && At(i + 1) == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++)
                {
                    if (text[i] == '\n')
                    {
                        EndLine();
                    }
                }
            }
            else if (c == '\'')
            {
                // A character literal: up to the closing quote, skipping escapes.
                i++;
                while (i < n && text[i] != '\'' && text[i] != '\n')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i++;
                code.Append(' ');
            }
            else if (c == '"' || ((c == '$' || c == '@') && (At(i + 1) == '"' || At(i + 1) == '$' || At(i + 1) == '@')))
            {
                i = SkipString(text, i, EndLine);
                code.Append(' ');
            }
            else
            {
                code.Append(c);
                i++;
            }
        }

        EndLine();
        return lines;
    }

    /// <summary>Skips a string literal that starts at <paramref name="start"/> (at its <c>$</c>/<c>@</c> prefix or quote), calling <paramref name="newLine"/> at each line break inside it.</summary>
    /// <returns>The index after the literal.</returns>
    private static int SkipString(string text, int start, Action newLine)
    {
        var n = text.Length;
        var i = start;
        var verbatim = false;
        var interpolated = false;
        while (i < n && text[i] != '"')
        {
            verbatim |= text[i] == '@';
            interpolated |= text[i] == '$';
            i++;
        }

        var quotes = 0;
        while (i + quotes < n && text[i + quotes] == '"')
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            // Raw string: ends at the same number of quotes.
            var close = new string('"', quotes);
            i += quotes;
            var end = text.IndexOf(close, i, StringComparison.Ordinal);
            end = end < 0 ? n : end + quotes;
            for (; i < end; i++)
            {
                if (text[i] == '\n')
                {
                    newLine();
                }
            }

            return end;
        }

        if (quotes == 2 && !verbatim)
        {
            return i + 2; // the empty string
        }

        i++;
        while (i < n)
        {
            var c = text[i];
            if (c == '\n')
            {
                newLine();
                i++;
            }
            else if (!verbatim && c == '\\')
            {
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                if (i + 1 < n && text[i + 1] == '{')
                {
                    i += 2;
                }
                else
                {
                    i = SkipHole(text, i + 1, newLine);
                }
            }
            else if (c == '"')
            {
                if (verbatim && i + 1 < n && text[i + 1] == '"')
                {
                    i += 2;
                }
                else
                {
                    return i + 1;
                }
            }
            else
            {
                i++;
            }
        }

        return n;
    }

    /// <summary>Skips an interpolation hole from just after its <c>{</c> to just after its <c>}</c>, stepping over nested literals and braces.</summary>
    private static int SkipHole(string text, int start, Action newLine)
    {
        var n = text.Length;
        var depth = 1;
        var i = start;
        while (i < n)
        {
            var c = text[i];
            if (c == '\n')
            {
                newLine();
                i++;
            }
            else if (c == '\'')
            {
                i++;
                while (i < n && text[i] != '\'' && text[i] != '\n')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i++;
            }
            else if (c == '"' || ((c == '$' || c == '@') && i + 1 < n && (text[i + 1] == '"' || text[i + 1] == '$' || text[i + 1] == '@')))
            {
                i = SkipString(text, i, newLine);
            }
            else if (c == '{')
            {
                depth++;
                i++;
            }
            else if (c == '}')
            {
                i++;
                if (--depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return n;
    }

    [GeneratedRegex(@"^\s*namespace\s+ProvinceIct\.Indicators\.(\w+)")]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?ProvinceIct\.Indicators\.(\w+)")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"(?<![\w.:])(\w+)\.(\w+)")]
    private static partial Regex PartlyQualifiedName();

    [GeneratedRegex(@"\b(?:class|struct|record|enum|interface|delegate\s+\w+(?:<[^>]*>)?)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bcref\s*=\s*([""'])(.*?)\1")]
    private static partial Regex Cref();
}
