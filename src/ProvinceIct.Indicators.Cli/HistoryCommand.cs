using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Internal;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// <c>ictindex history NAME</c>: a unit's published ICT Index and DTI record (<see cref="PublishedResults"/>), one row per
/// edition, with the source of every figure. Editions without a row for the unit say "not published". The table and
/// Markdown are in the language of the command line (<see cref="CliStrings"/>); CSV and JSON keep English keys and values.
/// </summary>
internal static class HistoryCommand
{
    private const string NotPublished = "not published";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string>("name") { Description = CliStrings.Get("Help_History_Name") };
        var format = new FormatOption(OutputFormat.Table, OutputFormat.Csv, OutputFormat.Json, OutputFormat.Markdown);
        var chart = new Option<FileInfo?>("--chart") { Description = CliStrings.Get("Help_History_Chart") };
        var chartIndex = new Option<string>("--chart-index") { Description = CliStrings.Get("Help_History_ChartIndex"), DefaultValueFactory = _ => "ict-index" };
        chartIndex.AcceptOnlyFromAmong("ict-index", "dti");
        var cmd = new Command("history", CliStrings.Get("Help_Command_History"))
        {
            name,
            format.Option,
            chart,
            chartIndex,
        };
        cmd.SetAction(parse =>
        {
            var text = parse.GetValue(name)!;
            Province unit;
            try
            {
                unit = PublishedResults.Resolve(text);
            }
            catch (ProvinceMatchException ex)
            {
                var candidates = ex.Candidates.Select(c => c.Code + " " + c.NameVi).ToList();
                stderr.WriteLine(CliStrings.Get("Msg_ErrorPrefix") + CliStrings.Format("Msg_NoProvinceMatches", text) +
                    (candidates.Count == 0 ? CliStrings.Get("Msg_ListProvinces") : CliStrings.Format("Msg_DidYouMeanList", string.Join(", ", candidates))));
                return ExitCodes.InvalidInput;
            }

            var rows = Rows(unit);
            var output = format.Get(parse) switch
            {
                OutputFormat.Csv => Csv(rows),
                OutputFormat.Json => Json(unit, rows),
                OutputFormat.Markdown => Markdown(unit, rows),
                _ => Table(unit, rows),
            };
            if (parse.GetValue(chart) is { } svg)
            {
                WriteChart(unit, parse.GetValue(chartIndex) == "dti" ? PublishedIndex.Dti : PublishedIndex.IctIndex, svg, stderr);
            }
            else if (parse.GetResult(chartIndex) is { Implicit: false })
            {
                throw new UsageException(CliStrings.Get("Msg_ChartIndexNeedsChart"));
            }

            stdout.Write(output);
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>One line per edition: the unit's rows (own, successor's or predecessors'), or a "not published" line.</summary>
    private static List<Line> Rows(Province unit)
    {
        var history = PublishedResults.Default.For(unit);
        var lines = new List<Line>();
        foreach (var edition in PublishedResults.Default.Editions)
        {
            var found = history.Where(r => r.Entry.Index == edition.Index && r.Entry.Year == edition.Year).ToList();
            if (found.Count == 0)
            {
                lines.Add(new Line(edition.Title, edition.Index, edition.Year, edition.Geography, null));
            }

            lines.AddRange(found.Select(r => new Line(edition.Title, edition.Index, edition.Year, edition.Geography, r)));
        }

        return lines;
    }

    /// <summary>The bump chart of the unit's published ranks in one index, unknown ranks as gaps; a note on standard error when the unit has no published rank there.</summary>
    private static void WriteChart(Province unit, PublishedIndex index, FileInfo file, TextWriter stderr)
    {
        var history = PublishedResults.Default.RankHistory(index);
        var drawn = RankHistoryChart.Select(history, [unit.Code]);
        if (!history.Entries.Any(e => drawn.Contains((e.Geography, e.UnitCode)) && !double.IsNaN(e.Rank)))
        {
            stderr.WriteLine(CliStrings.Format(index == PublishedIndex.Dti ? "Msg_HistoryNoRankDti" : "Msg_HistoryNoRankIctIndex", unit.Code + " " + unit.NameVi));
        }

        RankHistoryChart.Create(history, [unit.Code], UnknownRankDrawing.Gap).Save(file.FullName);
    }

    private static string Label(Province unit, PublishedHistoryRow row)
    {
        var p = row.Entry.Province;
        return row.Relation switch
        {
            PublishedRelation.Successor => unit.NameVi + " -> " + p.NameVi + CliStrings.Get("History_Unit2025"),
            PublishedRelation.Predecessor => unit.NameVi + " <- " + p.NameVi + CliStrings.Get("History_Province2016"),
            _ => p.Geography == unit.Geography ? p.NameVi : p.NameVi + CliStrings.Get(p.Geography == ProvinceGeography.Provinces2025 ? "History_Unit2025" : "History_Province2016"),
        };
    }

    private static string Rank(PublishedEntry e) => e.Rank is { } r ? Int(r) : e.RankText ?? "-";

    private static string Score(PublishedEntry e) => e.Score is { } s ? Num(s) : e.ScoreText ?? "-";

    private static string Components(PublishedEntry e) => e.Components.IsEmpty ? "-" : string.Join("; ", e.Components.Select(c => c.ToString()));

    private static string Source(PublishedEntry e) => string.Join(" ; ", e.Sources);

    private static string Provenance(PublishedEntry e) => e.Provenance == PublishedProvenance.Derived ? "derived from a later report" : "published";

    /// <summary>The provenance in the command line's language, for the table and Markdown.</summary>
    private static string ProvenanceText(PublishedEntry e) => CliStrings.Get("History_Provenance").Split('|')[e.Provenance == PublishedProvenance.Derived ? 0 : 1];

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Num(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Change(PublishedHistoryRow row) => row.RankChange switch
    {
        null => "-",
        var c => CliStrings.Format("History_ChangeSince", c switch
        {
            0 => CliStrings.Get("History_NoChange"),
            > 0 => CliStrings.Format("History_Up", Int(c.Value)),
            _ => CliStrings.Format("History_Down", Int(-c.Value)),
        }, Int(row.ChangeSince!.Value)),
    };

    private static string[] Cells(Province unit, Line line)
    {
        if (line.Row is not { } row)
        {
            return [line.Title, unit.NameVi, CliStrings.Get("History_NotPublished"), "-", "-", "-", "-", "-", "-", "-"];
        }

        var e = row.Entry;
        return
        [
            line.Title, Label(unit, row), Rank(e), Change(row), Score(e), e.PreviousRank is { } p ? Int(p) : "-", Components(e),
            ProvenanceText(e), Source(e), e.Note ?? "-",
        ];
    }

    /// <summary>The column headers of the table and Markdown, in the command line's language.</summary>
    private static string[] Header => CliStrings.Get("History_Header").Split('|');

    private static string Title(Province unit) =>
        CliStrings.Format("History_Title", unit.Code + " " + unit.NameVi, CliStrings.Get(unit.Geography == ProvinceGeography.Provinces2016 ? "History_ProvinceUntil2025" : "History_UnitFrom2025"));

    private static string Footer => CliStrings.Get("History_Footer");

    private static string Table(Province unit, List<Line> lines) =>
        Title(unit) + "\n" + TextTable.Format(Header, [.. lines.Select(l => (IReadOnlyList<string>)Cells(unit, l))]) + "\n" + Footer + "\n";

    private static string Markdown(Province unit, List<Line> lines)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(MarkdownText.Text(Title(unit))).Append("**\n\n");
        var header = Header;
        sb.Append("| ").Append(string.Join(" | ", header.Select(MarkdownText.Text))).Append(" |\n");
        sb.Append('|').Append(string.Concat(header.Select(_ => "---|"))).Append('\n');
        foreach (var line in lines)
        {
            sb.Append("| ").Append(string.Join(" | ", Cells(unit, line).Select(MarkdownText.Text))).Append(" |\n");
        }

        sb.Append('\n').Append(MarkdownText.Text(Footer)).Append('\n');
        return sb.ToString();
    }

    private static readonly string[] CsvHeader =
        ["edition", "index", "year", "geography", "unit_code", "unit_name", "relation", "rank", "rank_as_published", "rank_change", "change_since", "score", "score_as_published", "previous_rank", "components", "provenance", "source", "note"];

    private static string Csv(List<Line> lines)
    {
        var records = new List<IReadOnlyList<string>> { CsvHeader };
        foreach (var line in lines)
        {
            if (line.Row is not { } row)
            {
                records.Add([line.Title, line.Index.ToString(), Int(line.Year), line.Geography.ToString(), "", "", "", "", "", "", "", "", "", "", "", NotPublished, "", ""]);
                continue;
            }

            var e = row.Entry;
            records.Add(
            [
                line.Title, line.Index.ToString(), Int(line.Year), line.Geography.ToString(), e.Province.Code, e.Province.NameVi, row.Relation.ToString(),
                e.Rank is { } r ? Int(r) : "", e.RankText ?? "", row.RankChange is { } c ? Int(c) : "", row.ChangeSince is { } s ? Int(s) : "",
                e.Score is { } v ? Num(v) : "", e.ScoreText ?? "", e.PreviousRank is { } p ? Int(p) : "", e.Components.IsEmpty ? "" : Components(e),
                Provenance(e), Source(e), e.Note ?? "",
            ]);
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CsvTable.Write(writer, records);
        return writer.ToString();
    }

    private static string Json(Province unit, List<Line> lines)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("unit_code", unit.Code);
            w.WriteString("unit_name", unit.NameVi);
            w.WriteString("geography", unit.Geography.ToString());
            w.WriteStartArray("editions");
            foreach (var line in lines)
            {
                w.WriteStartObject();
                w.WriteString("edition", line.Title);
                w.WriteString("index", line.Index.ToString());
                w.WriteNumber("year", line.Year);
                w.WriteString("geography", line.Geography.ToString());
                if (line.Row is { } row)
                {
                    var e = row.Entry;
                    w.WriteString("unit_code", e.Province.Code);
                    w.WriteString("unit_name", e.Province.NameVi);
                    w.WriteString("name_as_published", e.NameAsPublished);
                    w.WriteString("relation", row.Relation.ToString());
                    Nullable(w, "rank", e.Rank);
                    w.WriteString("rank_as_published", e.RankText);
                    Nullable(w, "rank_change", row.RankChange);
                    Nullable(w, "change_since", row.ChangeSince);
                    Nullable(w, "score", e.Score);
                    w.WriteString("score_as_published", e.ScoreText);
                    Nullable(w, "previous_rank", e.PreviousRank);
                    w.WriteStartArray("components");
                    foreach (var c in e.Components)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", c.Name);
                        Nullable(w, "value", c.Value);
                        w.WriteString("value_as_published", c.ValueText);
                        Nullable(w, "rank", c.Rank);
                        w.WriteString("rank_as_published", c.RankText);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteString("provenance", e.Provenance.ToString());
                    w.WriteStartArray("sources");
                    foreach (var s in e.Sources)
                    {
                        w.WriteStringValue(s);
                    }

                    w.WriteEndArray();
                    w.WriteString("note", e.Note);
                }
                else
                {
                    w.WriteString("provenance", NotPublished);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Nullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Nullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private sealed record Line(string Title, PublishedIndex Index, int Year, ProvinceGeography Geography, PublishedHistoryRow? Row);
}
