using System.Globalization;
using System.Text.RegularExpressions;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// The tables and sentences of a series (<see cref="RankHistory"/>, <see cref="IndicatorTrends"/>,
/// <see cref="PlausibilityReport"/>, <see cref="Analysis.GroupRanks"/>, <see cref="PublishedResults"/>,
/// <see cref="PublishedComparison"/>) in the language and number format of a <see cref="ReportOptions"/>. In the
/// invariant culture each is exactly the type's own English table or text; in another culture its title, headers,
/// notes and the words of its cells come from the text resources, and its numbers shown to readers take the culture's
/// decimal separator (years and counts have no group separator). Keys, raw values and row classes never change, so
/// CSV and TSV are the same in every language.
/// </summary>
internal static partial class SeriesTables
{
    private static bool IsInvariant(ReportOptions o) => o.Culture.Equals(CultureInfo.InvariantCulture);

    /// <summary>
    /// A copy of <paramref name="table"/> with another title, headers (by key; a key the function maps to null keeps
    /// its header) and notes, its cells passed through <paramref name="cell"/> (by column key), and every number shown
    /// with the culture's decimal separator.
    /// </summary>
    internal static Table Relabel(Table table, ReportOptions o, string title, Func<TableColumn, string?> header, IEnumerable<string> notes, Func<string, TableCell, TableCell>? cell = null)
    {
        var columns = table.Columns.Select(c => header(c) is { } h ? c.WithHeader(h) : c).ToList();
        var separator = o.Culture.NumberFormat.NumberDecimalSeparator;
        var rows = new List<TableRow>();
        foreach (var row in table.Rows)
        {
            var cells = new TableCell[row.Cells.Length];
            for (var k = 0; k < cells.Length; k++)
            {
                var c = cell is null ? row.Cells[k] : cell(columns[k].Key, row.Cells[k]);
                if (columns[k].IsNumeric && c.IsNumber && !c.IsMissing && separator != ".")
                {
                    var shown = Table.Shown(columns[k], c, TableRenderOptions.Default);
                    if (PlainNumber().IsMatch(shown))
                    {
                        c = c.WithDisplay(shown.Replace(".", separator, StringComparison.Ordinal));
                    }
                }

                cells[k] = c;
            }

            rows.Add(Table.ClassedRow(row.Class, cells));
        }

        return Table.Create(title, columns, rows, notes, table.Name);
    }

    /// <summary>A number as a table shows it: sign, digits, one decimal point, a percent sign.</summary>
    [GeneratedRegex(@"^[+\-±]?[0-9]+(\.[0-9]+)?%?$")]
    private static partial Regex PlainNumber();

    /// <summary>A text cell's words in the culture, through <paramref name="map"/>; numbers and missing cells unchanged.</summary>
    private static TableCell Text(TableCell c, Func<string, string> map) =>
        c.IsNumber || c.TextValue is null ? c : TableCell.Text(map(c.TextValue)).WithDisplay(c.Display);

    /// <summary><see cref="RankHistory.ToWideTable"/> in the culture.</summary>
    internal static Table WideRanks(RankHistory h, ReportOptions o)
    {
        var table = h.ToWideTable();
        if (IsInvariant(o))
        {
            return table;
        }

        return Relabel(table, o, o.T("SeriesTable_WideTitle", h.NodeCode), c => c.Key switch
        {
            "unit" => o.T("SeriesTable_Unit"),
            "name" => o.T("SeriesTable_Name"),
            "change_base" => o.T("SeriesTable_ChangeSince", IndexSeries.Text(h.BaseYear)),
            "successor" => o.T("SeriesTable_Successor"),
            _ => null,
        }, RankNotes(h, o));
    }

