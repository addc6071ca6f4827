using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// The published record, embedded: the Vietnam ICT Index (2006, 2010, 2011, 2012, 2016, 2017, 2018, 2022) and DTI
/// (2022, 2023, 2024) figures we could find, each row with its source (<c>Resources/published/*.csv</c>, see
/// <c>Resources/SOURCES.md</c>). Every edition is partial: a row exists only where a source published it, and anything
/// not published is null, never estimated. Names as published are matched through <see cref="ProvinceCatalog.Default"/>
/// in the edition's geography (DTI 2024 in the 34 units of 2025).
/// </summary>
public sealed class PublishedResults
{
    private const string ResourcePrefix = "ProvinceIct.Indicators.Resources.published";

    private static readonly Lazy<PublishedResults> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string[] RankColumns = ["rank", "dti_rank", "dti_rank_34"];
    private static readonly string[] NameColumns = ["province_as_published", "province_2025"];
    private static readonly string[] ScoreColumns = ["ict_index", "pdti", "dti_value"];

    private PublishedResults(ImmutableArray<PublishedEdition> editions) => Editions = editions;

    /// <summary>The embedded record. Loaded once, on first use, thread-safely.</summary>
    public static PublishedResults Default => LazyDefault.Value;

    /// <summary>Every edition, ordered by year, then the ICT Index before the DTI.</summary>
    public ImmutableArray<PublishedEdition> Editions { get; }

