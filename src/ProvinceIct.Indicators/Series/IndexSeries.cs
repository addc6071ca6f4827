using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Series;

/// <summary>
/// A yearly index read as a series (COINr's "purse"): editions in year order, each computed with its own methodology on
/// its own geography (the 63 provinces, or the 34 units from 1 July 2025), normalised per year or on bounds fixed over the
/// panel (<see cref="Normalisation"/>). From it: the rank history of every unit at every node, with the change against the
/// previous edition and a base year (<see cref="RankHistory"/>). When the series crosses 1 July 2025, each 63-unit edition
/// is also carried to the 34 units (<see cref="BoundaryRemapper.Remap"/>) and recomputed there, so that a change across
/// the reorganisation is between two 34-unit rankings; <see cref="RemapLog"/> shows how each new unit was formed.
/// Immutable; every result is computed once, by <see cref="Create"/>.
/// </summary>
public sealed class IndexSeries
{
    private readonly ImmutableArray<IndexResult> _results;
    private readonly ImmutableArray<IndexResult?> _remapped;
    private readonly ImmutableArray<RemapLog?> _remapLogs;
    private readonly ImmutableArray<Dataset?> _remappedData;
    private readonly ProvinceCatalog _catalog;

    private IndexSeries(ImmutableArray<Edition> editions, SeriesNormalisation normalisation, ImmutableSortedDictionary<string, Goalposts> bounds,
        ImmutableArray<IndexResult> results, ImmutableArray<IndexResult?> remapped, ImmutableArray<RemapLog?> logs, ImmutableArray<Dataset?> remappedData, ProvinceCatalog catalog)
    {
        _remappedData = remappedData;
        Editions = editions;
        Normalisation = normalisation;
        PanelBounds = bounds;
        _results = results;
        _remapped = remapped;
        _remapLogs = logs;
        _catalog = catalog;
    }

    /// <summary>The editions, in increasing year order.</summary>
    public ImmutableArray<Edition> Editions { get; }

    /// <summary>The years of the editions, increasing.</summary>
    public ImmutableArray<int> Years => [.. Editions.Select(e => e.Year)];

    /// <summary>How the indicators were normalised: per year, or on bounds fixed over the panel.</summary>
    public SeriesNormalisation Normalisation { get; }

    /// <summary>
    /// Under <see cref="SeriesNormalisation.Panel"/>, the goalposts each min-max indicator was normalised with: the minimum
    /// and maximum of its treated values over every edition (NaN ignored). Empty under <see cref="SeriesNormalisation.PerYear"/>.
    /// </summary>
    public ImmutableSortedDictionary<string, Goalposts> PanelBounds { get; }

    /// <summary>The results, parallel to <see cref="Editions"/>.</summary>
    public ImmutableArray<IndexResult> Results => _results;

    /// <summary>True when the series has editions on both the 63 provinces and the 34 units.</summary>
    public bool CrossesReorganisation => Editions.Any(e => e.Geography == ProvinceGeography.Provinces2016) && Editions.Any(e => e.Geography == ProvinceGeography.Provinces2025);