    /// <summary><see cref="RankHistory.ToTable"/> in the culture.</summary>
    internal static Table Ranks(RankHistory h, ReportOptions o)
    {
        var table = h.ToTable();
        if (IsInvariant(o))
        {
            return table;
        }

        return Relabel(table, o, o.T("SeriesTable_LongTitle", h.NodeCode), c => c.Key switch
        {
            "year" => o.T("SeriesTable_Year"),
            "unit" => o.T("SeriesTable_Unit"),
            "name" => o.T("SeriesTable_Name"),
            "status" => o.T("SeriesTable_Status"),
            "score" => o.T("SeriesTable_Score"),
            "rank" => o.T("SeriesTable_Rank"),
            "of" => o.T("SeriesTable_Of"),
            "previous_rank" => o.T("SeriesTable_PreviousRank"),
            "change" => o.T("SeriesTable_Change"),
            "base_rank" => o.T("SeriesTable_RankIn", IndexSeries.Text(h.BaseYear)),
            "change_base" => o.T("SeriesTable_ChangeSince", IndexSeries.Text(h.BaseYear)),
            "successor" => o.T("SeriesTable_Successor"),
            _ => null,
        }, RankNotes(h, o), (key, c) => key == "status" ? Text(c, s => Enum.TryParse<SeriesUnitStatus>(s, out var st) ? o.T("SeriesStatus_" + st) : s) : c);
    }

    private static IEnumerable<string> RankNotes(RankHistory h, ReportOptions o)
    {
        yield return o.T(h.Normalisation == SeriesNormalisation.Panel ? "SeriesTable_NotePanel" : "SeriesTable_NotePerYear");
        yield return o.T("SeriesTable_NoteChange", IndexSeries.Text(h.BaseYear));
        if (!h.RemapLogs.IsEmpty)
        {
            yield return o.T("SeriesTable_NoteRemap");
        }
    }

    /// <summary><see cref="IndicatorTrends.ToTable"/> in the culture.</summary>
    internal static Table Trends(IndicatorTrends t, ReportOptions o)
    {
        var table = t.ToTable();
        if (IsInvariant(o))
        {
            return table;
        }

        return Relabel(table, o, o.T("SeriesTable_TrendsTitle", IndexSeries.Text(t.FromYear), IndexSeries.Text(t.ToYear)), c => c.Key switch
        {
            "unit" => o.T("SeriesTable_Unit"),
            "name" => o.T("SeriesTable_Name"),
            "indicator" => o.T("SeriesTable_Indicator"),
            "change" => o.T("SeriesTable_Change"),
            "percent_change" => o.T("SeriesTable_PercentChange"),
            "cagr" => o.T("SeriesTable_Cagr"),
            _ => null,
        }, [o.T("SeriesTable_TrendsNote")]);
    }

    /// <summary><see cref="PlausibilityReport.ToTable"/> in the culture.</summary>
    internal static Table Plausibility(PlausibilityReport r, ReportOptions o)
    {
        var table = r.ToTable();
        if (IsInvariant(o))
        {
            return table;
        }

        return Relabel(table, o, o.T("SeriesTable_PlausibilityTitle"), c => c.Key switch
        {
            "year" => o.T("SeriesTable_Year"),
            "previous_year" => o.T("SeriesTable_PreviousYear"),
            "unit" => o.T("SeriesTable_Unit"),
            "indicator" => o.T("SeriesTable_Indicator"),
            "kind" => o.T("SeriesTable_Kind"),
            "previous_value" => o.T("SeriesTable_PreviousValue"),
            "value" => o.T("SeriesTable_Value"),
            "reason" => o.T("SeriesTable_Reason"),
            "rule" => o.T("SeriesTable_Rule"),
            _ => null,
        }, [r.Flags.IsEmpty ? o.T("SeriesTable_NoFlag") : o.T("SeriesTable_Flagged", o.Int(r.Flags.Length))], (key, c) => key switch
        {
            "kind" => Text(c, s => Kind(s, o)),
            "reason" => Text(c, s => Enum.TryParse<PlausibilityReason>(s, out var reason) ? o.T("SeriesReason_" + reason) : s),
            "rule" => Text(c, s => Rule(s, o)),
            _ => c,
        });
    }

    /// <summary>An indicator kind's category (<see cref="KindCategory"/>) in the culture; any other text as given.</summary>
    private static string Kind(string category, ReportOptions o) =>
        Enum.TryParse<KindCategory>(category, out var k) && Enum.IsDefined(k) ? o.T("SeriesKind_" + k) : category;