    /// <summary>
    /// A unit's published history: its own rows in every edition, and across 1 July 2025 the rows of the other geography
    /// labelled by whose they are (a 2016 province merged into a 2025 unit gets that unit's 2024 row as
    /// <see cref="PublishedRelation.Successor"/>; a 2025 unit gets its predecessors' rows as
    /// <see cref="PublishedRelation.Predecessor"/>; one territory under both geographies is <see cref="PublishedRelation.Own"/>).
    /// Ordered by year, index, then unit code. Empty when nothing was published for it.
    /// </summary>
    /// <param name="province">A unit of either geography.</param>
    /// <returns>The rows, with the change in rank since the previous comparable row (see <see cref="PublishedHistoryRow.RankChange"/>).</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="province"/> is null.</exception>
    public ImmutableArray<PublishedHistoryRow> For(Province province)
    {
        Internal.Preconditions.NotNull(province);
        var rows = new List<(PublishedEntry Entry, PublishedRelation Relation)>();
        foreach (var entry in Editions.SelectMany(e => e.Entries))
        {
            if (entry.Province.Geography == province.Geography)
            {
                if (entry.Province.Code == province.Code)
                {
                    rows.Add((entry, PublishedRelation.Own));
                }
            }
            else if (province.Geography == ProvinceGeography.Provinces2016)
            {
                if (province.SuccessorCode == entry.Province.Code)
                {
                    rows.Add((entry, entry.Province.PredecessorCodes.Length == 1 ? PublishedRelation.Own : PublishedRelation.Successor));
                }
            }
            else if (province.PredecessorCodes.Contains(entry.Province.Code))
            {
                rows.Add((entry, province.PredecessorCodes.Length == 1 ? PublishedRelation.Own : PublishedRelation.Predecessor));
            }
        }

        var ordered = rows.OrderBy(r => r.Entry.Year).ThenBy(r => r.Entry.Index).ThenBy(r => r.Entry.Province.Code, StringComparer.Ordinal).ToList();
        var result = ImmutableArray.CreateBuilder<PublishedHistoryRow>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (entry, relation) = ordered[i];
            int? change = null;
            int? since = null;
            if (relation == PublishedRelation.Own && entry.Rank is { } rank)
            {
                for (var j = i - 1; j >= 0; j--)
                {
                    var (prev, prevRelation) = ordered[j];
                    if (prevRelation == PublishedRelation.Own && Comparable(prev, entry))
                    {
                        if (prev.Rank is { } prevRank)
                        {
                            change = prevRank - rank;
                            since = prev.Year;
                        }

                        break;
                    }
                }
            }

            result.Add(new PublishedHistoryRow(entry, relation, change, since));
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// A unit's published history by name: the text is matched in the 2016 geography, else in the 2025 geography
    /// (<see cref="ProvinceCatalog.Match"/>), then <see cref="For(Province)"/>.
    /// </summary>
    /// <param name="name">A name, spelling or code (<c>Bình Phước</c>, <c>Binh Phuoc</c>, <c>70</c>).</param>
    /// <returns>The rows (see <see cref="For(Province)"/>).</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="name"/> is null.</exception>
    /// <exception cref="ProvinceNotFoundException">When no unit of either geography matches, with the closest 2016 units as candidates.</exception>
    /// <exception cref="AmbiguousProvinceException">When the text names more than one unit.</exception>
    public ImmutableArray<PublishedHistoryRow> For(string name) => For(Resolve(name));

    /// <summary>The unit <see cref="For(string)"/> resolves a name to: matched in the 2016 geography, else in the 2025 geography.</summary>
    /// <param name="name">A name, spelling or code.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="name"/> is null.</exception>
    /// <exception cref="ProvinceNotFoundException">When no unit of either geography matches, with the closest 2016 units as candidates.</exception>
    /// <exception cref="AmbiguousProvinceException">When the text names more than one unit.</exception>
    public static Province Resolve(string name)
    {
        Internal.Preconditions.NotNull(name);
        var catalog = ProvinceCatalog.Default;
        if (catalog.TryMatch(name, ProvinceGeography.Provinces2016, out var p2016))
        {
            return p2016;
        }

        if (catalog.TryMatch(name, ProvinceGeography.Provinces2025, out var p2025))
        {
            return p2025;
        }

        return catalog.Match(name, ProvinceGeography.Provinces2016);
    }

    /// <summary>The codes of the editions (<see cref="PublishedEdition.Code"/>), in <see cref="Editions"/> order.</summary>
    public ImmutableArray<string> EditionCodes => [.. Editions.Select(e => e.Code)];

    /// <summary>
    /// The edition with a code: <c>ict-index-2016</c> or <c>dti-2022</c> (case-insensitive; <c>ictindex-2016</c> and
    /// <c>ict-index_2016</c> are read too: spaces, dashes and underscores are ignored).
    /// </summary>
    /// <param name="code">The code.</param>
    /// <returns>The edition.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="code"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">When no edition has this code; the message lists the codes.</exception>
    public PublishedEdition Edition(string code) =>
        TryGetEdition(code, out var edition) ? edition
        : throw new KeyNotFoundException("No published edition '" + code + "'. The editions: " + string.Join(", ", EditionCodes) + ".");

    /// <summary>The edition with a code, without throwing (see <see cref="Edition(string)"/>).</summary>
    /// <param name="code">The code; null finds nothing.</param>
    /// <param name="edition">The edition, or null.</param>
    /// <returns>True when found.</returns>
    public bool TryGetEdition(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PublishedEdition? edition)
    {
        var key = Key(code);
        edition = key.Length == 0 ? null : Editions.FirstOrDefault(e => Key(e.Code) == key);
        return edition is not null;
    }

    /// <summary>The edition of an index in a year, or null when none is held.</summary>
    /// <param name="index">The index.</param>
    /// <param name="year">The year.</param>
    /// <returns>The edition, or null.</returns>
    public PublishedEdition? Edition(PublishedIndex index, int year) => Editions.FirstOrDefault(e => e.Index == index && e.Year == year);

    /// <summary>
    /// The published record of one index as a rank history (the object <c>RankHistoryChart</c> draws): one entry per
    /// unit and edition for every unit with a row in any edition of the span. A unit without a row in an edition is
    /// <see cref="SeriesUnitStatus.Missing"/> there (not published: its rank is unknown, never interpolated); a row whose
    /// rank was not published as an integer has a NaN rank. In a 34-unit edition (DTI 2024) each 2016 province that did
    /// not continue under its own code is <see cref="SeriesUnitStatus.Merged"/> with its 2025 successor, so charts link
    /// it. The previous and base ranks are those of the same code in a comparable edition (same geography and, for the ICT
    /// Index, the same system: 2006-2015 or 2016 on), else NaN. <see cref="RankHistoryEntry.RankedCount"/> is
    /// <see cref="PublishedEdition.RankedUnitCount"/>. Node code <c>ict_index</c> or <c>dti</c>; normalisation
    /// <see cref="SeriesNormalisation.PerYear"/> (each edition was scored on its own); the base year is the first year.
    /// </summary>
    /// <param name="index">The index.</param>
    /// <param name="fromYear">The first year (null for the first edition of the index).</param>
    /// <param name="toYear">The last year (null for the last edition).</param>
    /// <returns>The rank history.</returns>
    /// <exception cref="ArgumentException">When no edition of the index falls in the span.</exception>
    public RankHistory RankHistory(PublishedIndex index, int? fromYear = null, int? toYear = null)
    {
        var editions = Editions.Where(e => e.Index == index && e.Year >= (fromYear ?? int.MinValue) && e.Year <= (toYear ?? int.MaxValue)).ToList();
        if (editions.Count == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"No published edition of {index} from {fromYear?.ToString(CultureInfo.InvariantCulture) ?? "the first"} to {toYear?.ToString(CultureInfo.InvariantCulture) ?? "the last"}."), nameof(index));
        }

