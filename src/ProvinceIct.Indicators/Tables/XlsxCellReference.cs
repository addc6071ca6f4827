using System.Globalization;

namespace ProvinceIct.Indicators.Tables;

/// <summary>Excel's A1 cell references: column letters (A..XFD) and 1-based row numbers, within Excel's sheet limits.</summary>
internal static class XlsxCellReference
{
    /// <summary>Excel's last row (1,048,576).</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Excel's last column, XFD (16,384).</summary>
    public const int MaxColumns = 16_384;

    /// <summary>The letters of a 0-based column: 0 is A, 25 is Z, 26 is AA, 16383 is XFD.</summary>
    public static string Column(int column)
    {
        Span<char> buffer = stackalloc char[3];
        var i = buffer.Length;
        var n = column + 1;
        while (n > 0)
        {
            var m = (n - 1) % 26;
            buffer[--i] = (char)('A' + m);
            n = (n - 1) / 26;
        }

        return new string(buffer[i..]);
    }

    /// <summary>The reference of a 0-based column and a 1-based row, for example <c>C7</c>.</summary>
    public static string Of(int column, int row) => Column(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an A1 reference (<c>C7</c>, letters upper or lower case): the 0-based column and the 1-based row. False when
    /// the text is not a reference or lies outside Excel's sheet (beyond XFD or row 1,048,576).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int column, out int row)
    {
        column = -1;
        row = 0;
        var i = 0;
        var col = 0;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            col = (col * 26) + (char.ToUpperInvariant(text[i]) - 'A' + 1);
            if (col > MaxColumns)
            {
                return false;
            }

            i++;
        }

        if (i == 0 || i == text.Length)
        {
            return false;
        }

        var r = 0L;
        for (; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            r = (r * 10) + (text[i] - '0');
            if (r > MaxRows)
            {
                return false;
            }
        }

        if (r < 1)
        {
            return false;
        }

        column = col - 1;
        row = (int)r;
        return true;
    }
}
