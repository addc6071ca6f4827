using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// The outcome of an uncertainty analysis: per unit the nominal rank, mean, median and 5th/95th percentile rank, any
/// rank quantile, the probability of being in the top k, the rank histogram and score statistics; overall the mean
/// absolute rank shift against the nominal ranking. Any replication can be replayed with <see cref="Replication"/>.
/// </summary>
[ProvinceIct.Indicators.Internal.TypeFormatterSource(typeof(ProvinceIct.Indicators.Internal.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class UncertaintyResult
{
    private readonly FactorModel _model;
    private readonly Sampler _sampler;
    private readonly double[]? _ranks;

    internal UncertaintyResult(FactorModel model, Sampler sampler, UncertaintyOptions options, IndexResult nominal, IReadOnlyList<UnitRankStatistics> units, double meanShift, double[]? ranks, IEnumerable<ReplicationFailure>? failures = null)
    {
        Failures = failures is null ? [] : [.. failures];
        _ranks = ranks;
        _model = model;
        _sampler = sampler;
        Options = options;
        Nominal = nominal;
        Units = [.. units];
        MeanAbsoluteRankShift = meanShift;
    }

    /// <summary>The options used.</summary>
    public UncertaintyOptions Options { get; }

    /// <summary>The factors, in the order given.</summary>
    public ImmutableArray<UncertainFactor> Factors => [.. _model.Factors];

    /// <summary>The nominal result.</summary>
    public IndexResult Nominal { get; }

    /// <summary>Per-unit statistics, in dataset order.</summary>
    public ImmutableArray<UnitRankStatistics> Units { get; }

    /// <summary>The mean over replications of the mean over units of |rank - nominal rank| (units with a rank in both).</summary>
    public double MeanAbsoluteRankShift { get; }

    /// <summary>
    /// The replications left out under <see cref="FailedReplicationPolicy.Skip"/>, in replication order (empty when none
    /// failed, and always empty under <see cref="FailedReplicationPolicy.Abort"/>). Every statistic comes from the others.
    /// </summary>
    public ImmutableArray<ReplicationFailure> Failures { get; }

    /// <summary>The number of replications that succeeded: <see cref="UncertaintyOptions.Runs"/> minus the failures.</summary>
    public long SucceededRuns => Options.Runs - Failures.Length;

    /// <summary>"N of M replications failed: reason (count); ..." with the reasons grouped and the most frequent first; empty when none failed.</summary>
    public string FailureSummary => FailureSummaryIn(null);

    /// <summary>
    /// <see cref="FailureSummary"/> in the language of <paramref name="culture"/>: Vietnamese for a Vietnamese culture
    /// (the reasons too), exactly <see cref="FailureSummary"/> for null, the invariant culture and every language without a translation.
    /// </summary>
    /// <param name="culture">The culture of the reader, or null for English.</param>
    /// <returns>The summary; empty when none failed.</returns>
    public string FailureSummaryIn(CultureInfo? culture) =>
        ReplicationFailure.Summary(Failures, Options.Runs, "Replication_WhatReplications", culture ?? CultureInfo.InvariantCulture);

    /// <summary>The statistics of one unit.</summary>
    /// <param name="unitCode">The unit code.</param>
    /// <returns>The statistics.</returns>
    public UnitRankStatistics this[string unitCode] =>
        Units.FirstOrDefault(u => u.Unit.Code == unitCode) ?? throw new KeyNotFoundException($"The result has no unit '{unitCode}'.");

    /// <summary>
    /// Replays replication <paramref name="index"/>: the factor values it drew, the methodology they amount to, and the
    /// full result of that methodology (computed afresh, so it can be checked against the batch).
    /// </summary>
    /// <param name="index">0 to <see cref="UncertaintyOptions.Runs"/> - 1.</param>
    /// <returns>The replication.</returns>
    public ReplicationResult Replication(long index)
    {
        if (index < 0 || index >= Options.Runs)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "The replication number is outside the runs.");
        }

        var u = new double[Math.Max(1, _model.Dimensions)];
        _sampler.Row(index, u);
        var (m, values) = _model.Describe(u);
        return new ReplicationResult(index, [.. values], m, IndexCalculator.Compute(m, _model.Dataset));
    }

    /// <summary>The index ranks of every unit in replication <paramref name="index"/>, in dataset order (needs <see cref="RankStorage.All"/>).</summary>
    /// <param name="index">0 to runs - 1.</param>
    /// <returns>The ranks (NaN for a unit without a score, and for every unit of a replication that failed under <see cref="FailedReplicationPolicy.Skip"/>).</returns>
    /// <exception cref="InvalidOperationException">When the ranks were not kept.</exception>
    public ImmutableArray<double> ReplicationRanks(long index)
    {
        if (_ranks is null)
        {
            throw new InvalidOperationException("Replication ranks were not kept: run with KeepRanks = RankStorage.All.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Options.Runs);
        var n = Units.Length;
        return [.. _ranks.AsSpan((int)(index * n), n)];
    }

    /// <summary>
    /// CSV, one row per unit in nominal rank order: <c>unit_code,unit_name,nominal_rank,mean_rank,median_rank,q05_rank,q95_rank</c>
    /// and a column <c>p_top{k}</c> per requested k; invariant culture, round-trip precision, empty cells for missing values.
    /// </summary>
    /// <returns>The CSV text.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise) => ToTable().ToCsv(new TableRenderOptions(injection: injection));

    /// <summary>
    /// The per-unit statistics as a table (name <c>uncertainty-ranks</c>), one row per unit in nominal rank order (units
    /// without a nominal rank last, then by code): <c>unit_code</c>, <c>unit_name</c>, <c>nominal_rank</c>,
    /// <c>mean_rank</c> (1 decimal), <c>median_rank</c>, <c>q05_rank</c>, <c>q95_rank</c> and one <c>p_top{k}</c> per
    /// requested k (3 decimals); NaN is missing. The notes give the factors, the failed replications (when any) and the
    /// mean absolute rank shift.
    /// </summary>
    /// <returns>The table; <see cref="ToCsv"/> is its CSV.</returns>
    public Table ToTable()
    {
        List<TableColumn> columns =
        [
            TableColumn.Text("unit_code", "Code"), TableColumn.Label("unit_name", "Unit"), TableColumn.Rank("nominal_rank", "Nominal"), TableColumn.Number("mean_rank", "Mean", NumberFormat.Fixed(1)),
            TableColumn.Rank("median_rank", "Median"), TableColumn.Rank("q05_rank", "5%"), TableColumn.Rank("q95_rank", "95%"),
        ];
        columns.AddRange(Options.TopK.Select(k => TableColumn.Number("p_top" + k.ToString(CultureInfo.InvariantCulture), "P(top" + k.ToString(CultureInfo.InvariantCulture) + ")", NumberFormat.Fixed(3))));
        var table = new TableBuilder(
            string.Create(CultureInfo.InvariantCulture, $"Uncertainty analysis of {Nominal.Methodology.Name}: {Options.Runs} runs, {Sampler.Name(Options.Sampler)} sampling, seed {Options.Seed}"),
            columns,
            "uncertainty-ranks");
        foreach (var s in Ordered())
        {
            List<TableCell> cells = [s.Unit.Code, s.Unit.Name, s.NominalRank, s.MeanRank, s.MedianRank, s.Q05Rank, s.Q95Rank];
            cells.AddRange(Options.TopK.Select(k => (TableCell)s.ProbabilityTop(k)));
            table.AddRow([.. cells]);
        }

        table.AddNote("Factors: " + string.Join("; ", Factors) + ".");
        if (!Failures.IsEmpty)
        {
            table.AddNote(FailureSummary);
        }

        table.AddNote(string.Create(CultureInfo.InvariantCulture, $"Mean absolute rank shift: {MeanAbsoluteRankShift:0.###}."));
        return table.Build();
    }

    /// <summary>
    /// JSON: the options, factors and mean absolute rank shift, then per unit (nominal rank order) the nominal, mean,
    /// median, 5th and 95th percentile ranks, the top-k probabilities, the score mean and sd, and the rank histogram;
    /// missing values as null, numbers at full precision.
    /// </summary>
    /// <returns>The indented JSON text.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("methodology", Nominal.Methodology.Code);
            w.WriteNumber("runs", Options.Runs);
            w.WriteNumber("seed", Options.Seed);
            w.WriteString("sampler", Sampler.Name(Options.Sampler));
            if (!Failures.IsEmpty)
            {
                w.WriteNumber("failedRuns", Failures.Length);
                w.WriteStartArray("failureReasons");
                foreach (var g in Failures.GroupBy(f => f.Reason, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
                {
                    w.WriteStartObject();
                    w.WriteString("reason", g.Key);
                    w.WriteNumber("count", g.Count());
                    w.WriteNumber("firstReplication", g.First().Index);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("factors");
            foreach (var f in Factors)
            {
                w.WriteStringValue(f.ToString());
            }

            w.WriteEndArray();
            Num(w, "meanAbsoluteRankShift", MeanAbsoluteRankShift);
            w.WriteStartArray("units");
            foreach (var s in Ordered())
            {
                w.WriteStartObject();
                w.WriteString("code", s.Unit.Code);
                w.WriteString("name", s.Unit.Name);
                Num(w, "nominalRank", s.NominalRank);
                Num(w, "meanRank", s.MeanRank);
                Num(w, "medianRank", s.MedianRank);
                Num(w, "q05Rank", s.Q05Rank);
                Num(w, "q95Rank", s.Q95Rank);
                w.WriteStartObject("probabilityTop");
                foreach (var k in Options.TopK)
                {
                    Num(w, k.ToString(CultureInfo.InvariantCulture), s.ProbabilityTop(k));
                }

                w.WriteEndObject();
                Num(w, "meanScore", s.MeanScore);
                Num(w, "scoreSd", s.ScoreStandardDeviation);
                w.WriteNumber("missingRuns", s.MissingRuns);
                w.WriteStartObject("rankCounts");
                foreach (var (rank, count) in s.RankCounts)
                {
                    w.WriteNumber(rank.ToString("R", CultureInfo.InvariantCulture), count);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Num(System.Text.Json.Utf8JsonWriter w, string name, double x)
    {
        if (double.IsNaN(x))
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteNumber(name, x);
        }
    }

    /// <summary>An aligned text table in nominal rank order, headed by the runs, sampler, factors and mean rank shift.</summary>
    /// <returns>The text.</returns>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Uncertainty analysis of {Nominal.Methodology.Name}: {Options.Runs} runs, {Sampler.Name(Options.Sampler)} sampling, seed {Options.Seed}\n");
        sb.Append("Factors: ").Append(string.Join("; ", Factors)).Append('\n');
        if (!Failures.IsEmpty)
        {
            sb.Append(FailureSummary).Append('\n');
        }

        sb.Append(CultureInfo.InvariantCulture, $"Mean absolute rank shift: {MeanAbsoluteRankShift:0.###}\n\n");
        var top = string.Concat(Options.TopK.Select(k => $"  {"P(top" + k.ToString(CultureInfo.InvariantCulture) + ")",8}"));
        var codeWidth = Math.Max(6, Units.Select(u => Internal.TextWidth.Of(u.Unit.Code) + 2).DefaultIfEmpty(0).Max());
        sb.Append(Internal.TextWidth.PadRight("Code", codeWidth)).Append(CultureInfo.InvariantCulture, $"{"Unit",-20}{"Nominal",8}{"Mean",8}{"Median",8}{"5%",6}{"95%",6}{top}\n");
        foreach (var s in Ordered())
        {
            sb.Append(Internal.TextWidth.PadRight(s.Unit.Code, codeWidth)).Append(Internal.TextWidth.PadRight(Internal.TextWidth.Truncate(s.Unit.Name, 19), 20));
            sb.Append(CultureInfo.InvariantCulture, $"{s.NominalRank,8:0.#}{s.MeanRank,8:0.0}{s.MedianRank,8:0.#}{s.Q05Rank,6:0.#}{s.Q95Rank,6:0.#}");
            foreach (var k in Options.TopK)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {s.ProbabilityTop(k),8:0.000}");
            }

            sb.Append('\n');
        }

        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>The text table.</summary>
    /// <returns>The same as <see cref="ToText"/>.</returns>
    public override string ToString() => ToText();

    private IEnumerable<UnitRankStatistics> Ordered() =>
        Units.OrderBy(s => double.IsNaN(s.NominalRank) ? double.PositiveInfinity : s.NominalRank).ThenBy(s => s.Unit.Code, StringComparer.Ordinal);

}