        var keys = editions.SelectMany(e => e.Entries).Select(x => (x.Province.Geography, x.Province.Code)).Distinct()
            .OrderBy(k => k.Geography).ThenBy(k => k.Code, StringComparer.Ordinal).ToList();
        var catalog = ProvinceCatalog.Default;
        string NameOf((ProvinceGeography Geography, string Code) k) => catalog.Get(k.Code, k.Geography).NameVi;
        PublishedEntry? Row(PublishedEdition e, string code) => e.Entries.FirstOrDefault(x => x.Province.Code == code);
        double RankIn(PublishedEdition? e, PublishedEdition here, string code) =>
            e is not null && e.Geography == here.Geography && SameSystem(e, here) && Row(e, code)?.Rank is { } r ? r : double.NaN;

        var first = editions[0];
        var entries = ImmutableArray.CreateBuilder<RankHistoryEntry>();
        for (var k = 0; k < editions.Count; k++)
        {
            var e = editions[k];
            var previous = k == 0 ? null : editions[k - 1];
            foreach (var key in keys.Where(x => x.Geography == e.Geography))
            {
                var row = Row(e, key.Code);
                entries.Add(new RankHistoryEntry(e.Year, e.Geography, key.Code, NameOf(key), row is null ? SeriesUnitStatus.Missing : SeriesUnitStatus.Present,
                    row?.Score ?? double.NaN, row?.Rank is { } r ? r : double.NaN, e.RankedUnitCount, previous?.Year, RankIn(previous, e, key.Code),
                    first.Year, RankIn(first, e, key.Code), null));
            }

            if (e.Geography == ProvinceGeography.Provinces2025)
            {
                foreach (var key in keys.Where(x => x.Geography == ProvinceGeography.Provinces2016))
                {
                    var successor = catalog.Get(key.Code, ProvinceGeography.Provinces2016).SuccessorCode;
                    if (successor != key.Code)
                    {
                        entries.Add(new RankHistoryEntry(e.Year, ProvinceGeography.Provinces2016, key.Code, NameOf(key), SeriesUnitStatus.Merged, double.NaN, double.NaN,
                            e.RankedUnitCount, previous?.Year, double.NaN, first.Year, double.NaN, successor));
                    }
                }
            }
        }

