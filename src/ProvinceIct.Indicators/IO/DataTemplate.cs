using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// The data-collection workbook (<c>.xlsx</c>) a provincial department fills in: one row per unit (province), one
/// column per indicator of a framework, ready to be read back by <see cref="XlsxData.ReadDataset"/> (and so by
/// <c>ictindex compute --data template.xlsx</c>), which validates every cell.
/// </summary>
/// <remarks>
/// <para>Sheets, in order: <c>Hướng dẫn - Instructions</c> (what to do, in Vietnamese and English), <c>iData</c> (the
/// sheet to fill, in COINr's iData layout) and <c>Chỉ số - Indicators</c> (each indicator's code, names, unit, kind,
/// valid values, direction and parent).</para>
/// <para>The <c>iData</c> sheet: row 1 holds the column codes (<c>uCode</c>, <c>uName</c>, <c>uNameEn</c>, one
/// <c>Group_*</c> column per group of the units, then the indicator codes, framework order) and is what the reader
/// matches; rows 2 to 4 are note rows (their unit code cell starts with <see cref="NoteRowMarker"/>, so the reader
/// skips them) holding each indicator's Vietnamese name (the English name when it has none), English name, and unit
/// with its valid values; rows 5 onwards hold one unit each. The four header rows and the unit columns are frozen.
/// Each indicator column's unit rows carry an Excel data validation of the indicator kind's valid range
/// (<see cref="IndicatorKind.Minimum"/> to <see cref="IndicatorKind.Maximum"/>, whole numbers where
/// <see cref="IndicatorKind.WholeNumber"/>; an unbounded kind still refuses text), with blank cells allowed (a missing
/// value), the names and valid values as the message Excel shows on selection, and a stop error otherwise. Excel's
/// validation only guards typing: the reader checks every cell again (pasted values, other programs).</para>
/// <para>Denominator columns named by the indicators (<see cref="IndicatorDefinition.DenominatorCode"/>) that are not
/// indicators themselves follow the indicators, validated as positive numbers.</para>
/// <para>Written with the BCL alone, atomically by <see cref="Save"/>; no formulas.</para>
/// </remarks>
public static class DataTemplate
{
    /// <summary>The text a note row's unit code cell starts with; the data readers skip such rows.</summary>
    public const string NoteRowMarker = "#";

    /// <summary>The rows above the first unit row: the code row and three note rows.</summary>
    public const int HeaderRows = 4;

    /// <summary>The name of the instructions sheet.</summary>
    public const string InstructionsSheet = "Hướng dẫn - Instructions";

    /// <summary>The name of the indicator list sheet.</summary>
    public const string IndicatorsSheet = "Chỉ số - Indicators";

    /// <summary>
    /// The provinces of a geography as units for a template, in the catalogue's order: GSO code, Vietnamese and English
    /// names, and the catalogue's groups (<see cref="Province.ToUnit"/>).
    /// </summary>
    /// <param name="geography">The geography (63 provinces of 2016, or 34 units of 2025).</param>
    /// <param name="catalog">The catalogue, or null for <see cref="ProvinceCatalog.Default"/>.</param>
    /// <returns>The units.</returns>
    public static ImmutableArray<Unit> Provinces(ProvinceGeography geography, ProvinceCatalog? catalog = null) =>
        [.. (catalog ?? ProvinceCatalog.Default).Provinces(geography).Select(p => p.ToUnit())];

    /// <summary>Writes the template to a stream (see the type's remarks).</summary>
    /// <param name="stream">The stream; written from its position, not closed.</param>
    /// <param name="framework">The framework whose indicators are the columns.</param>
    /// <param name="units">The units, one row each, in order (at least one; codes unique).</param>
    /// <param name="prefill">Values to fill in (by unit code and indicator code; others stay blank), or null for an empty template.</param>
    /// <param name="cancellationToken">Checked between sheets and every 1,024 rows.</param>
    /// <exception cref="ArgumentException">When there is no unit, or two units share a code.</exception>
    public static void Write(Stream stream, Framework framework, IEnumerable<Unit> units, Dataset? prefill = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        XlsxWriter.Write(stream, Sheets(framework, units, prefill), cancellationToken);
    }

    /// <summary>Writes the template as a file, atomically: a failure leaves no half-written file and the previous file as it was.</summary>
    /// <param name="path">The target path (usually ending in <c>.xlsx</c>).</param>
    /// <param name="framework">The framework whose indicators are the columns.</param>
    /// <param name="units">The units, one row each, in order (at least one; codes unique).</param>
    /// <param name="prefill">Values to fill in, or null for an empty template.</param>
    /// <param name="cancellationToken">Checked between sheets, every 1,024 rows and before the rename.</param>
    /// <exception cref="ArgumentException">When there is no unit, or two units share a code.</exception>
    /// <exception cref="IOException">When the file cannot be written; the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public static void Save(string path, Framework framework, IEnumerable<Unit> units, Dataset? prefill = null, CancellationToken cancellationToken = default)
    {
        Internal.Preconditions.NotBlank(path);
        var sheets = Sheets(framework, units, prefill);
        Internal.AtomicFile.Write(path, stream => XlsxWriter.Write(stream, sheets, cancellationToken), cancellationToken);
    }

