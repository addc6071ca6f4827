using System.Globalization;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// Writes tables as an Excel workbook (<c>.xlsx</c>, Office Open XML): one worksheet per table, named from
/// <see cref="Table.Name"/>. Each sheet has the column headers (<see cref="TableColumn.DisplayHeader"/>) in a bold,
/// frozen first row and one row per table row. Number cells are numbers (full double precision) shown through the
/// column's <see cref="NumberFormat"/> as an Excel number format (<see cref="ColumnKind.Percent"/> columns keep the
/// fraction and show a percentage); text cells are strings, so a text starting with <c>=</c> is never a formula;
/// missing cells (NaN, null) are empty cells; infinities are the strings <c>Infinity</c> and <c>-Infinity</c>. No
/// formulas are ever written. A <see cref="TableCell.Display"/> text is not written (the value is, as in CSV).
/// </summary>
/// <remarks>
/// <para>Sheet names follow Excel's rules: the characters <c>[ ] : * ? / \</c> become <c>_</c>, leading and trailing
/// apostrophes are dropped, an empty name becomes <c>Sheet</c>, names are cut to 31 characters and made unique
/// (case-insensitively, as Excel compares them) by a suffix <c> (2)</c>, <c> (3)</c>, ...</para>
/// <para>When any table has a title, notes or column notes, a last sheet <c>Notes</c> lists them (sheet, title, note),
/// so the table sheets hold nothing but their header and rows and read back as data.</para>
/// <para>Written with the BCL alone (<see cref="System.IO.Compression.ZipArchive"/> and <see cref="System.Xml.XmlWriter"/>):
/// no package, safe to trim and compile ahead of time.</para>
/// </remarks>
public static class TableWorkbook
{
    /// <summary>Excel's longest sheet name.</summary>
    public const int MaxSheetNameLength = 31;

    /// <summary>Writes the tables as a workbook to a stream.</summary>
    /// <param name="stream">The stream; written from its position, not closed.</param>
    /// <param name="tables">The tables, one sheet each, in order (at least one).</param>
    /// <param name="cancellationToken">Checked between sheets and every 1,024 rows.</param>
    /// <exception cref="ArgumentException">When there is no table, a table has more rows or columns than an Excel sheet holds (1,048,575 rows below the header, 16,384 columns), or a text is longer than an Excel cell holds (32,767 characters).</exception>
    public static void Write(Stream stream, IEnumerable<Table> tables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        XlsxWriter.Write(stream, Sheets(tables), cancellationToken);
    }

    /// <summary>Writes the tables as a workbook file, atomically: a failure leaves no half-written file and the previous file as it was.</summary>
    /// <param name="path">The target path (usually ending in <c>.xlsx</c>); an existing file is replaced.</param>
    /// <param name="tables">The tables, one sheet each, in order (at least one).</param>
    /// <param name="cancellationToken">Checked between sheets, every 1,024 rows and before the rename.</param>
    /// <exception cref="ArgumentException">As <see cref="Write(Stream, IEnumerable{Table}, CancellationToken)"/>.</exception>
    /// <exception cref="IOException">When the file cannot be written; the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public static void Save(string path, IEnumerable<Table> tables, CancellationToken cancellationToken = default)
    {
        Internal.Preconditions.NotBlank(path);
        var sheets = Sheets(tables);
        Internal.AtomicFile.Write(path, stream => XlsxWriter.Write(stream, sheets, cancellationToken), cancellationToken);
    }

    /// <summary>The workbook as bytes.</summary>
    /// <param name="tables">The tables, one sheet each, in order (at least one).</param>
    /// <returns>The <c>.xlsx</c> content.</returns>
    /// <exception cref="ArgumentException">As <see cref="Write(Stream, IEnumerable{Table}, CancellationToken)"/>.</exception>
    public static byte[] ToBytes(IEnumerable<Table> tables)
    {
        using var memory = new MemoryStream();
        Write(memory, tables);
        return memory.ToArray();
    }

    /// <summary>
    /// A valid, unique Excel sheet name for <paramref name="name"/> (see the type's remarks), given the names already
    /// taken (compared case-insensitively); the result is added to <paramref name="taken"/>.
    /// </summary>
    /// <param name="name">The wanted name.</param>
    /// <param name="taken">The names already used in the workbook.</param>
    /// <returns>The sheet name.</returns>
    public static string SheetName(string name, ISet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(taken);
        var chars = name.Select(ch => ch is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(ch) ? '_' : ch).ToArray();
        var clean = new string(chars).Trim().Trim('\'').Trim();
        if (clean.Length == 0)
        {
            clean = "Sheet";
        }

        // "History" is reserved by Excel (change tracking).
        if (string.Equals(clean, "History", StringComparison.OrdinalIgnoreCase))
        {
            clean += "_";
        }

        var candidate = Cut(clean, MaxSheetNameLength);
        for (var k = 2; IsTaken(candidate); k++)
        {
            var suffix = " (" + k.ToString(CultureInfo.InvariantCulture) + ")";
            candidate = Cut(clean, MaxSheetNameLength - suffix.Length).TrimEnd('\'') + suffix;
        }

        taken.Add(candidate);
        return candidate;

        bool IsTaken(string s) => taken.Any(t => string.Equals(t, s, StringComparison.OrdinalIgnoreCase));
    }

    private static string Cut(string s, int max)
    {
        if (s.Length <= max)
        {
            return s;
        }

        // Never half a surrogate pair.
        var n = char.IsLowSurrogate(s[max]) ? max - 1 : max;
        return s[..n].TrimEnd('\'');
    }

    private static List<(string Name, Table Table)> Sheets(IEnumerable<Table> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var list = tables.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one table.", nameof(tables));
        }

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sheets = new List<(string Name, Table Table)>(list.Count + 1);
        foreach (var t in list)
        {
            ArgumentNullException.ThrowIfNull(t, nameof(tables));
            sheets.Add((SheetName(t.Name, taken), t));
        }

        var notes = new List<TableRow>();
        foreach (var (name, t) in sheets)
        {
            if (t.Title.Length > 0)
            {
                notes.Add(Table.Row(name, t.Title, null));
            }

            foreach (var n in t.Notes)
            {
                notes.Add(Table.Row(name, null, n));
            }

            foreach (var c in t.Columns.Where(c => c.Note is not null))
            {
                notes.Add(Table.Row(name, null, c.DisplayHeader + ": " + c.Note));
            }
        }

        if (notes.Count > 0)
        {
            var table = Table.Create(
                string.Empty,
                [TableColumn.Label("sheet", "Sheet"), TableColumn.Text("title", "Title"), TableColumn.Text("note", "Note")],
                notes,
                name: "Notes");
            sheets.Add((SheetName("Notes", taken), table));
        }

        return sheets;
    }
}
