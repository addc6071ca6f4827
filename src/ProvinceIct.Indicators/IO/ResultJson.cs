using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.IO.Json;
using ProvinceIct.Indicators.Model;
using static ProvinceIct.Indicators.IO.DatasetJson;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// Saves and loads an <see cref="IndexResult"/> as JSON, completely and exactly: the methodology (in the format of
/// <see cref="MethodologyJson"/>), the units (as in <see cref="DatasetJson"/>), every node's code, level, scores and
/// ranks, and the calculation log. Serialise, deserialise and serialise again gives the same text, and every score
/// and rank comes back bit for bit (the shortest round-trip form of each double is written).
/// <para>The format: <c>{"formatVersion": 1, "methodology": {...}, "units": [...], "nodes": [...], "log": [...]}</c>,
/// indented with two spaces, LF line ends, camelCase names, non-ASCII text written as is. A node is
/// <c>{"code": "infra", "level": 2, "scores": [...], "ranks": [...]}</c> in the result's compiled order, with one score
/// and one rank per unit, in unit order. A log entry is <c>{"node", "level", "childCount", "method", "missingUnits",
/// "partialUnits": [{"unit", "present", "total", "scored"}]}</c>, in the log's order.</para>
/// <para>Missing policy: a missing score or rank (NaN) is written as JSON <c>null</c> and read back as NaN; the text
/// <c>"NaN"</c> is not a number here. Reading does not recompute anything: the scores, ranks and log are taken as
/// written, after checking their shape.</para>
/// <para>Reading never throws a raw <see cref="JsonException"/>: malformed JSON, a value of the wrong JSON type, a
/// missing or unknown property, every problem of the methodology (paths under <c>$.methodology</c>), a duplicate or
/// blank unit code, node codes that are not exactly the framework's nodes, a level that differs from the framework's, a
/// score or rank list whose length differs from the number of units, and a log entry naming an unknown node or unit
/// become problems with the JSON path and, for syntax and type errors, the line and column.</para>
/// <para>Scores and ranks are checked against each other (paths such as <c>$.nodes[3].ranks[7]</c>): a score is finite
/// or null (an infinite score, for example <c>1e999</c>, is a <see cref="ProblemCode.NonFiniteValue"/> problem); a
/// unit has a rank exactly when it has a score; a rank lies in 1..m, m the number of units with a score, and is whole
/// (a multiple of 0.5 under fractional ties); and the ranks fit the scores under the methodology's tie policy. Scores
/// equal within a relative tolerance of 1e-12 (|a - b| &lt;= 1e-12 * max(|a|, |b|), against the first score of the tie in score order, as the rank kernel groups them) are one
/// tie: under competition ties they share the best rank of the positions they occupy, under dense ties their tie
/// number, under fractional ties the mean of their positions, and under ordinal ties each takes one of those
/// positions. A rank that fits exact score equality instead is also accepted, so results saved before the tolerance
/// existed still read.</para>
/// </summary>
public static class ResultJson
{
    private const string Input = "<json>";
    private const int FormatVersion = 1;

    /// <summary>Serialises a result to indented JSON text (see the type's summary for the format).</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text, without a trailing line break.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/> is null.</exception>
    public static string Serialize(IndexResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var dto = new ResultDto
        {
            FormatVersion = FormatVersion,
            Methodology = MethodologyJson.ToDto(result.Methodology),
            Units = result.Units.Select(DatasetJson.ToDto).ToList(),
            Nodes = result.NodeCodes.Select((c, k) => new ResultNodeDto { Code = c, Level = result.NodeLevels[k], Scores = Nullable(result.Scores(c)), Ranks = Nullable(result.Ranks(c)) }).ToList(),
            Log = LogDto(result),
        };
        return JsonSerializer.Serialize(dto, Context.ResultDto);
    }