    /// <summary>A plausibility rule (<c>Count: factor 2</c>, <c>Share: absolute 0.3</c>, <c>maximum 100</c>) in the culture; any other text as given.</summary>
    private static string Rule(string rule, ReportOptions o)
    {
        var m = RulePattern().Match(rule);
        if (!m.Success)
        {
            return rule;
        }

        var limit = Local(m.Groups["limit"].Value, o);
        return m.Groups["max"].Success
            ? o.T("SeriesRule_Maximum", limit)
            : o.T(m.Groups["measure"].Value == "factor" ? "SeriesRule_Factor" : "SeriesRule_Absolute", Kind(m.Groups["kind"].Value, o), limit);
    }

    [GeneratedRegex(@"^(?:(?<max>maximum)|(?<kind>[A-Za-z]+): (?<measure>factor|absolute)) (?<limit>-?[0-9]+(\.[0-9]+)?)$")]
    private static partial Regex RulePattern();

    /// <summary>An invariant number text with the culture's decimal separator.</summary>
    private static string Local(string invariant, ReportOptions o) => invariant.Replace(".", o.Culture.NumberFormat.NumberDecimalSeparator, StringComparison.Ordinal);

    /// <summary><see cref="Analysis.GroupRanks.ToTable"/> in the culture: the group column's name and its region names translated.</summary>
    internal static Table GroupRanks(GroupRanks g, ReportOptions o)
    {
        var table = g.ToTable();
        if (IsInvariant(o))
        {
            return table;
        }

        var group = o.GroupName(g.GroupName);
        return Relabel(table, o, o.T("SeriesTable_GroupTitle", group), c => c.Key switch
        {
            "unit" => o.T("SeriesTable_Unit"),
            "name" => o.T("SeriesTable_Name"),
            "group" => group,
            var k when k.StartsWith("group_rank_", StringComparison.Ordinal) => o.T("SeriesTable_RankInGroup", group, k["group_rank_".Length..]),
            var k when k.StartsWith("rank_", StringComparison.Ordinal) => o.T("SeriesTable_RankOf", k["rank_".Length..]),
            _ => null,
        }, [o.T("SeriesTable_GroupNote", group)], (key, c) => key == "group" ? Text(c, o.GroupValue) : c);
    }

    /// <summary>A published edition's title (<c>ICT Index 2016</c>, <c>DTI 2022</c>) in the culture: the ICT Index by its full name, <c>Vietnam ICT Index 2016</c>.</summary>
    internal static string EditionTitle(string title, ReportOptions o)
    {
        const string Ict = "ICT Index ";
        return IsInvariant(o) || !title.StartsWith(Ict, StringComparison.Ordinal) ? title : o.T("SeriesPublished_IctEdition", title[Ict.Length..]);
    }

    /// <summary><see cref="PublishedResults.ToTable"/> in the culture.</summary>
    internal static Table Published(PublishedResults published, IEnumerable<Province> units, ReportOptions o)
    {
        var table = published.ToTable(units);
        if (IsInvariant(o))
        {
            return table;
        }

        return Relabel(table, o, o.T("SeriesPublished_Title"), c => c.Key switch
        {
            "unit" => o.T("SeriesTable_Unit"),
            "name" => o.T("SeriesTable_Name"),
            "edition" => o.T("SeriesPublished_Edition"),
            "figure_of" => o.T("SeriesPublished_FigureOf"),
            "rank" => o.T("SeriesTable_Rank"),
            "rank_as_published" => o.T("SeriesPublished_RankAsPublished"),
            "change" => o.T("SeriesTable_Change"),
            "score" => o.T("SeriesTable_Score"),
            "provenance" => o.T("SeriesPublished_Provenance"),
            "source" => o.T("SeriesPublished_Source"),
            _ => null,
        }, [o.T("SeriesPublished_NotePartial"), o.T("SeriesPublished_NoteChange")], (key, c) => key switch
        {
            "edition" => Text(c, s => s == "not published" ? o.T("SeriesPublished_NotPublished") : EditionTitle(s, o)),
            "figure_of" => Text(c, s => s.EndsWith(" (2025 successor)", StringComparison.Ordinal) ? s[..^" (2025 successor)".Length] + o.T("SeriesPublished_Successor")
                : s.EndsWith(" (2016 predecessor)", StringComparison.Ordinal) ? s[..^" (2016 predecessor)".Length] + o.T("SeriesPublished_Predecessor") : s),
            "provenance" => Text(c, s => s == "published" ? o.T("SeriesPublished_Published") : s == "derived from a later report" ? o.T("SeriesPublished_Derived") : s),
            _ => c,
        });
    }

