using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Reporting;

public sealed class ResultCsvTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("result-csv-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IndexResult Tiny() => IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());

    /// <summary>
    /// 3,000 units with hostile names (formula starts, commas, quotes, line breaks), missing values and ties: more rows
    /// than one cancellation check (1,024) and more text than one writer buffer.
    /// </summary>
    private static IndexResult Large()
    {
        const int n = 3000;
        var names = new[] { "=SUM(A1)", "a, b", "say \"hi\"", "two\nlines", "+1", "-x", "@me", "Đà Nẵng" };
        var units = Enumerable.Range(0, n).Select(i => Unit.Create("U" + i.ToString("D4", CultureInfo.InvariantCulture), names[i % names.Length] + " " + i.ToString(CultureInfo.InvariantCulture))).ToList();
        var values = new double[n, 3];
        for (var i = 0; i < n; i++)
        {
            values[i, 0] = i % 97;
            values[i, 1] = i % 13 == 0 ? double.NaN : (i * 7) % 101;
            values[i, 2] = i % 5;
        }

        return IndexCalculator.Compute(TinyIndex.Methodology(), Dataset.Create(units, ["i1", "i2", "i3"], values));
    }

    /// <summary>The writers before streaming: every cell as a string, through <see cref="CsvTable.Write"/> (the reference text).</summary>
    private static string ReferenceLong(IndexResult result, CsvInjectionPolicy injection)
    {
        var records = new List<IReadOnlyList<string>> { new[] { "unit_code", "unit_name", "node_code", "level", "score", "rank" } };
        foreach (var unit in result.Units)
        {
            for (var k = 0; k < result.NodeCodes.Length; k++)
            {
                var node = result.NodeCodes[k];
                records.Add([unit.Code, unit.Name, node, result.NodeLevels[k].ToString(CultureInfo.InvariantCulture),
                    Num(result.Score(unit.Code, node)), Num(result.Rank(unit.Code, node))]);
            }
        }

        using var w = new StringWriter(CultureInfo.InvariantCulture);
        CsvTable.Write(w, records, injection: injection);
        return w.ToString();
    }

    private static string ReferenceWide(IndexResult result, CsvInjectionPolicy injection)
    {
        var header = new List<string> { "unit_code", "unit_name" };
        foreach (var node in result.NodeCodes)
        {
            header.Add(node);
            header.Add(node + "_rank");
        }

        var records = new List<IReadOnlyList<string>> { header };
        foreach (var row in result.Ranking)
        {
            var cells = new List<string> { row.Unit.Code, row.Unit.Name };
            foreach (var node in result.NodeCodes)
            {
                cells.Add(Num(result.Score(row.Unit.Code, node)));
                cells.Add(Num(result.Rank(row.Unit.Code, node)));
            }

            records.Add(cells);
        }

        using var w = new StringWriter(CultureInfo.InvariantCulture);
        CsvTable.Write(w, records, injection: injection);
        return w.ToString();
    }

    private static string Num(double x) => double.IsNaN(x) ? string.Empty : x.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void ToLongCsv_Tiny_OneRowPerUnitAndNode()
    {
        var lines = ResultCsv.ToLongCsv(Tiny()).TrimEnd('\n').Split('\n');
        Assert.Equal("unit_code,unit_name,node_code,level,score,rank", lines[0]);
        Assert.Equal(1 + (3 * 6), lines.Length);
        Assert.Contains("B,Bravo,i3,1,,", lines);
        Assert.Contains("A,Alpha,IDX,3,16.666666666666668,3", lines);
        Assert.Contains("C,Charlie,P1,2,75,1", lines);
    }

    [Fact]
    public void ToWideCsv_Tiny_MatchesSnapshot() => Snapshot.Match(ResultCsv.ToWideCsv(Tiny()), "csv");

    [Theory]
    [InlineData(CsvInjectionPolicy.Neutralise)]
    [InlineData(CsvInjectionPolicy.None)]
    public void SaveWideCsv_LargeHostileResult_SameBytesAsTheCellByCellWriter(CsvInjectionPolicy injection)
    {
        var result = Large();
        var path = Path.Combine(_dir, "wide.csv");
        ResultCsv.SaveWideCsv(result, path, injection);
        var expected = ReferenceWide(result, injection);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), File.ReadAllBytes(path));
        Assert.Equal(expected, ResultCsv.ToWideCsv(result, injection));
    }

    [Theory]
    [InlineData(CsvInjectionPolicy.Neutralise)]
    [InlineData(CsvInjectionPolicy.None)]
    public void SaveLongCsv_LargeHostileResult_SameBytesAsTheCellByCellWriter(CsvInjectionPolicy injection)
    {
        var result = Large();
        var path = Path.Combine(_dir, "long.csv");
        ResultCsv.SaveLongCsv(result, path, injection);
        var expected = ReferenceLong(result, injection);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), File.ReadAllBytes(path));
        Assert.Equal(expected, ResultCsv.ToLongCsv(result, injection));
    }

    [Fact]
    public void WriteWideCsv_WriterFailsMidWrite_PreviousFileIntactAndNoTemp()
    {
        var path = Path.Combine(_dir, "out.csv");
        File.WriteAllText(path, "previous\n");

        // The disk fills after 100,000 characters: well past the first flush of the 64 KiB buffer.
        var ex = Assert.Throws<IOException>(() => ProvinceIct.Indicators.Internal.AtomicFile.WriteText(path, w => ResultCsv.WriteWideCsv(Large(), new FailingWriter(w, 100_000, null))));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Equal("previous\n", File.ReadAllText(path));
        Assert.Equal(["out.csv"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void SaveLongCsv_CancelledMidWrite_PreviousFileIntactAndNoTemp()
    {
        var path = Path.Combine(_dir, "out.csv");
        File.WriteAllText(path, "previous\n");
        using var cts = new CancellationTokenSource();
        var result = Large();

        // Cancelled once 100,000 characters are written; the writer notices at its next check (every 1,024 rows).
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ProvinceIct.Indicators.Internal.AtomicFile.WriteText(path, w => ResultCsv.WriteLongCsv(result, new FailingWriter(w, 100_000, cts), cancellation: cts.Token), cts.Token));
        Assert.Equal("previous\n", File.ReadAllText(path));
        Assert.Equal(["out.csv"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    /// <summary>Passes text on until a number of characters, then fails like a full disk, or cancels a source and goes on.</summary>
    private sealed class FailingWriter(TextWriter inner, int limit, CancellationTokenSource? cancel) : TextWriter
    {
        private int _written;

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value) => Write([value]);

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(ReadOnlySpan<char> buffer)
        {
            _written += buffer.Length;
            if (_written > limit)
            {
                if (cancel is null)
                {
                    throw new IOException("No space left on device");
                }

                cancel.Cancel();
            }

            inner.Write(buffer);
        }
    }
}