    /// <summary>The template as bytes (see the type's remarks).</summary>
    /// <param name="framework">The framework whose indicators are the columns.</param>
    /// <param name="units">The units, one row each, in order (at least one; codes unique).</param>
    /// <param name="prefill">Values to fill in, or null for an empty template.</param>
    /// <returns>The <c>.xlsx</c> content.</returns>
    /// <exception cref="ArgumentException">When there is no unit, or two units share a code.</exception>
    public static byte[] ToBytes(Framework framework, IEnumerable<Unit> units, Dataset? prefill = null)
    {
        using var memory = new MemoryStream();
        Write(memory, framework, units, prefill);
        return memory.ToArray();
    }

    /// <summary>The valid values of a kind in Vietnamese, for the template's notes and messages (as <see cref="IndicatorKind.Expected"/> in English).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The text, for example <c>phần trăm trong [0, 100]</c>.</returns>
    public static string ExpectedVi(IndicatorKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.Category switch
        {
            KindCategory.Count => "số nguyên không âm (số đếm)",
            KindCategory.Share => "tỷ lệ trong [0, 1]",
            KindCategory.Percent => "phần trăm trong [0, 100]",
            KindCategory.Rate => "tỷ lệ không âm trên " + F(kind.PerPeople ?? 1) + " người",
            KindCategory.Money => "số tiền không âm (" + kind.Currency + ")",
            KindCategory.BoundedScore => "điểm trong [" + F(kind.Minimum) + ", " + F(kind.Maximum) + "]",
            KindCategory.YesNo => "0 (không) hoặc 1 (có)",
            KindCategory.ServiceLevel => "mức độ 1, 2, 3 hoặc 4",
            _ => "một số bất kỳ",
        };
    }

