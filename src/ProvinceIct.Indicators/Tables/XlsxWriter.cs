using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// Writes tables as an Office Open XML workbook (<c>.xlsx</c>), one worksheet per table, with nothing but
/// <see cref="System.IO.Compression"/> and <see cref="XmlWriter"/> (no package, trimming- and AOT-safe). The parts are the
/// minimum Excel, LibreOffice and the common readers open without repair: content types, relationships, workbook,
/// styles and one part per sheet. Strings are inline (<c>t="inlineStr"</c>): no shared-string table to hold in memory.
/// </summary>
internal static class XlsxWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Excel's longest cell text.</summary>
    private const int MaxCellText = 32_767;

    /// <summary>The widest a note row makes a column, in characters.</summary>
    private const int NoteWidth = 40;

    /// <summary>Rows looked at to size a column.</summary>
    private const int WidthSampleRows = 200;

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false };

    /// <summary>Writes the sheets (already named, unique, valid) to the stream; the stream is not closed.</summary>
    public static void Write(Stream stream, IReadOnlyList<(string Name, Table Table)> sheets, CancellationToken cancellationToken) =>
        Write(stream, [.. sheets.Select(s => new XlsxSheet(s.Name, s.Table))], cancellationToken);

    /// <summary>Writes the sheets (already named, unique, valid), with their frozen panes and data validations, to the stream; the stream is not closed.</summary>
    public static void Write(Stream stream, IReadOnlyList<XlsxSheet> sheets, CancellationToken cancellationToken)
    {
        var formats = new List<string>();
        foreach (var sheet in sheets)
        {
            var table = sheet.Table;
            CheckSize(table);
            foreach (var c in table.Columns)
            {
                if (ExcelFormat(c) is { } f && !formats.Contains(f))
                {
                    formats.Add(f);
                }
            }
        }

        // Not disposed: that would close the caller's stream; flushed at the end.
#pragma warning disable CA2000
        var buffered = new BufferedStream(stream, 64 * 1024);
#pragma warning restore CA2000
        using (var zip = new ZipArchive(buffered, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", x => ContentTypes(x, sheets.Count));
            Part(zip, "_rels/.rels", x => Relationships(x, [("rId1", Rel + "/officeDocument", "xl/workbook.xml")]));
            Part(zip, "xl/workbook.xml", x => Workbook(x, sheets));
            Part(zip, "xl/_rels/workbook.xml.rels", x => Relationships(x,
                [.. Enumerable.Range(1, sheets.Count).Select(i => ("rId" + Num(i), Rel + "/worksheet", "worksheets/sheet" + Num(i) + ".xml")),
                 ("rId" + Num(sheets.Count + 1), Rel + "/styles", "styles.xml")]));
            Part(zip, "xl/styles.xml", x => Styles(x, formats));
            for (var i = 0; i < sheets.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var sheet = sheets[i];
                Part(zip, "xl/worksheets/sheet" + Num(i + 1) + ".xml", x => Sheet(x, sheet, formats, i == 0, cancellationToken));
            }
        }

        buffered.Flush();
    }

    /// <summary>
    /// The Excel number format of a column (null for text): <see cref="ColumnKind.Integer"/> <c>0</c>; fixed and up-to
    /// decimals <c>0.00</c> (Excel cannot drop trailing zeros without leaving a trailing point, so up-to shows as fixed);
    /// percentages <c>0.00%</c> (cells keep the fraction); ranks shown up to N decimals and significant digits
    /// <c>General</c> (Excel has no significant-digit format; General shows up to 11 characters).
    /// </summary>
    internal static string? ExcelFormat(TableColumn column)
    {
        if (!column.IsNumeric || column.Format is null)
        {
            return null;
        }

        var f = column.Format;
        var decimals = f.Digits == 0 ? string.Empty : "." + new string('0', f.Digits);
        return column.Kind switch
        {
            ColumnKind.Integer => "0",
            ColumnKind.Percent => f.Style == NumberStyle.Significant ? "0.00%" : "0" + decimals + "%",
            ColumnKind.Rank when f.Style != NumberStyle.Fixed => "General",
            _ when f.Style == NumberStyle.Significant => "General",
            _ => "0" + decimals,
        };
    }

    private static void CheckSize(Table table)
    {
        if (table.Rows.Length + 1 > XlsxCellReference.MaxRows)
        {
            throw new ArgumentException($"Table '{table.Name}' has {Num(table.Rows.Length)} rows; an Excel sheet holds at most {Num(XlsxCellReference.MaxRows - 1)} below its header.", nameof(table));
        }

        if (table.Columns.Length > XlsxCellReference.MaxColumns)
        {
            throw new ArgumentException($"Table '{table.Name}' has {Num(table.Columns.Length)} columns; an Excel sheet holds at most {Num(XlsxCellReference.MaxColumns)}.", nameof(table));
        }
    }

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var s = entry.Open();
        using var x = XmlWriter.Create(s, Settings);
        x.WriteStartDocument(standalone: true);
        write(x);
        x.WriteEndDocument();
    }

    private static void ContentTypes(XmlWriter x, int sheets)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        x.WriteStartElement("Types", ns);
        Default(x, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(x, ns, "xml", "application/xml");
        Override(x, ns, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Override(x, ns, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        for (var i = 1; i <= sheets; i++)
        {
            Override(x, ns, "/xl/worksheets/sheet" + Num(i) + ".xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }

        x.WriteEndElement();

        static void Default(XmlWriter x, string ns, string ext, string type)
        {
            x.WriteStartElement("Default", ns);
            x.WriteAttributeString("Extension", ext);
            x.WriteAttributeString("ContentType", type);
            x.WriteEndElement();
        }

        static void Override(XmlWriter x, string ns, string part, string type)
        {
            x.WriteStartElement("Override", ns);
            x.WriteAttributeString("PartName", part);
            x.WriteAttributeString("ContentType", type);
            x.WriteEndElement();
        }
    }

    private static void Relationships(XmlWriter x, (string Id, string Type, string Target)[] rels)
    {
        x.WriteStartElement("Relationships", PackageRel);
        foreach (var (id, type, target) in rels)
        {
            x.WriteStartElement("Relationship", PackageRel);
            x.WriteAttributeString("Id", id);
            x.WriteAttributeString("Type", type);
            x.WriteAttributeString("Target", target);
            x.WriteEndElement();
        }

        x.WriteEndElement();
    }

    private static void Workbook(XmlWriter x, IReadOnlyList<XlsxSheet> sheets)
    {
        x.WriteStartElement("workbook", Main);
        x.WriteAttributeString("xmlns", "r", null, Rel);
        x.WriteStartElement("bookViews", Main);
        x.WriteStartElement("workbookView", Main);
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteStartElement("sheets", Main);
        for (var i = 0; i < sheets.Count; i++)
        {
            x.WriteStartElement("sheet", Main);
            x.WriteAttributeString("name", sheets[i].Name);
            x.WriteAttributeString("sheetId", Num(i + 1));
            x.WriteAttributeString("id", Rel, "rId" + Num(i + 1));
            x.WriteEndElement();
        }

        x.WriteEndElement();
        x.WriteEndElement();
    }

    /// <summary>Style 0: default; 1: bold (the header); 2 + i: number format <c>formats[i]</c>.</summary>
    private static void Styles(XmlWriter x, List<string> formats)
    {
        x.WriteStartElement("styleSheet", Main);
        var custom = formats.Where(f => f != "General").ToList();
        if (custom.Count > 0)
        {
            x.WriteStartElement("numFmts", Main);
            x.WriteAttributeString("count", Num(custom.Count));
            for (var i = 0; i < custom.Count; i++)
            {
                x.WriteStartElement("numFmt", Main);
                x.WriteAttributeString("numFmtId", Num(164 + i));
                x.WriteAttributeString("formatCode", custom[i]);
                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        x.WriteStartElement("fonts", Main);
        x.WriteAttributeString("count", "2");
        Font(x, bold: false);
        Font(x, bold: true);
        x.WriteEndElement();
        x.WriteStartElement("fills", Main);
        x.WriteAttributeString("count", "2");
        Fill(x, "none");
        Fill(x, "gray125");
        x.WriteEndElement();
        x.WriteStartElement("borders", Main);
        x.WriteAttributeString("count", "1");
        x.WriteStartElement("border", Main);
        foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
        {
            x.WriteElementString(side, Main, null);
        }

        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteStartElement("cellStyleXfs", Main);
        x.WriteAttributeString("count", "1");
        Xf(x, 0, 0, null);
        x.WriteEndElement();
        x.WriteStartElement("cellXfs", Main);
        x.WriteAttributeString("count", Num(2 + formats.Count));
        Xf(x, 0, 0, 0);
        Xf(x, 0, 1, 0);
        foreach (var f in formats)
        {
            Xf(x, f == "General" ? 0 : 164 + custom.IndexOf(f), 0, 0);
        }

        x.WriteEndElement();
        x.WriteStartElement("cellStyles", Main);
        x.WriteAttributeString("count", "1");
        x.WriteStartElement("cellStyle", Main);
        x.WriteAttributeString("name", "Normal");
        x.WriteAttributeString("xfId", "0");
        x.WriteAttributeString("builtinId", "0");
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndElement();

        static void Font(XmlWriter x, bool bold)
        {
            x.WriteStartElement("font", Main);
            if (bold)
            {
                x.WriteElementString("b", Main, null);
            }

            x.WriteStartElement("sz", Main);
            x.WriteAttributeString("val", "11");
            x.WriteEndElement();
            x.WriteStartElement("name", Main);
            x.WriteAttributeString("val", "Calibri");
            x.WriteEndElement();
            x.WriteEndElement();
        }

        static void Fill(XmlWriter x, string pattern)
        {
            x.WriteStartElement("fill", Main);
            x.WriteStartElement("patternFill", Main);
            x.WriteAttributeString("patternType", pattern);
            x.WriteEndElement();
            x.WriteEndElement();
        }

        static void Xf(XmlWriter x, int numFmt, int font, int? xfId)
        {
            x.WriteStartElement("xf", Main);
            x.WriteAttributeString("numFmtId", Num(numFmt));
            x.WriteAttributeString("fontId", Num(font));
            x.WriteAttributeString("fillId", "0");
            x.WriteAttributeString("borderId", "0");
            if (xfId is { } id)
            {
                x.WriteAttributeString("xfId", Num(id));
                if (numFmt != 0)
                {
                    x.WriteAttributeString("applyNumberFormat", "1");
                }

                if (font != 0)
                {
                    x.WriteAttributeString("applyFont", "1");
                }
            }

            x.WriteEndElement();
        }
    }

    private static void Sheet(XmlWriter x, XlsxSheet sheet, List<string> formats, bool selected, CancellationToken cancellationToken)
    {
        var table = sheet.Table;
        var cols = table.Columns;
        var letters = new string[cols.Length];
        var styles = new int[cols.Length];
        for (var c = 0; c < cols.Length; c++)
        {
            letters[c] = XlsxCellReference.Column(c);
            styles[c] = ExcelFormat(cols[c]) is { } f ? 2 + formats.IndexOf(f) : 0;
        }

        x.WriteStartElement("worksheet", Main);
        x.WriteAttributeString("xmlns", "r", null, Rel);
        x.WriteStartElement("dimension", Main);
        var notes = sheet.NoteRows;
        x.WriteAttributeString("ref", "A1:" + letters[^1] + Num(table.Rows.Length + notes.Length + 1));
        x.WriteEndElement();

        x.WriteStartElement("sheetViews", Main);
        x.WriteStartElement("sheetView", Main);
        if (selected)
        {
            x.WriteAttributeString("tabSelected", "1");
        }

        x.WriteAttributeString("workbookViewId", "0");
        // The header rows (and leading columns, when asked) frozen: they stay in view while scrolling.
        var topLeft = XlsxCellReference.Column(sheet.FrozenColumns) + Num(sheet.FrozenRows + 1);
        var pane = sheet.FrozenColumns > 0 ? "bottomRight" : "bottomLeft";
        x.WriteStartElement("pane", Main);
        if (sheet.FrozenColumns > 0)
        {
            x.WriteAttributeString("xSplit", Num(sheet.FrozenColumns));
        }

        x.WriteAttributeString("ySplit", Num(sheet.FrozenRows));
        x.WriteAttributeString("topLeftCell", topLeft);
        x.WriteAttributeString("activePane", pane);
        x.WriteAttributeString("state", "frozen");
        x.WriteEndElement();
        x.WriteStartElement("selection", Main);
        x.WriteAttributeString("pane", pane);
        x.WriteAttributeString("activeCell", topLeft);
        x.WriteAttributeString("sqref", topLeft);
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndElement();

        x.WriteStartElement("cols", Main);
        for (var c = 0; c < cols.Length; c++)
        {
            x.WriteStartElement("col", Main);
            x.WriteAttributeString("min", Num(c + 1));
            x.WriteAttributeString("max", Num(c + 1));
            var noteWidth = notes.Select(n => c < n.Length && n[c] is { } t ? Math.Min(t.Length + 2, NoteWidth) : 0).DefaultIfEmpty(0).Max();
            x.WriteAttributeString("width", Num(Math.Max(Width(table, c), noteWidth)));
            x.WriteAttributeString("customWidth", "1");
            x.WriteEndElement();
        }

        x.WriteEndElement();

        x.WriteStartElement("sheetData", Main);
        x.WriteStartElement("row", Main);
        x.WriteAttributeString("r", "1");
        for (var c = 0; c < cols.Length; c++)
        {
            TextCell(x, letters[c] + "1", cols[c].DisplayHeader, 1, table);
        }

        x.WriteEndElement();
        for (var n = 0; n < notes.Length; n++)
        {
            var row = Num(n + 2);
            x.WriteStartElement("row", Main);
            x.WriteAttributeString("r", row);
            for (var c = 0; c < notes[n].Length && c < cols.Length; c++)
            {
                if (notes[n][c] is { } text)
                {
                    TextCell(x, letters[c] + row, text, 0, table);
                }
            }

            x.WriteEndElement();
        }

        Span<char> number = stackalloc char[32];
        for (var r = 0; r < table.Rows.Length; r++)
        {
            if ((r & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var row = Num(r + notes.Length + 2);
            x.WriteStartElement("row", Main);
            x.WriteAttributeString("r", row);
            var cells = table.Rows[r].Cells;
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = cells[c];
                if (cell.IsMissing)
                {
                    continue;
                }

                if (!cell.IsNumber)
                {
                    TextCell(x, letters[c] + row, cell.TextValue!, 0, table);
                }
                else if (!double.IsFinite(cell.NumberValue))
                {
                    // Excel has no infinities: the text the other renderers show.
                    TextCell(x, letters[c] + row, cell.NumberValue.ToString(CultureInfo.InvariantCulture), styles[c], table);
                }
                else
                {
                    x.WriteStartElement("c", Main);
                    x.WriteAttributeString("r", letters[c] + row);
                    if (styles[c] != 0)
                    {
                        x.WriteAttributeString("s", Num(styles[c]));
                    }

                    x.WriteStartElement("v", Main);
                    cell.NumberValue.TryFormat(number, out var n, "R", CultureInfo.InvariantCulture);
                    x.WriteRaw(number[..n].ToString());
                    x.WriteEndElement();
                    x.WriteEndElement();
                }
            }

            x.WriteEndElement();
        }

        x.WriteEndElement();
        if (sheet.Validations.Length > 0)
        {
            DataValidations(x, sheet.Validations);
        }

        x.WriteEndElement();
    }

    /// <summary>
    /// The sheet's <c>dataValidations</c> (after <c>sheetData</c>, as the schema orders them): one
    /// <c>dataValidation</c> per rule, blank cells allowed, the input message shown on selection and a stop error on a
    /// value outside the rule.
    /// </summary>
    private static void DataValidations(XmlWriter x, IReadOnlyList<XlsxValidation> rules)
    {
        x.WriteStartElement("dataValidations", Main);
        x.WriteAttributeString("count", Num(rules.Count));
        foreach (var v in rules)
        {
            x.WriteStartElement("dataValidation", Main);
            x.WriteAttributeString("type", v.WholeNumber ? "whole" : "decimal");
            var (op, f1, f2) = (double.IsFinite(v.Minimum), double.IsFinite(v.Maximum)) switch
            {
                (true, true) => ("between", v.Minimum, (double?)v.Maximum),
                (true, false) => ("greaterThanOrEqual", v.Minimum, null),
                (false, true) => ("lessThanOrEqual", v.Maximum, null),
                // Any number: the rule still refuses text.
                _ => ("between", -XlsxValidation.AnyNumber, (double?)XlsxValidation.AnyNumber),
            };
            if (op != "between")
            {
                x.WriteAttributeString("operator", op);
            }

            x.WriteAttributeString("allowBlank", "1");
            x.WriteAttributeString("showInputMessage", "1");
            x.WriteAttributeString("showErrorMessage", "1");
            x.WriteAttributeString("errorTitle", Cut(v.ErrorTitle, XlsxValidation.MaxTitle));
            x.WriteAttributeString("error", Cut(v.Error, XlsxValidation.MaxError));
            x.WriteAttributeString("promptTitle", Cut(v.PromptTitle, XlsxValidation.MaxTitle));
            x.WriteAttributeString("prompt", Cut(v.Prompt, XlsxValidation.MaxPrompt));
            x.WriteAttributeString("sqref", XlsxCellReference.Column(v.Column) + Num(v.FirstRow) + ":" + XlsxCellReference.Column(v.Column) + Num(v.LastRow));
            x.WriteElementString("formula1", Main, Formula(f1));
            if (f2 is { } second)
            {
                x.WriteElementString("formula2", Main, Formula(second));
            }

            x.WriteEndElement();
        }

        x.WriteEndElement();

        static string Formula(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        static string Cut(string text, int max) => text.Length <= max ? text : text[..(char.IsLowSurrogate(text[max - 1]) ? max - 2 : max - 1)] + "\u2026";
    }

    /// <summary>A string cell: always <c>t="inlineStr"</c>, so a text starting with <c>=</c> stays text (never a formula).</summary>
    private static void TextCell(XmlWriter x, string reference, string text, int style, Table table)
    {
        if (text.Length > MaxCellText)
        {
            throw new ArgumentException($"Table '{table.Name}', cell {reference}: a text of {Num(text.Length)} characters; an Excel cell holds at most {Num(MaxCellText)}.", nameof(table));
        }

        x.WriteStartElement("c", Main);
        x.WriteAttributeString("r", reference);
        if (style != 0)
        {
            x.WriteAttributeString("s", Num(style));
        }

        x.WriteAttributeString("t", "inlineStr");
        x.WriteStartElement("is", Main);
        x.WriteStartElement("t", Main);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            x.WriteAttributeString("xml", "space", null, "preserve");
        }

        x.WriteString(Escape(text));
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndElement();
    }

    /// <summary>
    /// Text as an Excel string: characters XML cannot hold (control characters, lone surrogates) written as Excel's
    /// <c>_xHHHH_</c> escape, and a literal <c>_xHHHH_</c> protected by escaping its underscore (<c>_x005F_</c>), so a
    /// reader that decodes the escapes gets the text back.
    /// </summary>
    internal static string Escape(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            string? replacement = null;
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb?.Append(ch).Append(text[i + 1]);
                i++;
                continue;
            }

            if ((ch < 0x20 && ch is not ('\t' or '\n' or '\r')) || char.IsSurrogate(ch) || ch is '\uFFFE' or '\uFFFF')
            {
                replacement = "_x" + ((int)ch).ToString("X4", CultureInfo.InvariantCulture) + "_";
            }
            else if (ch == '_' && IsEscapeAt(text, i))
            {
                replacement = "_x005F_";
            }

            if (replacement is not null)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length + 16);
                sb.Append(replacement);
            }
            else
            {
                sb?.Append(ch);
            }
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>True when <c>_xHHHH_</c> (four hex digits) starts at <paramref name="i"/>.</summary>
    internal static bool IsEscapeAt(ReadOnlySpan<char> text, int i) =>
        i + 7 <= text.Length && text[i] == '_' && text[i + 1] == 'x' && text[i + 6] == '_' && char.IsAsciiHexDigit(text[i + 2])
        && char.IsAsciiHexDigit(text[i + 3]) && char.IsAsciiHexDigit(text[i + 4]) && char.IsAsciiHexDigit(text[i + 5]);

    /// <summary>A column's width in characters: its header and the first rows' shown values, between 6 and 60.</summary>
    private static int Width(Table table, int c)
    {
        var col = table.Columns[c];
        var w = col.DisplayHeader.Length;
        var n = Math.Min(table.Rows.Length, WidthSampleRows);
        for (var r = 0; r < n; r++)
        {
            var cell = table.Rows[r].Cells[c];
            if (!cell.IsMissing)
            {
                w = Math.Max(w, cell.IsNumber ? (col.FormatNumber(cell.NumberValue, CultureInfo.InvariantCulture)?.Length ?? 0) : cell.TextValue!.Length);
            }
        }

        return Math.Clamp(w + 2, 6, 60);
    }

    private static string Num(int x) => x.ToString(CultureInfo.InvariantCulture);
}