    /// <summary>
    /// Checks a set of editions without computing them, reporting every problem at once (each with the edition's year as
    /// <see cref="ValidationProblem.Source"/> and its position as <see cref="ValidationProblem.Row"/>): no edition; two
    /// editions of one year; an edition on the 63 provinces after one on the 34 units; and, when the series crosses
    /// 1 July 2025, unit codes that are not GSO codes of their edition's geography.
    /// </summary>
    /// <param name="editions">The editions, in any order.</param>
    /// <param name="catalog">The province catalogue, or null for <see cref="ProvinceCatalog.Default"/>.</param>
    /// <returns>The report (valid when empty).</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="editions"/> or one of them is null.</exception>
    public static ValidationReport Validate(IEnumerable<Edition> editions, ProvinceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(editions);
        var list = editions.ToList();
        foreach (var e in list)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(editions));
        }

        catalog ??= ProvinceCatalog.Default;
        var problems = new List<ValidationProblem>();
        if (list.Count == 0)
        {
            problems.Add(new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("Series_NoEdition")) { ExpectedText = new ProblemText("Series_ExpectedEdition"), FoundText = new ProblemText("Found_None") });
            return ValidationReport.Of(problems);
        }

        var firstAt = new Dictionary<int, int>();
        for (var i = 0; i < list.Count; i++)
        {
            var year = list[i].Year;
            if (firstAt.TryGetValue(year, out var first))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateObservation, new ProblemText("Series_TwoEditions", Text(first + 1), Text(i + 1), Text(year)))
                { Source = Text(year), Row = i + 1, ExpectedText = new ProblemText("Series_ExpectedOnePerYear"), FoundText = new ProblemText("Series_FoundSecond", Text(year), Text(first + 1)) });
            }
            else
            {
                firstAt[year] = i;
            }
        }

        var ordered = list.Select((e, i) => (e, i)).OrderBy(t => t.e.Year).ToList();
        var last34 = ordered.FirstOrDefault(t => t.e.Geography == ProvinceGeography.Provinces2025);
        if (last34.e is not null)
        {
            foreach (var (e, i) in ordered.Where(t => t.e.Geography == ProvinceGeography.Provinces2016 && t.e.Year > last34.e.Year))
            {
                problems.Add(new ValidationProblem(ProblemCode.LevelMismatch, new ProblemText("Series_BackTo63", Text(e.Year), Text(last34.e.Year)))
                { Source = Text(e.Year), Row = i + 1, ExpectedText = new ProblemText("Series_Expected34After", Text(last34.e.Year)), FoundText = new ProblemText("Series_Found63") });
            }
        }

        if (list.Any(e => e.Geography == ProvinceGeography.Provinces2016) && last34.e is not null)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var e = list[i];
                foreach (var unit in e.Dataset.Units.Where(u => !catalog.TryGet(u.Code, e.Geography, out _)))
                {
                    problems.Add(new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Series_NotGso", Text(e.Year), unit.Code, GeographyText(e.Geography)))
                    { Source = Text(e.Year), Row = i + 1, UnitCode = unit.Code, ExpectedText = new ProblemText("Series_ExpectedGso", GeographyText(e.Geography)), Found = unit.Code });
                }
            }
        }

        return ValidationReport.Of(problems);
    }

    /// <summary>
    /// Validates the editions (<see cref="Validate"/>), orders them by year and computes each: with its own methodology
    /// under <see cref="SeriesNormalisation.PerYear"/>; under <see cref="SeriesNormalisation.Panel"/>, with every min-max
    /// indicator normalised instead by goalposts at its minimum and maximum over all editions (the treated values; see
    /// <see cref="PanelBounds"/>). When the series crosses 1 July 2025, each 63-unit edition is also carried to the 34 units
    /// with its <see cref="Edition.RemapPlan"/> (or the defaults) and recomputed with the same (panel) methodology.
    /// </summary>
    /// <param name="editions">The editions, in any order.</param>
    /// <param name="normalisation">Per year (default) or over the panel.</param>
    /// <param name="catalog">The province catalogue, or null for <see cref="ProvinceCatalog.Default"/>.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="editions"/> or one of them is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="normalisation"/> is not a defined value.</exception>
    /// <exception cref="ValidationException">
    /// With every problem of <see cref="Validate"/>; when an edition's data do not fit its methodology or cannot be
    /// remapped (the message starts with the edition's year); under panel normalisation, listing every indicator whose
    /// normaliser is neither min-max nor goalposts (year, indicator, method).
    /// </exception>
    /// <exception cref="CalculationException">
    /// When an edition cannot be computed (the message starts with its year), or under panel normalisation an indicator
    /// has one value over the whole panel (its minimum equals its maximum).
    /// </exception>
    public static IndexSeries Create(IEnumerable<Edition> editions, SeriesNormalisation normalisation = SeriesNormalisation.PerYear, ProvinceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(editions);
        if (!Enum.IsDefined(normalisation))
        {
            throw new ArgumentOutOfRangeException(nameof(normalisation), normalisation, "Not a defined series normalisation.");
        }

        var list = editions.ToList();
        catalog ??= ProvinceCatalog.Default;
        Validate(list, catalog).ThrowIfInvalid("series of editions");
        var eds = list.OrderBy(e => e.Year).ToImmutableArray();
        var methodologies = eds.Select(e => e.Methodology).ToArray();
        var compiled = new CompiledIndex[eds.Length];
        for (var k = 0; k < eds.Length; k++)
        {
            compiled[k] = InEdition(eds[k].Year, () => IndexCalculator.Compile(methodologies[k], eds[k].Dataset));
        }

        var bounds = ImmutableSortedDictionary.Create<string, Goalposts>(StringComparer.Ordinal);
        if (normalisation == SeriesNormalisation.Panel)
        {
            bounds = PanelBoundsOf(eds, compiled);
            var problems = new List<ValidationProblem>();
            methodologies = [.. eds.Select(e => Panelise(e, bounds, problems))];
            ValidationReport.Of(problems).ThrowIfInvalid("panel normalisation");
            for (var k = 0; k < eds.Length; k++)
            {
                compiled[k] = InEdition(eds[k].Year, () => IndexCalculator.Compile(methodologies[k], eds[k].Dataset));
            }
        }

        var results = compiled.Select((c, k) => InEdition(eds[k].Year, c.Run)).ToImmutableArray();
        var remapped = new IndexResult?[eds.Length];
        var logs = new RemapLog?[eds.Length];
        var data = new Dataset?[eds.Length];
        var crosses = eds.Any(e => e.Geography == ProvinceGeography.Provinces2016) && eds.Any(e => e.Geography == ProvinceGeography.Provinces2025);
        for (var k = 0; crosses && k < eds.Length; k++)
        {
            var e = eds[k];
            if (e.Geography != ProvinceGeography.Provinces2016)
            {
                continue;
            }

            var m = methodologies[k];
            var carried = InEdition(e.Year, () => BoundaryRemapper.Remap(e.Dataset, e.RemapPlan ?? RemapPlan.Defaults(e.Dataset, m.Framework, null), catalog));
            logs[k] = carried.Log;
            data[k] = carried.Dataset;
            remapped[k] = InEdition(e.Year, () => IndexCalculator.Compute(m, carried.Dataset));
        }

        return new IndexSeries(eds, normalisation, bounds, results, [.. remapped], [.. logs], [.. data], catalog);
    }

    /// <summary>The edition of a year.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The edition.</returns>
    /// <exception cref="KeyNotFoundException">When the series has no edition of that year.</exception>
    public Edition Edition(int year) => Editions[IndexOfYear(year)];

    /// <summary>A 63-unit edition's data carried to the 34 units (what <see cref="RemappedResult"/> was computed from); null as for <see cref="RemappedResult"/>.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The 34-unit dataset, or null.</returns>
    /// <exception cref="KeyNotFoundException">When the series has no edition of that year.</exception>
    public Dataset? RemappedDataset(int year) => _remappedData[IndexOfYear(year)];

    /// <summary>The result of one edition.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The result (under panel normalisation, of the panel methodology).</returns>
    /// <exception cref="KeyNotFoundException">When the series has no edition of that year.</exception>
    public IndexResult Result(int year) => _results[IndexOfYear(year)];

    /// <summary>
    /// A 63-unit edition carried to the 34 units and recomputed with the same methodology (the footing of a change
    /// across 1 July 2025); null when the edition is on the 34 units or the series does not cross the reorganisation.
    /// </summary>
    /// <param name="year">The year.</param>
    /// <returns>The 34-unit result, or null.</returns>
    /// <exception cref="KeyNotFoundException">When the series has no edition of that year.</exception>
    public IndexResult? RemappedResult(int year) => _remapped[IndexOfYear(year)];

    /// <summary>How a 63-unit edition was carried to the 34 units (predecessors of each unit, missing or partial values); null as for <see cref="RemappedResult"/>.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The log, or null.</returns>
    /// <exception cref="KeyNotFoundException">When the series has no edition of that year.</exception>
    public RemapLog? RemapLog(int year) => _remapLogs[IndexOfYear(year)];

    /// <summary>
    /// The rank history at a node: for every edition, one entry per unit of the edition (its score, rank, the rank in
    /// the previous edition and in the base edition), one per unit of the same geography absent from it
    /// (<see cref="SeriesUnitStatus.Missing"/>), and, in a 34-unit edition, one per earlier 63-unit province whose code
    /// did not continue (<see cref="SeriesUnitStatus.Merged"/>, with its successor). A unit is the same unit from one
    /// edition to another when its code is the same and the geography is the same; from a 63-unit edition to a 34-unit
    /// one the previous (and base) rank is that of the earlier edition carried to the 34 units and recomputed
    /// (<see cref="RemappedResult"/>). A 63-unit entry has no base rank when the base edition is on the 34 units.
    /// Editions whose framework has no such node are left out (<see cref="RankHistory.Years"/>).
    /// </summary>
    /// <param name="nodeCode">The node (indicator, pillar or index), or null for the index of the last edition.</param>
    /// <param name="baseYear">The base year, or null for the first edition.</param>
    /// <returns>The history.</returns>
    /// <exception cref="KeyNotFoundException">When no edition has the node, or the series has no edition of the base year.</exception>
    /// <exception cref="ArgumentException">When the base edition has no such node.</exception>
    public RankHistory RankHistory(string? nodeCode = null, int? baseYear = null)
    {
        var node = nodeCode ?? _results[^1].IndexCode;
        var ks = Enumerable.Range(0, Editions.Length).Where(k => _results[k].NodeCodes.Contains(node)).ToArray();
        if (ks.Length == 0)
        {
            throw new KeyNotFoundException($"No edition of the series has node '{node}'.");
        }

        var b = baseYear is { } y ? IndexOfYear(y) : ks[0];
        if (!ks.Contains(b))
        {
            throw new ArgumentException($"The base edition ({Text(Editions[b].Year)}) has no node '{node}'.", nameof(baseYear));
        }

        var names = new Dictionary<(ProvinceGeography, string), string>();
        foreach (var k in ks)
        {
            foreach (var u in _results[k].Units)
            {
                names[(Editions[k].Geography, u.Code)] = u.Name;
            }
        }

        var entries = ImmutableArray.CreateBuilder<RankHistoryEntry>();
        for (var idx = 0; idx < ks.Length; idx++)
        {
            var k = ks[idx];
            var e = Editions[k];
            var r = _results[k];
            var p = idx == 0 ? -1 : ks[idx - 1];
            var ranks = r.Ranks(node);
            var scores = r.Scores(node);
            var ranked = Count(ranks);
            var crossing = p >= 0 && Editions[p].Geography != e.Geography;
            for (var i = 0; i < r.Units.Length; i++)
            {
                var code = r.Units[i].Code;
                var previous = p < 0 ? double.NaN : RankOn(p, e.Geography, code, node);
                var status = p < 0 ? SeriesUnitStatus.Present
                    : crossing ? SeriesUnitStatus.Successor
                    : _results[p].Units.Any(u => u.Code == code) ? SeriesUnitStatus.Present : SeriesUnitStatus.New;
                entries.Add(new RankHistoryEntry(e.Year, e.Geography, code, r.Units[i].Name, status, scores[i], ranks[i], ranked,
                    p < 0 ? null : Editions[p].Year, previous, Editions[b].Year, k == b ? ranks[i] : RankOn(b, e.Geography, code, node), null));
            }

            var here = r.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
            foreach (var code in names.Keys.Where(key => key.Item1 == e.Geography && !here.Contains(key.Item2)).Select(key => key.Item2).Order(StringComparer.Ordinal))
            {
                entries.Add(new RankHistoryEntry(e.Year, e.Geography, code, names[(e.Geography, code)], SeriesUnitStatus.Missing, double.NaN, double.NaN, ranked,
                    p < 0 ? null : Editions[p].Year, p < 0 ? double.NaN : RankOn(p, e.Geography, code, node), Editions[b].Year, RankOn(b, e.Geography, code, node), null));
            }

            if (e.Geography == ProvinceGeography.Provinces2025)
            {
                foreach (var code in names.Keys.Where(key => key.Item1 == ProvinceGeography.Provinces2016).Select(key => key.Item2).Order(StringComparer.Ordinal))
                {
                    var successor = _catalog.TryGet(code, ProvinceGeography.Provinces2016, out var old) ? old.SuccessorCode : null;
                    if (successor != code)
                    {
                        entries.Add(new RankHistoryEntry(e.Year, ProvinceGeography.Provinces2016, code, names[(ProvinceGeography.Provinces2016, code)], SeriesUnitStatus.Merged, double.NaN, double.NaN, ranked,
                            p < 0 ? null : Editions[p].Year, double.NaN, Editions[b].Year, double.NaN, successor));
                    }
                }
            }
        }

        var framework = Editions[ks[^1]].Methodology.Framework;
        var nodeName = framework.Contains(node) && framework[node].Name is { Length: > 0 } n ? n : node;
        return new RankHistory(node, nodeName, Editions[b].Year, Normalisation, [.. ks.Select(k => Editions[k].Year)], entries.ToImmutable(),
            [.. ks.Where(k => _remapLogs[k] is not null).Select(k => KeyValuePair.Create(Editions[k].Year, _remapLogs[k]!))]);
    }

    /// <summary>
    /// The rank of a unit code in edition <paramref name="k"/>, seen from an edition of geography <paramref name="from"/>:
    /// the edition's own rank when the geographies agree, the remapped edition's rank when a 63-unit edition is seen from
    /// the 34 units, NaN when the unit is absent or a 34-unit edition is seen from the 63.
    /// </summary>
    private double RankOn(int k, ProvinceGeography from, string code, string node)
    {
        var result = Editions[k].Geography == from ? _results[k] : from == ProvinceGeography.Provinces2025 ? _remapped[k] : null;
        return result is not null && result.NodeCodes.Contains(node) && result.Units.Any(u => u.Code == code) ? result.Rank(code, node) : double.NaN;
    }

    /// <summary>
    /// The tables of the series: the index rank history (base year the first edition) and, when the series crosses
    /// 1 July 2025, how each 63-unit edition was carried to the 34 units.
    /// </summary>
    /// <returns>The tables.</returns>
    public ImmutableArray<Table> ToTables()
    {
        var tables = ImmutableArray.CreateBuilder<Table>();
        tables.Add(RankHistory().ToTable());
        tables.Add(RankHistory().ToWideTable());
        for (var k = 0; k < Editions.Length; k++)
        {
            if (_remapLogs[k] is { } log)
            {
                var t = log.ToTable();
                tables.Add(Table.Create(Text(Editions[k].Year) + ": " + t.Title, t.Columns, t.Rows, t.Notes, "remap-" + Text(Editions[k].Year)));
            }
        }

        return tables.ToImmutable();
    }

    /// <summary>Formats as <c>IndexSeries 2019-2025: 3 editions (63, 63, 34 units), PerYear normalisation</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"IndexSeries {Editions[0].Year}-{Editions[^1].Year}: {Editions.Length} editions ({string.Join(", ", _results.Select(r => r.Units.Length))} units), {Normalisation} normalisation");

    private int IndexOfYear(int year)
    {
        for (var k = 0; k < Editions.Length; k++)
        {
            if (Editions[k].Year == year)
            {
                return k;
            }
        }

        throw new KeyNotFoundException($"The series has no edition of {Text(year)} (years: {string.Join(", ", Years)}).");
    }

    private static int Count(ReadOnlySpan<double> ranks)
    {
        var n = 0;
        foreach (var r in ranks)
        {
            n += double.IsNaN(r) ? 0 : 1;
        }

        return n;
    }

    private static ImmutableSortedDictionary<string, Goalposts> PanelBoundsOf(ImmutableArray<Edition> eds, CompiledIndex[] compiled)
    {
        var lo = new Dictionary<string, double>(StringComparer.Ordinal);
        var hi = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < eds.Length; k++)
        {
            var m = eds[k].Methodology;
            foreach (var def in m.Framework.Indicators.Where(d => m.NormaliserFor(d.Code) is MinMaxNormaliser))
            {
                foreach (var x in compiled[k].Dataset.Column(def.Code))
                {
                    if (double.IsFinite(x))
                    {
                        lo[def.Code] = lo.TryGetValue(def.Code, out var a) ? Math.Min(a, x) : x;
                        hi[def.Code] = hi.TryGetValue(def.Code, out var z) ? Math.Max(z, x) : x;
                    }
                }
            }
        }

        var bounds = ImmutableSortedDictionary.CreateBuilder<string, Goalposts>(StringComparer.Ordinal);
        foreach (var (code, min) in lo)
        {
            var max = hi[code];
            if (!(max > min))
            {
                throw new CalculationException(ProblemCode.ConstantColumn,
                    new ProblemText("Calc_SeriesConstant", code, min.ToString("R", CultureInfo.InvariantCulture)), code, value: min);
            }

            bounds[code] = new Goalposts(min, max);
        }

        return bounds.ToImmutable();
    }

    private static Methodology Panelise(Edition edition, ImmutableSortedDictionary<string, Goalposts> bounds, List<ValidationProblem> problems)
    {
        var m = edition.Methodology;
        var fw = m.Framework;
        foreach (var def in m.Framework.Indicators)
        {
            switch (m.NormaliserFor(def.Code))
            {
                case MinMaxNormaliser mm when bounds.TryGetValue(def.Code, out var g):
                    var node = fw[def.Code];
                    fw = fw.Replace(node with { Indicator = def with { Goalposts = g }, Normaliser = new GoalpostsNormaliser(mm.Lower, mm.Upper) });
                    break;
                case MinMaxNormaliser or GoalpostsNormaliser:
                    break; // min-max on an indicator missing everywhere: left as it is (the calculation names it)
                case var other:
                    problems.Add(new ValidationProblem(ProblemCode.UnsupportedInput,
                        new ProblemText("Series_NoPanelForm", Text(edition.Year), def.Code, other.Name))
                    { Source = Text(edition.Year), IndicatorCode = def.Code, ExpectedText = new ProblemText("Series_ExpectedPanel"), Found = other.Name });
                    break;
            }
        }

        return m with { Framework = fw };
    }

    private static T InEdition<T>(int year, Func<T> run)
    {
        try
        {
            return run();
        }
        catch (ValidationException ex)
        {
            throw new ValidationException("edition " + Text(year) + ": " + ex.What, ValidationReport.Of(ex.Report.Problems.Select(p => p.Source is null ? p with { Source = Text(year) } : p)));
        }
        catch (CalculationException ex)
        {
            throw new CalculationException(ex.Code, new ProblemText("Calc_Edition", Text(year), ex.Text), ex.NodeCode, ex.UnitCode, ex.ChildCode, ex.Value);
        }
    }

    internal static string Text(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static ProblemText GeographyText(ProvinceGeography g) => new(g == ProvinceGeography.Provinces2016 ? "Series_63" : "Series_34");
}
