using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>The sensitivity of an index to its uncertain factors: overall (mean absolute rank shift) and per unit (its rank).</summary>
public sealed class IndexSensitivityResult
{
    private static readonly string[] Header = ["output", "factor", "first", "first_lower", "first_upper", "total", "total_lower", "total_upper"];

    internal IndexSensitivityResult(SensitivityResult overall, ImmutableArray<KeyValuePair<string, SensitivityResult>> units, ImmutableArray<UncertainFactor> factors, UncertaintyOptions options, IEnumerable<ReplicationFailure>? failures = null, int droppedRows = 0)
    {
        Failures = failures is null ? [] : [.. failures];
        DroppedBaseRows = droppedRows;
        Overall = overall;
        Units = units;
        Factors = factors;
        Options = options;
    }

    /// <summary>The runs that failed under <see cref="FailedReplicationPolicy.Skip"/>, in run order (empty when none failed).</summary>
    public ImmutableArray<ReplicationFailure> Failures { get; }

    /// <summary>The base rows dropped because one of their runs failed (0 when none failed); the indices use the other N - this rows.</summary>
    public int DroppedBaseRows { get; }

    /// <summary>"N of M runs failed: reason (count); ...; K of N base rows dropped", or empty when none failed.</summary>
    public string FailureSummary => Failures.IsEmpty
        ? string.Empty
        : ReplicationFailure.Summary(Failures, (long)Options.Runs * (Factors.Length + 2), "runs") + string.Create(CultureInfo.InvariantCulture, $"; {DroppedBaseRows} of {Options.Runs} base rows dropped");

    /// <summary>The indices for the mean absolute rank shift, with bootstrap intervals.</summary>
    public SensitivityResult Overall { get; }

    /// <summary>The indices for each unit's rank (point estimates), by unit code in dataset order.</summary>
    public ImmutableArray<KeyValuePair<string, SensitivityResult>> Units { get; }

    /// <summary>The factors.</summary>
    public ImmutableArray<UncertainFactor> Factors { get; }

    /// <summary>The options used.</summary>
    public UncertaintyOptions Options { get; }

    /// <summary>The indices of one unit's rank.</summary>
    /// <param name="unitCode">The unit code.</param>
    /// <returns>The result.</returns>
    public SensitivityResult this[string unitCode] =>
        Units.FirstOrDefault(p => p.Key == unitCode).Value ?? throw new KeyNotFoundException($"No unit '{unitCode}'.");

    /// <summary>CSV: <c>output,factor,first,first_lower,first_upper,total,total_lower,total_upper</c>, overall first, then per unit.</summary>
    /// <returns>The CSV text.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        var rows = new List<IReadOnlyList<string>> { Header };
        foreach (var (output, result) in new[] { KeyValuePair.Create("overall", Overall) }.Concat(Units))
        {
            rows.AddRange(result.Indices.Select(s => (IReadOnlyList<string>)[output, s.Factor, N(s.First), N(s.FirstLower), N(s.FirstUpper), N(s.Total), N(s.TotalLower), N(s.TotalUpper)]));
        }

        using var w = new StringWriter(CultureInfo.InvariantCulture);
        CsvTable.Write(w, rows, injection: injection);
        return w.ToString();
    }

    /// <summary>The overall indices as text.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Sampler.Name(Options.Sampler)} sampling, seed {Options.Seed}; factors: {string.Join("; ", Factors)}\n");
        if (!Failures.IsEmpty)
        {
            sb.Append(FailureSummary).Append('\n');
        }

        sb.Append(Overall);
        return sb.ToString();
    }

    private static string N(double x) => double.IsNaN(x) ? string.Empty : x.ToString("R", CultureInfo.InvariantCulture);
}