    /// <summary>
    /// Writes a result as the same JSON text as <see cref="Serialize"/> (without a trailing line break) to a stream, node
    /// by node: memory holds one node's scores and ranks at a time besides the result, so a result of any size is written
    /// in bounded memory.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="utf8">The stream, written as UTF-8; flushed after every node; not disposed.</param>
    /// <param name="cancellation">Checked before every node; cancelling throws <see cref="OperationCanceledException"/>.</param>
    internal static void Write(IndexResult result, Stream utf8, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(utf8);
        var options = Context.Options;
        using var w = new Utf8JsonWriter(utf8, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            Encoder = options.Encoder,
        });
        w.WriteStartObject();
        w.WriteNumber("formatVersion", FormatVersion);
        w.WritePropertyName("methodology");
        JsonSerializer.Serialize(w, MethodologyJson.ToDto(result.Methodology), Context.MethodologyDto);
        w.WritePropertyName("units");
        JsonSerializer.Serialize(w, result.Units.Select(DatasetJson.ToDto).ToList(), Context.ListUnitDto);
        w.WritePropertyName("nodes");
        w.WriteStartArray();
        var n = result.Units.Length;
        for (var k = 0; k < result.NodeCodes.Length; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            w.WriteStartObject();
            w.WriteString("code", result.NodeCodes[k]);
            w.WriteNumber("level", result.NodeLevels[k]);
            WriteNullable(w, "scores", result.AllScores.Slice(k * n, n));
            WriteNullable(w, "ranks", result.AllRanks.Slice(k * n, n));
            w.WriteEndObject();
            w.Flush();
        }

        w.WriteEndArray();
        w.WritePropertyName("log");
        JsonSerializer.Serialize(w, LogDto(result), Context.ListLogEntryDto);
        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>Writes a result as JSON text (see <see cref="Write(IndexResult, Stream, CancellationToken)"/>) to a text writer, streamed.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The writer; not flushed nor disposed.</param>
    /// <param name="cancellation">Checked before every node.</param>
    internal static void Write(IndexResult result, TextWriter writer, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var stream = new Internal.TextWriterStream(writer);
        Write(result, stream, cancellation);
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, ReadOnlySpan<double> values)
    {
        w.WriteStartArray(name);
        foreach (var x in values)
        {
            if (double.IsNaN(x))
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteNumberValue(x);
            }
        }

