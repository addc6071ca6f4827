using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using nietras.SeparatedValues;
using ProvinceIct.Indicators.IO;
using Sylvan.Data.Csv;

namespace ProvinceIct.Indicators.Benchmarks;

/// <summary>
/// The library's wide-CSV reader (the baseline: parse, validate every value against its indicator, locate problems,
/// build the dataset) against two fast CSV parsers doing only the floor of that work: split the text into fields and
/// parse every indicator cell as an invariant double (an empty cell as missing) into a column-major array. Sep 0.18.0
/// and Sylvan.Data.Csv 1.4.4, both with quote unescaping on. On COINr's ASEM iData (51 x 49, with text and group
/// columns) and a synthetic 10,000 x 100 file of round-trip doubles (about 19 MB of text). Text in memory: the disk is
/// not measured.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortConfig))]
public class CsvParserBenchmarks
{
    private string _text = string.Empty;
    private string[] _indicators = [];
    private WideCsvOptions _options = new();

    /// <summary>The file: ASEM (COINr's iData) or a synthetic 10,000 x 100.</summary>
    [Params("ASEM 51x49", "10000x100")]
    public string File { get; set; } = "ASEM 51x49";

    [GlobalSetup]
    public void Setup()
    {
        if (File.StartsWith("ASEM", StringComparison.Ordinal))
        {
            var folder = Path.Combine(RepositoryRoot(), "tests", "ProvinceIct.Indicators.Tests", "TestData", "coinr");
            _text = System.IO.File.ReadAllText(Path.Combine(folder, "ASEM_iData.csv"));
            var meta = MetaCsv.Load(new StringReader(System.IO.File.ReadAllText(Path.Combine(folder, "ASEM_iMeta.csv"))), "ASEM_iMeta.csv");
            _options = new WideCsvOptions { Framework = meta.Framework, GroupColumns = [.. meta.GroupCodes] };
            _indicators = [.. meta.Framework.Indicators.Select(i => i.Code)];
        }
        else
        {
            const int units = 10_000, indicators = 100;
            var random = new Random(14);
            var sb = new StringBuilder("uCode,uName");
            _indicators = [.. Enumerable.Range(1, indicators).Select(j => "ind" + j.ToString(CultureInfo.InvariantCulture))];
            foreach (var code in _indicators)
            {
                sb.Append(',').Append(code);
            }

            sb.Append('\n');
            for (var u = 0; u < units; u++)
            {
                sb.Append('U').Append(u.ToString(CultureInfo.InvariantCulture)).Append(",Unit ").Append(u.ToString(CultureInfo.InvariantCulture));
                for (var j = 0; j < indicators; j++)
                {
                    sb.Append(',').Append((random.NextDouble() * 1000).ToString("R", CultureInfo.InvariantCulture));
                }

                sb.Append('\n');
            }

            _text = sb.ToString();
            _options = new WideCsvOptions();
        }

        // The parsers must agree with the reader on every value, or the comparison measures different work.
        var dataset = WideCsv.Load(new StringReader(_text), _options);
        var n = dataset.UnitCount;
        foreach (var (name, parse) in new (string, Func<double[]>)[] { ("Sep", new Func<double[]>(ParseSep)), ("Sylvan", new Func<double[]>(ParseSylvan)) })
        {
            var values = parse();
            for (var j = 0; j < _indicators.Length; j++)
            {
                var column = dataset.Column(_indicators[j]);
                for (var u = 0; u < n; u++)
                {
                    var expected = column[u];
                    var found = values[(j * n) + u];
                    if (!(expected.Equals(found)))
                    {
                        throw new InvalidOperationException($"{name} read {found:R} for unit {u + 1}, indicator '{_indicators[j]}', the reader {expected:R}.");
                    }
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "ProvinceIct.Indicators.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }

    [Benchmark(Baseline = true, Description = "WideCsv.Load (validated dataset)")]
    public object Library() => WideCsv.Load(new StringReader(_text), _options);

    [Benchmark(Description = "Sep: fields to doubles")]
    public double[] Sep() => ParseSep();

    [Benchmark(Description = "Sylvan: fields to doubles")]
    public double[] Sylvan() => ParseSylvan();

    private double[] ParseSep()
    {
        using var reader = nietras.SeparatedValues.Sep.Reader(o => o with { Unescape = true, CultureInfo = CultureInfo.InvariantCulture }).FromText(_text);
        var columns = _indicators.Select(c => reader.Header.IndexOf(c)).ToArray();
        var rows = new List<double[]>();
        foreach (var row in reader)
        {
            var values = new double[columns.Length];
            for (var j = 0; j < columns.Length; j++)
            {
                var span = row[columns[j]].Span;
                values[j] = span.IsEmpty ? double.NaN : double.Parse(span, NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            rows.Add(values);
        }

        return ColumnMajor(rows, columns.Length);
    }

    private double[] ParseSylvan()
    {
        using var reader = CsvDataReader.Create(new StringReader(_text));
        var columns = _indicators.Select(reader.GetOrdinal).ToArray();
        var rows = new List<double[]>();
        while (reader.Read())
        {
            var values = new double[columns.Length];
            for (var j = 0; j < columns.Length; j++)
            {
                var span = reader.GetFieldSpan(columns[j]);
                values[j] = span.IsEmpty ? double.NaN : double.Parse(span, NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            rows.Add(values);
        }

        return ColumnMajor(rows, columns.Length);
    }

    private static double[] ColumnMajor(List<double[]> rows, int count)
    {
        var n = rows.Count;
        var result = new double[n * count];
        for (var u = 0; u < n; u++)
        {
            var row = rows[u];
            for (var j = 0; j < count; j++)
            {
                result[(j * n) + u] = row[j];
            }
        }

        return result;
    }
}
