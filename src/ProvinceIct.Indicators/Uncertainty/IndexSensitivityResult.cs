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
    public string FailureSummary => FailureSummaryIn(null);

    /// <summary>
    /// <see cref="FailureSummary"/> in the language of <paramref name="culture"/>: Vietnamese for a Vietnamese culture
    /// (the reasons too), exactly <see cref="FailureSummary"/> for null, the invariant culture and every language without a translation.
    /// </summary>
    /// <param name="culture">The culture of the reader, or null for English.</param>
    /// <returns>The summary; empty when none failed.</returns>
    public string FailureSummaryIn(CultureInfo? culture)
    {
        if (Failures.IsEmpty)
        {
            return string.Empty;
        }

        var c = culture ?? CultureInfo.InvariantCulture;
        return ReplicationFailure.Summary(Failures, (long)Options.Runs * (Factors.Length + 2), "Replication_WhatRuns", c)
            + new Internal.Localization.ProblemText("Replication_BaseRowsDropped", DroppedBaseRows.ToString(CultureInfo.InvariantCulture), Options.Runs.ToString(CultureInfo.InvariantCulture)).Render(c);
    }

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
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise) => ToTable().ToCsv(new TableRenderOptions(injection: injection));

    /// <summary>
    /// Every index as one long table (name <c>sensitivity</c>): the overall output first (<c>output</c> =
    /// <c>overall</c>), then each unit's rank (<c>output</c> = its code), one row per factor in factor order, with the
    /// columns of <see cref="SensitivityResult.ToTable"/>; NaN (no bootstrap, or no variance) is missing. The notes give
    /// the sampler and seed, the failed runs (when any) and the convergence warnings of the overall output.
    /// </summary>
    /// <returns>The table; <see cref="ToCsv"/> is its CSV.</returns>
    public Table ToTable()
    {
        var table = new TableBuilder("Sensitivity indices", [TableColumn.Text(Header[0], "Output"), .. SensitivityResult.Columns()], "sensitivity");
        foreach (var (output, result) in new[] { KeyValuePair.Create("overall", Overall) }.Concat(Units))
        {
            foreach (var s in result.Indices)
            {
                table.AddRow(output, s.Factor, s.First, s.FirstLower, s.FirstUpper, s.Total, s.TotalLower, s.TotalUpper);
            }
        }

        table.AddNote(string.Create(CultureInfo.InvariantCulture, $"{Sampler.Name(Options.Sampler)} sampling, seed {Options.Seed}; factors: {string.Join("; ", Factors)}; output 'overall' is the mean absolute rank shift, a unit code its rank."));
        if (!Failures.IsEmpty)
        {
            table.AddNote(FailureSummary);
        }

        foreach (var w in Overall.Warnings)
        {
            table.AddNote("Warning: " + w);
        }

        return table.Build();
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

}