        w.WriteEndArray();
    }

    private static List<LogEntryDto> LogDto(IndexResult result) =>
        result.Log.Entries.Select(e => new LogEntryDto
        {
            Node = e.NodeCode,
            Level = e.Level,
            ChildCount = e.ChildCount,
            Method = e.Method,
            MissingUnits = [.. e.MissingUnits],
            PartialUnits = e.PartialUnits.Select(p => new PartialUnitDto { Unit = p.UnitCode, Present = p.Present, Total = p.Total, Scored = p.Scored }).ToList(),
        }).ToList();

    /// <summary>Deserialises a result, throwing on any problem.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The result, equal to the one written in every score, rank, log entry and methodology.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="json"/> is null.</exception>
    /// <exception cref="ValidationException">With every problem found (JSON path, and line and column for syntax and type errors).</exception>
    public static IndexResult Deserialize(string json) => Read(json).GetValueOrThrow();

    /// <summary>Reads a result from JSON text, reporting every problem instead of throwing.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The source name in problems (default <c>&lt;json&gt;</c>).</param>
    /// <returns>The result or the problems.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="json"/> is null.</exception>
    public static ReadResult<IndexResult> Read(string json, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var source = sourceName ?? Input;
        if (!TryParse(json, source, Context.ResultDto, "an index result", out var dto, out var failure))
        {
            return ReadResult<IndexResult>.ForFailure(failure, source);
        }

        var problems = new List<ValidationProblem>();
        CheckVersion(dto.FormatVersion, FormatVersion, "$.formatVersion", source, problems);
        var methodology = MethodologyJson.FromDto(dto.Methodology, source);
        foreach (var p in methodology.Report.Problems)
        {
            problems.Add(p with { Path = p.Path is { } path && path.StartsWith('$') ? "$.methodology" + path[1..] : "$.methodology" });
        }

        var units = ToUnits(dto.Units, "$.units", source, problems);
        var unitCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < units.Count; i++)
        {
            if (!unitCodes.Add(units[i].Code))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateUnit, new ProblemText("Result_DuplicateUnit", units[i].Code))
                { Source = source, Path = "$.units[" + Num(i) + "].code", UnitCode = units[i].Code, ExpectedText = new ProblemText("Expected_UniqueUnitCodes"), Found = units[i].Code });
            }
        }

        var n = dto.Units.Count;
        var nodeCount = dto.Nodes.Count;
        var scores = new double[nodeCount * n];
        var ranks = new double[nodeCount * n];
        var codes = new List<string>(nodeCount);
        var levels = new List<int>(nodeCount);
        var framework = methodology.TryGetValue(out var m) ? m.Framework : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < nodeCount; k++)
        {
            var path = "$.nodes[" + Num(k) + "]";
            var node = dto.Nodes[k];
            if (node is null)
            {
                problems.Add(new ValidationProblem(ProblemCode.MalformedInput, new ProblemText("Json_NullNode")) { Source = source, Path = path, ExpectedText = new ProblemText("Json_ExpectedNode"), Found = "null" });
                continue;
            }

            if (node.Code is null || node.Scores is null || node.Ranks is null)
            {
                problems.Add(new ValidationProblem(ProblemCode.MalformedInput, new ProblemText("Result_NodeLacks")) { Source = source, Path = path, ExpectedText = new ProblemText("Result_ExpectedNode"), Found = "null" });
                continue;
            }

            codes.Add(node.Code);
            levels.Add(node.Level);
            if (!seen.Add(node.Code))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateNode, new ProblemText("Result_DuplicateNode", node.Code)) { Source = source, Path = path + ".code", IndicatorCode = node.Code, ExpectedText = new ProblemText("Fw_ExpectedUniqueNodes"), Found = node.Code });
            }
            else if (framework is not null && !framework.Nodes.Any(x => x.Code == node.Code))
            {
                problems.Add(new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Result_NotFrameworkNode", node.Code)) { Source = source, Path = path + ".code", IndicatorCode = node.Code, ExpectedText = new ProblemText("Result_ExpectedFrameworkNode"), Found = node.Code });
            }
            else if (framework is not null && framework.Level(node.Code) != node.Level)
            {
                problems.Add(new ValidationProblem(ProblemCode.LevelMismatch, new ProblemText("Result_Level", node.Code, Num(node.Level), Num(framework.Level(node.Code))))
                { Source = source, Path = path + ".level", IndicatorCode = node.Code, Expected = Num(framework.Level(node.Code)), Found = Num(node.Level) });
            }

            foreach (var (list, name, target) in new[] { (node.Scores, "scores", scores), (node.Ranks, "ranks", ranks) })
            {
                if (list.Count != n)
                {
                    problems.Add(new ValidationProblem(ProblemCode.RaggedRow, new ProblemText(name == "scores" ? "Result_RaggedScores" : "Result_RaggedRanks", node.Code, Num(list.Count), Num(n)))
                    { Source = source, Path = path + "." + name, IndicatorCode = node.Code, ExpectedText = new ProblemText("Count_Values", Num(n)), FoundText = new ProblemText("Count_Values", Num(list.Count)) });
                }
                else
                {
                    FromNullable(list, target.AsSpan(k * n, n));
                }
            }

            if (node.Scores.Count == n && node.Ranks.Count == n)
            {
                CheckScoresAndRanks(node.Code, scores.AsSpan(k * n, n), ranks.AsSpan(k * n, n), m?.Ties, path, source, problems, i => dto.Units[i]?.Code);
            }
        }

        if (framework is not null)
        {
            foreach (var missing in framework.Nodes.Where(x => !seen.Contains(x.Code)))
            {
                problems.Add(new ValidationProblem(ProblemCode.MissingIndicator, new ProblemText("Result_NoScores", missing.Code))
                { Source = source, Path = "$.nodes", IndicatorCode = missing.Code, ExpectedText = new ProblemText("Result_ExpectedEntry"), FoundText = new ProblemText("Result_FoundNoEntry", missing.Code) });
            }
        }

        var entries = ImmutableArray.CreateBuilder<NodeLogEntry>(dto.Log.Count);
        for (var e = 0; e < dto.Log.Count; e++)
        {
            var path = "$.log[" + Num(e) + "]";
            var d = dto.Log[e];
            if (d is null)
            {
                problems.Add(new ValidationProblem(ProblemCode.MalformedInput, new ProblemText("Result_NullLog")) { Source = source, Path = path, ExpectedText = new ProblemText("Result_ExpectedLog"), Found = "null" });
                continue;
            }

            if (!seen.Contains(d.Node))
            {
                problems.Add(new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Result_LogNode", d.Node)) { Source = source, Path = path + ".node", IndicatorCode = d.Node, ExpectedText = new ProblemText("Result_ExpectedResultNode"), Found = d.Node });
            }

            for (var i = 0; i < d.MissingUnits.Count; i++)
            {
                UnknownUnit(d.MissingUnits[i], path + ".missingUnits[" + Num(i) + "]");
            }

            for (var i = 0; i < d.PartialUnits.Count; i++)
            {
                UnknownUnit(d.PartialUnits[i]?.Unit, path + ".partialUnits[" + Num(i) + "]");
            }

            entries.Add(new NodeLogEntry(
                d.Node,
                d.Level,
                d.ChildCount,
                [.. d.MissingUnits],
                [.. d.PartialUnits.Where(p => p is not null).Select(p => new UnitAvailability(p.Unit, p.Present, p.Total, p.Scored))],
                d.Method));
        }

        if (problems.Count > 0 || m is null)
        {
            return ReadResult<IndexResult>.ForFailure(ValidationReport.Of(problems), source);
        }

        var result = IndexResult.Restore(m, [.. units], [.. codes], [.. levels], scores, ranks, new CalculationLog(entries.ToImmutable()));
        return ReadResult<IndexResult>.ForValue(result, source);

        void UnknownUnit(string? code, string at)
        {
            if (code is null || !unitCodes.Contains(code))
            {
                problems.Add(new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Result_LogUnit", code)) { Source = source, Path = at, UnitCode = code, ExpectedText = new ProblemText("Result_ExpectedResultUnit"), Found = code ?? "null" });
            }
        }
    }

    /// <summary>The relative tolerance within which two scores are one tie: the rank kernel's, |a - b| &lt;= 1e-12 * max(|a|, |b|).</summary>
    internal const double TieTolerance = Ranking.RankKernel.TieTolerance;

    /// <summary>
    /// Checks one node's scores and ranks: every score finite or null; a rank exactly where there is a score; every
    /// rank in 1..m (m the number of units with a score), whole (a multiple of 0.5 under fractional ties); and the
    /// ranks consistent with the scores under the tie policy. Scores are sorted from best (highest) down; a tie is a
    /// run of sorted scores equal to the run's first (best) score within <see cref="TieTolerance"/> (relative), the
    /// grouping of the rank kernel. A tie occupying sorted positions a..b must have rank a (competition), its 1-based tie number (dense),
    /// (a + b) / 2 (fractional), or the ranks a..b once each (ordinal).
    /// </summary>
    private static void CheckScoresAndRanks(string code, Span<double> scores, Span<double> ranks, Ranking.TiePolicy? ties, string path, string source, List<ValidationProblem> problems, Func<int, string?> unitCode)
    {
        var bad = false;
        var scored = new List<int>(scores.Length);
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            var r = ranks[i];
            if (double.IsInfinity(s))
            {
                problems.Add(new ValidationProblem(ProblemCode.NonFiniteValue, new ProblemText("ResJson_InfiniteScore", code, Unit(unitCode, i)))
                { Source = source, UnitCode = unitCode(i), Path = path + ".scores[" + Num(i) + "]", IndicatorCode = code, ExpectedText = new ProblemText("ResJson_ExpectedFiniteScore"), Found = Fmt(s) });
                bad = true;
                continue;
            }

            if (double.IsNaN(s) != double.IsNaN(r))
            {
                problems.Add(new ValidationProblem(ProblemCode.MissingValue, new ProblemText(double.IsNaN(s) ? "ResJson_RankWithoutScore" : "ResJson_ScoreWithoutRank", code, Unit(unitCode, i)))
                { Source = source, UnitCode = unitCode(i), Path = path + ".ranks[" + Num(i) + "]", IndicatorCode = code, ExpectedText = new ProblemText(double.IsNaN(s) ? "ResJson_ExpectedNullRank" : "ResJson_ExpectedRank"), Found = double.IsNaN(r) ? "null" : Fmt(r) });
                bad = true;
                continue;
            }

            if (!double.IsNaN(s))
            {
                scored.Add(i);
            }
        }

        var m = scored.Count;
        foreach (var i in scored)
        {
            var r = ranks[i];
            var step = ties == Ranking.TiePolicy.Fractional ? 2 : 1;
            if (!(r >= 1 && r <= m) || Math.Round(r * step) != r * step)
            {
                problems.Add(new ValidationProblem(ProblemCode.ValueOutOfRange, new ProblemText("ResJson_RankOutOfRange", code, Unit(unitCode, i), Fmt(r), Num(m)))
                { Source = source, UnitCode = unitCode(i), Path = path + ".ranks[" + Num(i) + "]", IndicatorCode = code, ExpectedText = new ProblemText(step == 2 ? "ResJson_ExpectedHalfRank" : "ResJson_ExpectedWholeRank", Num(m)), Found = Fmt(r) });
                bad = true;
            }
        }

        if (bad || ties is not { } policy || m == 0)
        {
            return;
        }

        var scoreCopy = scores.ToArray();
        scored.Sort((x, y) => scoreCopy[y].CompareTo(scoreCopy[x]) is var c && c != 0 ? c : x.CompareTo(y));
        var tolerant = Expected(scored, scoreCopy, policy, Tied);
        var exact = Expected(scored, scoreCopy, policy, static (x, y) => x == y);
        var seen = new bool[m + 1];
        foreach (var i in scored)
        {
            var r = ranks[i];
            var (lo, hi) = tolerant[i];
            bool ok;
            if (policy == Ranking.TiePolicy.Ordinal)
            {
                ok = r >= lo && r <= hi && !seen[(int)r];
                seen[(int)r] = true;
            }
            else
            {
                ok = r == lo || r == exact[i].Lo;
            }

            if (!ok)
            {
                var expected = policy == Ranking.TiePolicy.Ordinal
                    ? new ProblemText("ResJson_ExpectedOrdinalRank", Fmt(lo), Fmt(hi))
                    : ProblemText.Verbatim(Fmt(lo));
                problems.Add(new ValidationProblem(ProblemCode.ValueOutOfRange, new ProblemText("ResJson_RankDoesNotFit", code, Unit(unitCode, i), Fmt(r), Fmt(scoreCopy[i]), policy.ToString().ToLowerInvariant()))
                { Source = source, UnitCode = unitCode(i), Path = path + ".ranks[" + Num(i) + "]", IndicatorCode = code, ExpectedText = expected, Found = Fmt(r) });
            }
        }
    }

    /// <summary>A unit named by its code and its entry in <c>$.units</c> (1-based): <c>unit "HN" (entry 1)</c>; by its entry alone when the entry has no code.</summary>
    private static ProblemText Unit(Func<int, string?> unitCode, int i) =>
        unitCode(i) is { Length: > 0 } c ? new ProblemText("ResJson_UnitEntry", c, Num(i + 1)) : new ProblemText("ResJson_UnitEntryOnly", Num(i + 1));

    /// <summary>
    /// The rank each scored unit should have (Lo), and for ordinal ties the range of ranks its tie occupies (Lo..Hi),
    /// when a tie is a run of <paramref name="sorted"/> (best first) whose scores are <paramref name="tied"/> to the run's
    /// first score, as the rank kernel groups them.
    /// </summary>
    private static Dictionary<int, (double Lo, double Hi)> Expected(List<int> sorted, double[] scores, Ranking.TiePolicy policy, Func<double, double, bool> tied)
    {
        var expected = new Dictionary<int, (double Lo, double Hi)>(sorted.Count);
        var start = 0;
        var tieNumber = 0;
        while (start < sorted.Count)
        {
            var end = start;
            while (end + 1 < sorted.Count && tied(scores[sorted[start]], scores[sorted[end + 1]]))
            {
                end++;
            }

            tieNumber++;
            double a = start + 1, b = end + 1;
            var rank = policy switch
            {
                Ranking.TiePolicy.Competition => (a, a),
                Ranking.TiePolicy.Dense => (tieNumber, tieNumber),
                Ranking.TiePolicy.Fractional => ((a + b) / 2, (a + b) / 2),
                _ => (a, b),
            };
            for (var t = start; t <= end; t++)
            {
                expected[sorted[t]] = rank;
            }

            start = end + 1;
        }

        return expected;
    }

    private static bool Tied(double first, double next) => Ranking.RankKernel.Tied(first, next);

    private static string Fmt(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Loads a result from a JSON file (UTF-8), throwing on any problem.</summary>
    /// <param name="path">The path; also the source name in problems.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ValidationException">With every problem found.</exception>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static IndexResult Load(string path)
    {
        Internal.Preconditions.NotBlank(path);
        return Read(DatasetJson.ReadFileText(path), path).GetValueOrThrow();
    }

    /// <summary>Saves a result as a JSON file (UTF-8 without byte order mark, ending with a line break).</summary>
    /// <param name="result">The result.</param>
    /// <param name="path">The path; an existing file is replaced only once the new content is complete and flushed to disk (written to a temporary file in the same folder, then renamed over it), so a failure leaves it exactly as it was and no temporary file behind.</param>
    /// <exception cref="IOException">When the file cannot be written (folder missing, disk full, target is a folder); the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public static void Save(IndexResult result, string path)
    {
        Internal.Preconditions.NotBlank(path);
        ArgumentNullException.ThrowIfNull(result);
        Internal.AtomicFile.Write(path, stream =>
        {
            // Buffered: the writer flushes once per node, and the file stream itself is unbuffered. Not disposed: that
            // would close the file stream, which AtomicFile still flushes to disk and owns.
#pragma warning disable CA2000
            var buffered = new BufferedStream(stream, 64 * 1024);
#pragma warning restore CA2000
            Write(result, buffered);
            buffered.WriteByte((byte)'\n');
            buffered.Flush();
        });
    }
}