    /// <summary><see cref="PublishedComparison.MethodologyNote"/> in the culture.</summary>
    internal static string MethodologyNote(PublishedComparison c, ReportOptions o)
    {
        if (IsInvariant(o))
        {
            return c.MethodologyNote;
        }

        var title = EditionTitle(c.Published.Title, o);
        return c.ComputedCode == OpenReadiness2016.Methodology.Code
            ? o.T("Disclaimer_OpenReadiness2016") + " " + o.T("SeriesCompare_NoteOpenReadiness", title)
            : c.IsEditionMethodology
                ? o.T("SeriesCompare_NoteEdition", c.ComputedCode, title)
                : o.T("SeriesCompare_NoteOther", c.ComputedCode, title, c.Published.PresetName is { } p ? o.T("SeriesCompare_NoteThatIs", p) : string.Empty);
    }

    /// <summary><see cref="PublishedComparison.Summary"/> in the culture.</summary>
    internal static string Summary(PublishedComparison c, ReportOptions o) =>
        IsInvariant(o) ? c.Summary
            : o.T("SeriesCompare_Summary", o.Int(c.RankedPairCount), F(c.RankCorrelation.Coefficient, 3, o), F(c.MeanAbsoluteRankDifference, 2, o), o.Int(c.WithinToleranceCount), o.Int(c.Tolerance));

    private static string F(double x, int decimals, ReportOptions o) => double.IsNaN(x) ? "-" : x.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), o.Culture);

    /// <summary>The heading of a comparison: the published edition and the computed methodology.</summary>
    internal static string ComparisonTitle(PublishedComparison c, ReportOptions o) =>
        IsInvariant(o) ? c.Published.Title + " as published and " + c.ComputedCode + " as computed" : o.T("SeriesCompare_Title", EditionTitle(c.Published.Title, o), c.ComputedCode);

    /// <summary><see cref="PublishedComparison.ToTable"/> in the culture.</summary>
    internal static Table Comparison(PublishedComparison c, ReportOptions o)
    {
        var table = c.ToTable();
        if (IsInvariant(o))
        {
            return table;
        }

        var published = c.Published;
        var held = published.Entries.Length < published.RankedUnitCount ? o.T("SeriesCompare_HeldPartial", o.Int(published.Entries.Length)) : o.T("SeriesCompare_HeldAll");
        List<string> notes =
        [
            MethodologyNote(c, o),
            Summary(c, o),
            o.T("SeriesCompare_Populations", o.Int(published.RankedUnitCount), held, o.Int(c.ComputedUnitCount), c.ComputedCode),
            o.T("SeriesCompare_NoteDifference"),
        ];
        if (!c.PublishedOnly.IsEmpty)
        {
            notes.Add(o.T("SeriesCompare_PublishedOnly", string.Join(", ", c.PublishedOnly)));
        }

        if (!c.ComputedOnly.IsEmpty)
        {
            notes.Add(o.T("SeriesCompare_ComputedOnly", string.Join(", ", c.ComputedOnly)));
        }

        return Relabel(table, o, ComparisonTitle(c, o), col => col.Key switch
        {
            "unit" => o.T("SeriesTable_Unit"),
            "name" => o.T("SeriesTable_Name"),
            "status" => o.T("SeriesTable_Status"),
            "published_rank" => o.T("SeriesCompare_PublishedRank"),
            "rank_as_published" => o.T("SeriesPublished_RankAsPublished"),
            "published_score" => o.T("SeriesCompare_PublishedScore"),
            "computed_score" => o.T("SeriesCompare_ComputedScore"),
            "computed_rank" => o.T("SeriesCompare_ComputedRank"),
            "difference" => o.T("SeriesCompare_Difference"),
            "source" => o.T("SeriesPublished_Source"),
            _ => null,
        }, notes, (key, cell) => key == "status" ? Text(cell, s => s switch
        {
            "both" => o.T("SeriesCompare_StatusBoth"),
            "published only" => o.T("SeriesCompare_StatusPublishedOnly"),
            "computed only" => o.T("SeriesCompare_StatusComputedOnly"),
            _ => s,
        }) : cell);
    }
}
