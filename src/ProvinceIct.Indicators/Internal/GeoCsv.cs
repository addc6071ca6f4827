using System.Globalization;
using System.Text;

namespace ProvinceIct.Indicators.Internal;

/// <summary>
/// A small RFC 4180 splitter for the embedded geography tables: quoted fields, doubled quotes inside quotes,
/// commas and line breaks inside quotes, CRLF, LF or CR line ends, and an optional UTF-8 byte order mark.
/// Blank lines are skipped. Kept internal and separate from the public CSV reader in <c>IO</c>.
/// </summary>
internal static class GeoCsv
{
    /// <summary>Splits <paramref name="text"/> into records of fields.</summary>
    /// <exception cref="FormatException">An unterminated quoted field, or a quote inside an unquoted field or after a closing quote.</exception>
    public static List<string[]> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        var recordLine = 1;
        var quoted = false; // the current field started with a quote
        var closed = false; // the quoted field's closing quote has been read
        var any = false;    // the current record has content (so blank lines can be skipped)

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            quoted = false;
            closed = false;
        }

        void EndRecord()
        {
            EndField();
            if (any)
            {
                rows.Add([.. fields]);
            }

            fields.Clear();
            any = false;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (quoted && !closed)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    closed = true;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case ',':
                    any = true;
                    EndField();
                    break;
                case '\r':
                case '\n':
                    EndRecord();
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    line++;
                    recordLine = line;
                    break;
                case '"':
                    if (field.Length > 0 || quoted)
                    {
                        throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {line}: a quote may only open a field."));
                    }

                    quoted = true;
                    any = true;
                    break;
                default:
                    if (closed)
                    {
                        throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {line}: text after a closing quote."));
                    }

                    field.Append(c);
                    any = true;
                    break;
            }

            i++;
        }

        if (quoted && !closed)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {recordLine}: unterminated quoted field."));
        }

        EndRecord();
        return rows;
    }
}