        var (node, name) = index == PublishedIndex.Dti ? ("dti", "DTI (published)") : ("ict_index", "Vietnam ICT Index (published)");
        return new RankHistory(node, name, first.Year, SeriesNormalisation.PerYear, [.. editions.Select(e => e.Year)], entries.ToImmutable(), []);
    }

    /// <summary>
    /// The published history of some units as one table (name <c>published-record</c>): for each unit in the order
    /// given, its rows of <see cref="For(Province)"/> (own, successor's or predecessors'), with <c>unit</c>, <c>name</c>,
    /// <c>edition</c>, <c>figure_of</c> (the unit whose figure it is, when not the unit's own), <c>rank</c> (empty when
    /// unknown), <c>rank_as_published</c>, <c>change</c> (places gained since the previous comparable row, signed),
    /// <c>score</c> (up to 4 decimals), <c>provenance</c> and <c>source</c>. A unit with no published row has one row
    /// saying so. The notes say the record is partial and how the change is measured.
    /// </summary>
    /// <param name="units">The units, of either geography; a unit given twice is listed once.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="units"/> or one of them is null.</exception>
    public Table ToTable(IEnumerable<Province> units)
    {
        Internal.Preconditions.NotNull(units);
        var table = new TableBuilder(
            "Published record",
            [TableColumn.Text("unit", "Unit"), TableColumn.Label("name", "Name"), TableColumn.Text("edition", "Edition"), TableColumn.Text("figure_of", "Figure of"),
             TableColumn.Rank("rank", "Rank"), TableColumn.Text("rank_as_published", "Rank as published"), TableColumn.Number("change", "Change", NumberFormat.UpTo(0)),
             TableColumn.Number("score", "Score", NumberFormat.UpTo(4)), TableColumn.Text("provenance", "Provenance"), TableColumn.Text("source", "Source")],
            "published-record");
        foreach (var unit in units.Distinct())
        {
            Internal.Preconditions.NotNull(unit);
            var rows = For(unit);
            if (rows.IsEmpty)
            {
                table.AddRow(unit.Code, unit.NameVi, "not published", null, TableCell.Missing, null, TableCell.Missing, TableCell.Missing, null, null);
            }

            foreach (var row in rows)
            {
                var e = row.Entry;
                TableCell change = row.RankChange is { } c ? (c > 0 ? TableCell.Number(c).WithDisplay("+" + c.ToString(CultureInfo.InvariantCulture)) : TableCell.Number(c)) : TableCell.Missing;
                table.AddRow(unit.Code, unit.NameVi, e.Edition,
                    row.Relation == PublishedRelation.Own ? null : e.Province.Code + " " + e.Province.NameVi + (row.Relation == PublishedRelation.Successor ? " (2025 successor)" : " (2016 predecessor)"),
                    e.Rank is { } r ? r : TableCell.Missing, e.RankText, change, e.Score is { } sc ? sc : TableCell.Missing,
                    e.Provenance == PublishedProvenance.Derived ? "derived from a later report" : "published", string.Join(" ; ", e.Sources));
            }
        }

        table.AddNote("Partial record: a row exists only where a source published it; an empty rank is unknown and nothing is interpolated.");
        table.AddNote("Change: places gained since the previous row of the unit's own in the same index, geography and system (ICT Index 2006-2015 or 2016 on).");
        return table.Build();
    }

    /// <summary>Formats as <c>PublishedResults: 11 editions, 120 entries</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"PublishedResults: {Editions.Length} editions, {Editions.Sum(e => e.Entries.Length)} entries");

    /// <summary>Same index, same geography and, for the ICT Index, the same system (2006-2015 or 2016 on).</summary>
    private static bool Comparable(PublishedEntry a, PublishedEntry b) =>
        a.Index == b.Index && a.Geography == b.Geography && (a.Index != PublishedIndex.IctIndex || (a.Year >= 2016) == (b.Year >= 2016));

    /// <summary>Same index and, for the ICT Index, the same system (2006-2015 or 2016 on).</summary>
    private static bool SameSystem(PublishedEdition a, PublishedEdition b) =>
        a.Index == b.Index && (a.Index != PublishedIndex.IctIndex || (a.Year >= 2016) == (b.Year >= 2016));

    private static string Key(string? code) =>
        code is null ? string.Empty : new string([.. code.Where(c => c is not (' ' or '-' or '_')).Select(char.ToLowerInvariant)]);

    /// <summary>
    /// The codes of the embedded editions, in <see cref="Editions"/> order, read from the names of the embedded files
    /// alone: what the help of <c>ictindex compare</c> lists, without parsing the record (<see cref="Default"/> is loaded
    /// only when a command uses it). Equal to <c>Default.EditionCodes</c>, since a file of the embedded record that
    /// does not load fails <see cref="Default"/>.
    /// </summary>
    internal static ImmutableArray<string> EmbeddedEditionCodes =>
    [
        .. EmbeddedResourceNames(typeof(PublishedResults).Assembly)
            .Select(r => TryParseFileName(r[(ResourcePrefix.Length + 1)..], out var index, out var year) ? (Index: index, Year: year) : ((PublishedIndex Index, int Year)?)null)
            .OfType<(PublishedIndex Index, int Year)>()
            .OrderBy(e => e.Year).ThenBy(e => e.Index)
            .Select(e => PublishedEdition.CodeOf(e.Index, e.Year)),
    ];

    private static IEnumerable<string> EmbeddedResourceNames(Assembly assembly) =>
        assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>The index and year a file name (<c>ictindex_YYYY.csv</c> or <c>dti_YYYY.csv</c>) stands for.</summary>
    private static bool TryParseFileName(string fileName, out PublishedIndex index, out int year)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var cut = stem.LastIndexOf('_');
        PublishedIndex? parsed = cut < 0 ? null : stem[..cut] switch
        {
            "ictindex" => PublishedIndex.IctIndex,
            "dti" => PublishedIndex.Dti,
            _ => null,
        };
        index = parsed ?? default;
        year = 0;
        return parsed is not null && int.TryParse(stem[(cut + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out year);
    }

    private static PublishedResults LoadEmbedded()
    {
        var assembly = typeof(PublishedResults).Assembly;
        var files = new List<(string FileName, string Text)>();
        foreach (var resource in EmbeddedResourceNames(assembly))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            files.Add((resource[(ResourcePrefix.Length + 1)..], reader.ReadToEnd()));
        }

        return Load(files);
    }

    /// <summary>Parses the files (named <c>ictindex_YYYY.csv</c> or <c>dti_YYYY.csv</c>), reporting every problem at once.</summary>
    internal static PublishedResults Load(IEnumerable<(string FileName, string Text)> files)
    {
        var problems = new List<ValidationProblem>();
        var editions = new List<PublishedEdition>();
        foreach (var (fileName, text) in files)
        {
            var edition = ReadEdition(fileName, text, problems);
            if (edition is not null)
            {
                editions.Add(edition);
            }
        }

        if (editions.Count == 0)
        {
            problems.Add(new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("Published_NoEdition")) { Source = "published" });
        }

        ValidationReport.Of(problems).ThrowIfInvalid("published results");
        return new PublishedResults([.. editions.OrderBy(e => e.Year).ThenBy(e => e.Index)]);
    }

    private static PublishedEdition? ReadEdition(string fileName, string text, List<ValidationProblem> problems)
    {
        if (!TryParseFileName(fileName, out var index, out var year))
        {
            problems.Add(new ValidationProblem(ProblemCode.MalformedInput, new ProblemText("Published_BadFileName", fileName)) { Source = fileName });
            return null;
        }

        // The DTI of 2024 was published for the 34 units formed on 1 July 2025.
        var geography = index == PublishedIndex.Dti && year >= 2024 ? ProvinceGeography.Provinces2025 : ProvinceGeography.Provinces2016;
        var read = CsvTable.Parse(text, fileName, injection: CsvInjectionPolicy.None);
        if (!read.Success)
        {
            problems.AddRange(read.Report.Problems);
            return null;
        }

        var table = read.Value;
        var header = table.Header.Fields.Select(h => h.Trim()).ToList();
        int Column(string[] names, bool required)
        {
            var i = header.FindIndex(h => names.Contains(h, StringComparer.Ordinal));
            if (i < 0 && required)
            {
                problems.Add(new ValidationProblem(ProblemCode.MissingColumn, new ProblemText("Published_NoColumn", ProblemText.Join(" ", names.Select((n, k) => k == 0 ? ProblemText.Verbatim(n) : new ProblemText("Published_OrColumn", n))))) { Source = fileName, Row = table.Header.Line });
            }

            return i;
        }

        var rankCol = Column(RankColumns, true);
        var nameCol = Column(NameColumns, true);
        var scoreCol = Column(ScoreColumns, false);
        var sourceCol = Column(["source"], true);
        var prevCol = Column(["rank_prev_year"], false);
        var noteCol = Column(["note"], false);
        if (rankCol < 0 || nameCol < 0 || sourceCol < 0)
        {
            return null;
        }

        // Every other column is a component: X (value), X_rank (rank), X_value (value).
        var reserved = new HashSet<int> { rankCol, nameCol, scoreCol, sourceCol, prevCol, noteCol };
        var components = new List<(string Name, int Value, int Rank)>();
        for (var c = 0; c < header.Count; c++)
        {
            if (reserved.Contains(c))
            {
                continue;
            }

            var h = header[c];
            var isRank = h.EndsWith("_rank", StringComparison.Ordinal);
            var name = isRank ? h[..^5] : h.EndsWith("_value", StringComparison.Ordinal) ? h[..^6] : h;
            var k = components.FindIndex(x => x.Name == name);
            if (k < 0)
            {
                components.Add((name, isRank ? -1 : c, isRank ? c : -1));
            }
            else
            {
                components[k] = isRank ? components[k] with { Rank = c } : components[k] with { Value = c };
            }
        }

        var entries = ImmutableArray.CreateBuilder<PublishedEntry>();
        var aggregates = ImmutableArray.CreateBuilder<PublishedAggregate>();
        foreach (var row in table.Rows)
        {
            string Cell(int i) => i >= 0 && i < row.Count ? row[i].Trim() : string.Empty;
            ValidationProblem Problem(ProblemCode code, int column, string message) =>
                new(code, message) { Source = fileName, Row = row.Line, Column = column + 1 };

            if (row.Count != header.Count)
            {
                problems.Add(Problem(ProblemCode.RaggedRow, 0, $"expected {header.Count} fields, found {row.Count}"));
                continue;
            }

            var published = Cell(nameCol);
            var sources = Cell(sourceCol).Split(" ; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray();
            if (sources.IsEmpty)
            {
                problems.Add(Problem(ProblemCode.MissingValue, sourceCol, $"'{published}': expected a source, found none"));
                continue;
            }

            var note = Cell(noteCol) is { Length: > 0 } n ? n : null;
            var (score, scoreText) = Number(Cell(scoreCol));
            if (published.StartsWith('('))
            {
                aggregates.Add(new PublishedAggregate(published, score, Cell(sourceCol), note));
                continue;
            }

            if (!ProvinceCatalog.Default.TryMatch(published, geography, out var province))
            {
                problems.Add(Problem(ProblemCode.UnknownValue, nameCol, $"expected a unit of {geography}, found '{published}'"));
                continue;
            }

            var (rank, rankText) = Integer(Cell(rankCol));
            var (prev, prevText) = Integer(Cell(prevCol));
            if (prevText is not null)
            {
                problems.Add(Problem(ProblemCode.NotANumber, prevCol, $"'{published}': expected the previous year's rank as an integer, found '{prevText}'"));
                continue;
            }

            var comps = ImmutableArray.CreateBuilder<PublishedComponent>();
            foreach (var (name, valueCol, compRankCol) in components)
            {
                var (value, valueText) = Number(Cell(valueCol));
                var (compRank, compRankText) = Integer(Cell(compRankCol));
                if (value is not null || valueText is not null || compRank is not null || compRankText is not null)
                {
                    comps.Add(new PublishedComponent(name, value, valueText, compRank, compRankText));
                }
            }

            var provenance = note is not null && note.StartsWith("DERIVED", StringComparison.Ordinal) ? PublishedProvenance.Derived : PublishedProvenance.Published;
            entries.Add(new PublishedEntry(index, year, province, published, rank, rankText, score, scoreText, comps.ToImmutable(), prev, sources, note, provenance));
        }

        return new PublishedEdition(index, year, geography, fileName, entries.ToImmutable(), aggregates.ToImmutable());
    }

    /// <summary>A plain number with a decimal point or a single decimal comma; any other text is kept as text; empty is unknown.</summary>
    private static (double? Value, string? Text) Number(string cell)
    {
        if (cell.Length == 0)
        {
            return (null, null);
        }

        var commas = cell.Count(c => c == ',');
        var dots = cell.Count(c => c == '.');
        var normal = commas == 1 && dots == 0 ? cell.Replace(',', '.') : cell;
        return double.TryParse(normal, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? (v, null)
            : (null, cell);
    }

    private static (int? Value, string? Text) Integer(string cell) =>
        cell.Length == 0 ? (null, null)
        : int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? (v, null)
        : (null, cell);
}