    private static List<XlsxSheet> Sheets(Framework framework, IEnumerable<Unit> units, Dataset? prefill)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(units);
        var list = units.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A template needs at least one unit.", nameof(units));
        }

        if (list.GroupBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Two units have the code '{twice.Key}'.", nameof(units));
        }

        var indicators = framework.Indicators;
        var indicatorCodes = indicators.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var denominators = indicators.Select(d => d.DenominatorCode).OfType<string>().Where(c => !indicatorCodes.Contains(c)).Distinct(StringComparer.Ordinal).ToArray();
        var groupNames = list.SelectMany(u => u.Groups.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var columns = new List<TableColumn> { TableColumn.Text("uCode", "uCode"), TableColumn.Label("uName", "uName"), TableColumn.Text("uNameEn", "uNameEn") };
        columns.AddRange(groupNames.Select(g => TableColumn.Text("Group_" + g, "Group_" + g)));
        var firstData = columns.Count;
        columns.AddRange(indicators.Select(d => TableColumn.Number(d.Code, d.Code, NumberFormat.Significant(15))));
        columns.AddRange(denominators.Select(c => TableColumn.Number(c, c, NumberFormat.Significant(15))));

        var pad = groupNames.Select(_ => (string?)null).ToArray();
        ImmutableArray<ImmutableArray<string?>> notes =
        [
            [NoteRowMarker + "vi", "Tên chỉ số (tiếng Việt)", "Tên tiếng Anh ở dòng dưới", .. pad,
                .. indicators.Select(d => d.NameVi ?? d.NameEn), .. denominators.Select(c => "Mẫu số " + c)],
            [NoteRowMarker + "en", "Indicator name (English)", "Names in the row above are Vietnamese", .. pad,
                .. indicators.Select(d => d.NameEn), .. denominators.Select(c => "Denominator " + c)],
            [NoteRowMarker + "unit", "Đơn vị; giá trị hợp lệ", "Unit; valid values", .. pad,
                .. indicators.Select(UnitNote), .. denominators.Select(_ => "> 0")],
        ];
        var rows = new List<TableRow>(list.Count);
        foreach (var u in list)
        {
            var cells = new List<TableCell>(columns.Count) { u.Code, u.Name, u.NameEn };
            cells.AddRange(groupNames.Select(g => (TableCell)u.Group(g)));
            foreach (var code in indicators.Select(d => d.Code).Concat(denominators))
            {
                cells.Add(Prefilled(prefill, u.Code, code));
            }

            rows.Add(Table.Row([.. cells]));
        }

        var data = Table.Create(string.Empty, columns, rows, name: XlsxData.DataSheet);
        var firstRow = HeaderRows + 1;
        var lastRow = HeaderRows + list.Count;
        var validations = indicators.Select((d, k) => Rule(firstData + k, firstRow, lastRow, d))
            .Concat(denominators.Select((c, k) => new XlsxValidation(firstData + indicators.Length + k, firstRow, lastRow)
            {
                Minimum = double.Epsilon,
                PromptTitle = c,
                Prompt = "Mẫu số: một số dương. / Denominator: a positive number.",
                ErrorTitle = c,
                Error = "Giá trị phải là một số dương. / The value must be a positive number.",
            }));

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return
        [
            new XlsxSheet(TableWorkbook.SheetName(InstructionsSheet, taken), Instructions(framework, list.Count)),
            new XlsxSheet(TableWorkbook.SheetName(XlsxData.DataSheet, taken), data) { NoteRows = notes, FrozenRows = HeaderRows, FrozenColumns = 2, Validations = [.. validations] },
            new XlsxSheet(TableWorkbook.SheetName(IndicatorsSheet, taken), IndicatorList(framework)),
        ];
    }

    private static TableCell Prefilled(Dataset? prefill, string unit, string indicator)
    {
        if (prefill is null || !prefill.HasIndicator(indicator) || !prefill.Units.Any(u => u.Code == unit))
        {
            return TableCell.Missing;
        }

        var x = prefill.Value(unit, indicator);
        return double.IsNaN(x) ? TableCell.Missing : TableCell.Number(x);
    }

    private static XlsxValidation Rule(int column, int firstRow, int lastRow, IndicatorDefinition d)
    {
        var names = (d.NameVi is null ? d.NameEn : d.NameVi + " / " + d.NameEn) + (d.Unit is null ? string.Empty : " (" + d.Unit + ")");
        return new XlsxValidation(column, firstRow, lastRow)
        {
            WholeNumber = d.Kind.WholeNumber,
            Minimum = d.Kind.Minimum,
            Maximum = d.Kind.Maximum,
            PromptTitle = d.Code,
            Prompt = names + ". " + Capital(ExpectedVi(d.Kind)) + " / " + Capital(d.Kind.Expected) + ". Để trống nếu không có số liệu. / Leave blank when missing.",
            ErrorTitle = d.Code + ": giá trị không hợp lệ",
            Error = "Giá trị phải là " + ExpectedVi(d.Kind) + ". / The value must be " + d.Kind.Expected + ".",
        };
    }

    private static string UnitNote(IndicatorDefinition d) =>
        (d.Unit is null ? string.Empty : d.Unit + "; ") + ExpectedVi(d.Kind) + " / " + d.Kind.Expected;

    private static Table Instructions(Framework framework, int units)
    {
        string[][] steps =
        [
            [$"Nhập số liệu vào trang iData: mỗi dòng một đơn vị ({F(units)} đơn vị), mỗi cột một chỉ số của {framework.Root.Name}.", $"Fill in the iData sheet: one row per unit ({F(units)} units), one column per indicator of {framework.Root.Name}."],
            ["Dòng 1 là mã cột; không sửa, không xóa. Dòng 2 đến 4 (bắt đầu bằng #) ghi tên chỉ số bằng tiếng Việt, tiếng Anh, đơn vị và giá trị hợp lệ.", "Row 1 holds the column codes: do not change or delete it. Rows 2 to 4 (starting with #) give each indicator's Vietnamese and English name, unit and valid values."],
            ["Không sửa mã đơn vị (uCode). Có thể xóa dòng của đơn vị không có số liệu.", "Do not change the unit codes (uCode). Rows of units without data may be deleted."],
            ["Nhập số, không nhập chữ hay công thức. Để trống ô nếu không có số liệu.", "Enter numbers, not text or formulas. Leave a cell blank when the value is missing."],
            ["Excel từ chối giá trị ngoài phạm vi hợp lệ của chỉ số (xem trang Chỉ số - Indicators).", "Excel refuses a value outside the indicator's valid range (see the Chỉ số - Indicators sheet)."],
            ["Khi đọc lại (ictindex compute --data tệp.xlsx ...), mọi ô được kiểm tra; mỗi lỗi ghi rõ trang, dòng và cột.", "When read back (ictindex compute --data file.xlsx ...), every cell is checked; each problem names its sheet, row and column."],
        ];
        var rows = steps.Select((s, i) => Table.Row((double)(i + 1), s[0], s[1]));
        return Table.Create(
            string.Empty,
            [TableColumn.Integer("step", "Bước / Step"), TableColumn.Text("vi", "Hướng dẫn"), TableColumn.Text("en", "Instructions")],
            rows,
            name: InstructionsSheet);
    }

    private static Table IndicatorList(Framework framework)
    {
        var rows = framework.Indicators.Select(d => Table.Row(
            d.Code,
            d.NameVi,
            d.NameEn,
            d.Unit,
            KindText.Format(d.Kind),
            ExpectedVi(d.Kind) + " / " + d.Kind.Expected,
            d.Direction == Direction.Positive ? "+1" : "-1",
            framework[d.Code].ParentCode));
        return Table.Create(
            string.Empty,
            [
                TableColumn.Text("code", "Mã / Code"), TableColumn.Text("nameVi", "Tên chỉ số"), TableColumn.Text("nameEn", "Indicator"),
                TableColumn.Text("unit", "Đơn vị / Unit"), TableColumn.Text("kind", "Loại / Kind"), TableColumn.Text("valid", "Giá trị hợp lệ / Valid values"),
                TableColumn.Text("direction", "Chiều / Direction"), TableColumn.Text("parent", "Thuộc / Parent"),
            ],
            rows,
            name: IndicatorsSheet);
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string F(double x) => x.ToString("#,0.##", CultureInfo.InvariantCulture);
}
