namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// The rows of a worksheet as CSV records, so that the CSV readers validate a sheet exactly as they validate a file:
/// <see cref="Line"/> is the Excel row number and field <c>i</c> is column <c>i</c> (A is 0), so a problem's row and
/// column are the cell's (<c>C7</c> is row 7, column 3). Rows without any cell are skipped (as blank lines are); a row
/// is as wide as the header row, or wider when it has cells beyond it. Numeric cells are typed
/// (<see cref="TryNumber"/>: never re-parsed under a culture); their text is the invariant round-trip form. The error
/// <c>#N/A</c> reads as an empty (missing) cell; other errors (<c>#DIV/0!</c>, <c>#VALUE!</c>, ...), booleans
/// (<c>TRUE</c>, <c>FALSE</c>) and dates (ISO text, <c>2024-01-31</c>) read as their text, which a numeric column
/// reports as not a number.
/// </summary>
internal sealed class XlsxRecords(IEnumerable<XlsxRow> rows) : ICsvRecords, IDisposable
{
    private readonly IEnumerator<XlsxRow> _rows = rows.GetEnumerator();
    private string[] _text = [];
    private double[] _numbers = [];
    private bool[] _isNumber = [];
    private int _width = -1;

    public List<Errors.ValidationProblem> Problems { get; } = [];

    public int Line { get; private set; }

    public int Count { get; private set; }

    public bool Read()
    {
        if (!_rows.MoveNext())
        {
            return false;
        }

        var row = _rows.Current;
        Line = row.Number;
        var last = row.Cells[^1].Column + 1;
        if (_width < 0)
        {
            _width = last;
        }

        Count = Math.Max(_width, last);
        if (_text.Length < Count)
        {
            _text = new string[Count];
            _numbers = new double[Count];
            _isNumber = new bool[Count];
        }

        Array.Fill(_text, string.Empty, 0, Count);
        Array.Clear(_isNumber, 0, Count);
        foreach (var cell in row.Cells)
        {
            var c = cell.Column;
            switch (cell.Kind)
            {
                case XlsxCellKind.Number:
                    _isNumber[c] = true;
                    _numbers[c] = cell.Number;
                    _text[c] = cell.Text;
                    break;
                case XlsxCellKind.Error when cell.Text == "#N/A":
                    break;
                default:
                    _text[c] = cell.Text;
                    break;
            }
        }

        return true;
    }

    public ReadOnlySpan<char> Span(int i) => _text[i];

    public string Text(int i) => CsvRecordReader.Nfc(_text[i]);

    public bool HasTypedNumbers => true;

    public bool TryNumber(int i, out double value)
    {
        value = _isNumber[i] ? _numbers[i] : double.NaN;
        return _isNumber[i];
    }

    /// <summary>Every remaining row as a parsed CSV table (header first); null when the sheet has no cells.</summary>
    public CsvTable? ToTable(string source)
    {
        if (!Read())
        {
            return null;
        }

        var header = new CsvRecord(Line, [.. Fields()]);
        var body = new List<CsvRecord>();
        while (Read())
        {
            body.Add(new CsvRecord(Line, [.. Fields()]));
        }

        return CsvTable.FromRecords(source, header, [.. body]);
    }

    public void Dispose() => _rows.Dispose();

    private IEnumerable<string> Fields()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Text(i);
        }
    }
}
