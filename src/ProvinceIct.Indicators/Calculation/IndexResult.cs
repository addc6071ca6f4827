using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Ranking;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>
/// The outcome of a calculation: the score and rank of every unit at every node (normalised value and rank for an
/// indicator; aggregate score and rank above), the methodology that produced it, and the log. Immutable.
/// Missing policy: a missing score is NaN and has a NaN rank. Ranks follow the methodology's tie policy.
/// </summary>
[ProvinceIct.Indicators.Internal.TypeFormatterSource(typeof(ProvinceIct.Indicators.Internal.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class IndexResult
{
    private double[]? _scores;              // every node's scores, node-major; made on first use when _scoreBase > 0
    private readonly double[] _scoredFrom;  // the scores of nodes from _scoreBase on: node k at (k - _scoreBase) * n
    private readonly int _scoreBase;        // 0 (every node's scores given), or the indicator count (indicator scores made on first use)
    private readonly Action<double[]>? _fillLeading; // writes the scores of the nodes before _scoreBase into a node-major array
    private readonly double[] _rankedFrom;  // the ranks of nodes from _rankBase on: node k at (k - _rankBase) * n
    private readonly int _rankBase;         // 0 (every node's ranks given), or the indicator count (indicator ranks made on first use)
    private readonly IReadOnlyDictionary<string, int> _node;
    private readonly Func<CalculationLog>? _makeLog; // a computed result makes its log on first use
    private CalculationLog? _log;
    private double[]? _allRanks;            // every node's ranks, node-major; made on first use when _rankBase > 0
    private FrozenDictionary<string, int>? _unit;
    private ImmutableArray<RankedUnit> _ranking;

    /// <summary>
    /// Creates a result. <paramref name="ranks"/> holds the ranks of the nodes from <paramref name="rankBase"/> on
    /// (node <c>k</c> at <c>(k - rankBase) * units.Length</c>): with 0, every node's; with the number of indicators (the
    /// leading nodes), the aggregates' only, and the indicators are ranked on their scores, with the methodology's tie
    /// policy, when first asked for (the same kernel and the same numbers, later).
    /// </summary>
    internal IndexResult(Methodology methodology, ImmutableArray<Unit> units, ImmutableArray<string> nodeCodes, ImmutableArray<int> nodeLevels, double[] scores, double[] ranks, int rankBase, CalculationLog log, TreatmentLog treatment)
        : this(methodology, units, nodeCodes, nodeLevels, scores, ranks, rankBase, (Func<CalculationLog>?)null, treatment)
    {
        _log = log;
    }

    /// <summary>
    /// A result whose log is made on first use by <paramref name="makeLog"/> (the same log every time), and whose
    /// node positions are <paramref name="nodePosition"/> when given (shared, read-only) or made here.
    /// </summary>
    internal IndexResult(Methodology methodology, ImmutableArray<Unit> units, ImmutableArray<string> nodeCodes, ImmutableArray<int> nodeLevels, double[] scores, double[] ranks, int rankBase, Func<CalculationLog>? makeLog, TreatmentLog treatment, IReadOnlyDictionary<string, int>? nodePosition = null)
    {
        Treatment = treatment;
        Methodology = methodology;
        Units = units;
        NodeCodes = nodeCodes;
        NodeLevels = nodeLevels;
        _scores = scores;
        _scoredFrom = scores;
        _rankedFrom = ranks;
        _rankBase = rankBase;
        _allRanks = rankBase == 0 ? ranks : null;
        _makeLog = makeLog;
        if (nodePosition is null)
        {
            var node = new Dictionary<string, int>(nodeCodes.Length, StringComparer.Ordinal);
            for (var i = 0; i < nodeCodes.Length; i++)
            {
                node.Add(nodeCodes[i], i);
            }

            nodePosition = node;
        }

        _node = nodePosition;
    }

    /// <summary>
    /// A result that holds the scores of the nodes from <paramref name="scoreBase"/> on (<paramref name="scoredFrom"/>,
    /// node <c>k</c> at <c>(k - scoreBase) * units.Length</c>) and makes the others' when first asked, with
    /// <paramref name="fillLeading"/>, which writes them into the first <c>scoreBase * units.Length</c> values of a
    /// node-major array and must give the numbers the run used (the same every time).
    /// </summary>
    internal IndexResult(Methodology methodology, ImmutableArray<Unit> units, ImmutableArray<string> nodeCodes, ImmutableArray<int> nodeLevels, double[] scoredFrom, int scoreBase, Action<double[]> fillLeading, double[] ranks, int rankBase, Func<CalculationLog> makeLog, TreatmentLog treatment, IReadOnlyDictionary<string, int> nodePosition)
        : this(methodology, units, nodeCodes, nodeLevels, scoredFrom, ranks, rankBase, makeLog, treatment, nodePosition)
    {
        _scores = scoreBase == 0 ? scoredFrom : null;
        _scoreBase = scoreBase;
        _fillLeading = fillLeading;
    }

    /// <summary>
    /// Rebuilds a result from its parts (for reading a saved result): the arrays are node-major, one block of
    /// <c>units.Length</c> values per node in <paramref name="nodeCodes"/> order. The caller has checked the shapes:
    /// node codes unique and those of the methodology's framework, levels parallel to the codes, each array
    /// <c>nodeCodes.Length * units.Length</c> long. The arrays are taken, not copied. The treatment log is not saved
    /// with a result: a restored result has <see cref="TreatmentLog.Empty"/>.
    /// </summary>
    internal static IndexResult Restore(Methodology methodology, ImmutableArray<Unit> units, ImmutableArray<string> nodeCodes, ImmutableArray<int> nodeLevels, double[] scores, double[] ranks, CalculationLog log) =>
        new(methodology, units, nodeCodes, nodeLevels, scores, ranks, 0, log, TreatmentLog.Empty);

    /// <summary>The methodology that produced this result.</summary>
    public Methodology Methodology { get; }

    /// <summary>The units, in dataset order.</summary>
    public ImmutableArray<Unit> Units { get; }

    /// <summary>The node codes in compiled order: indicators, then aggregates level by level, the index last.</summary>
    public ImmutableArray<string> NodeCodes { get; }

    /// <summary>The levels of the nodes, parallel to <see cref="NodeCodes"/> (1 = indicator).</summary>
    public ImmutableArray<int> NodeLevels { get; }

    /// <summary>The index code.</summary>
    public string IndexCode => Methodology.Framework.IndexCode;

    /// <summary>The log: per node, the method applied, units without a score, and units with missing children.</summary>
    public CalculationLog Log => _log ?? MakeLog();

    /// <summary>
    /// What the methodology's treatment steps did to the data before normalisation: every value changed (unit, indicator,
    /// old, new, step) and every unit screened out. Units screened out are not in <see cref="Units"/> nor anywhere else in
    /// this result; this log lists them. <see cref="TreatmentLog.Empty"/> when the methodology has no steps (and for a
    /// result read back from JSON, which does not hold the log).
    /// </summary>
    public TreatmentLog Treatment { get; }

    /// <summary>The units by index rank (best first); units without an index score last; ties in unit-code order.</summary>
    public ImmutableArray<RankedUnit> Ranking
    {
        get
        {
            if (_ranking.IsDefault)
            {
                // Made on first use (a result that is only read by node does not pay for the sort); the same every time.
                ImmutableInterlocked.InterlockedInitialize(ref _ranking, MakeRanking());
            }

            return _ranking;
        }
    }

    private ImmutableArray<RankedUnit> MakeRanking()
    {
        var units = Units;
        var index = IndexScores;
        var indexRanks = Ranks(IndexCode);
        var keys = new double[units.Length];
        var order = new int[units.Length];
        for (var i = 0; i < units.Length; i++)
        {
            keys[i] = double.IsNaN(indexRanks[i]) ? double.PositiveInfinity : indexRanks[i];
            order[i] = i;
        }

        // By rank, then by unit code (ordinal): a total order, so an unstable sort gives the one answer.
        Array.Sort(order, (a, b) =>
        {
            var c = keys[a].CompareTo(keys[b]);
            return c != 0 ? c : string.CompareOrdinal(units[a].Code, units[b].Code);
        });
        var ranking = ImmutableArray.CreateBuilder<RankedUnit>(units.Length);
        foreach (var i in order)
        {
            ranking.Add(new RankedUnit(units[i], indexRanks[i], index[i]));
        }

        return ranking.MoveToImmutable();
    }

    /// <summary>The index scores, in unit order.</summary>
    public ReadOnlySpan<double> IndexScores => Scores(IndexCode);

    /// <summary>The scores of a node, in unit order (normalised values for an indicator).</summary>
    /// <param name="nodeCode">The node code.</param>
    /// <returns>A read-only view.</returns>
    /// <exception cref="KeyNotFoundException">When the node does not exist.</exception>
    public ReadOnlySpan<double> Scores(string nodeCode) => ScoresAt(NodeIndex(nodeCode));

    /// <summary>The ranks at a node, in unit order.</summary>
    /// <param name="nodeCode">The node code.</param>
    /// <returns>A read-only view.</returns>
    /// <exception cref="KeyNotFoundException">When the node does not exist.</exception>
    public ReadOnlySpan<double> Ranks(string nodeCode) => RanksAt(NodeIndex(nodeCode));

    /// <summary>A unit's score at a node; NaN when missing.</summary>
    /// <param name="unitCode">The unit code.</param>
    /// <param name="nodeCode">The node code.</param>
    /// <returns>The score.</returns>
    /// <exception cref="KeyNotFoundException">When the unit or node does not exist.</exception>
    public double Score(string unitCode, string nodeCode) => ScoresAt(NodeIndex(nodeCode))[UnitIndex(unitCode)];

    /// <summary>A unit's rank at a node; NaN when its score is missing.</summary>
    /// <param name="unitCode">The unit code.</param>
    /// <param name="nodeCode">The node code.</param>
    /// <returns>The rank.</returns>
    /// <exception cref="KeyNotFoundException">When the unit or node does not exist.</exception>
    public double Rank(string unitCode, string nodeCode) => RanksAt(NodeIndex(nodeCode))[UnitIndex(unitCode)];

    /// <summary>A unit's index rank; NaN when it has no index score.</summary>
    /// <param name="unitCode">The unit code.</param>
    /// <returns>The rank.</returns>
    public double Rank(string unitCode) => Rank(unitCode, IndexCode);

    /// <summary>A unit's index score; NaN when missing.</summary>
    /// <param name="unitCode">The unit code.</param>
    /// <returns>The score.</returns>
    public double Score(string unitCode) => Score(unitCode, IndexCode);

    /// <summary>The children of the index, in framework order (the pillars shown beside the index in tables).</summary>
    public ImmutableArray<string> PillarCodes => Methodology.Framework.Children(IndexCode).Select(n => n.Code).ToImmutableArray();

    private int NodeIndex(string code) =>
        _node.TryGetValue(code, out var i) ? i : throw new KeyNotFoundException($"The result has no node '{code}'.");

    /// <summary>All scores, node-major (<c>node * Units.Length + unit</c>, nodes in <see cref="NodeCodes"/> order): for writers that stream.</summary>
    internal ReadOnlySpan<double> AllScores => AllScoreArray;

    /// <summary>All scores as <see cref="AllScores"/>, as the array (never written by its readers).</summary>
    internal double[] AllScoreArray => _scores ?? MakeAllScores();

    /// <summary>The scores of the node at position <paramref name="node"/>, in unit order.</summary>
    private ReadOnlySpan<double> ScoresAt(int node)
    {
        var n = Units.Length;
        return node >= _scoreBase ? _scoredFrom.AsSpan((node - _scoreBase) * n, n) : AllScoreArray.AsSpan(node * n, n);
    }

    /// <summary>Makes the leading nodes' scores (the indicators' normalised values) into one array with the others'; publishes it once.</summary>
    private double[] MakeAllScores()
    {
        var n = Units.Length;
        var all = new double[NodeCodes.Length * n];
        _scoredFrom.CopyTo(all.AsSpan(_scoreBase * n));
        _fillLeading!(all);
        return Interlocked.CompareExchange(ref _scores, all, null) ?? all;
    }

    /// <summary>All ranks, laid out as <see cref="AllScores"/> (the indicators' are made on first use).</summary>
    internal ReadOnlySpan<double> AllRanks => _allRanks ?? MakeAllRanks();

    /// <summary>The ranks of the node at position <paramref name="node"/>, in unit order.</summary>
    private ReadOnlySpan<double> RanksAt(int node)
    {
        var n = Units.Length;
        return node >= _rankBase ? _rankedFrom.AsSpan((node - _rankBase) * n, n) : AllRanks.Slice(node * n, n);
    }

    private CalculationLog MakeLog()
    {
        var made = _makeLog!();
        return Interlocked.CompareExchange(ref _log, made, null) ?? made;
    }

    /// <summary>Ranks every indicator on its scores (as the compiled index ranks them) into one array with the aggregates' ranks; publishes it once.</summary>
    private double[] MakeAllRanks()
    {
        var n = Units.Length;
        var all = new double[NodeCodes.Length * n];
        _rankedFrom.CopyTo(all.AsSpan(_rankBase * n));
        var ties = Methodology.Ties;
        var codes = new string[n];
        for (var i = 0; i < n; i++)
        {
            codes[i] = Units[i].Code;
        }

        var order = ties == TiePolicy.Ordinal ? CompiledIndex.UnitCodeOrder(codes) : [];
        var keys = new double[n];
        var items = new int[n];
        var radix = _rankBase > 0 ? RadixScratch.For(n) : null;
        for (var j = 0; j < _rankBase; j++)
        {
            RankKernel.RankDescending(AllScores.Slice(j * n, n), all.AsSpan(j * n, n), ties, order, keys, items, radix);
        }

        return Interlocked.CompareExchange(ref _allRanks, all, null) ?? all;
    }

    /// <summary>The position of a unit in <see cref="Units"/>.</summary>
    internal int UnitIndex(string code)
    {
        var unit = _unit;
        if (unit is null)
        {
            // Made on first use: a large result that is only written in order never needs it.
            var index = Units.Select((u, i) => KeyValuePair.Create(u.Code, i)).ToFrozenDictionary(StringComparer.Ordinal);
            unit = Interlocked.CompareExchange(ref _unit, index, null) ?? index;
        }

        return unit.TryGetValue(code, out var i) ? i : throw new KeyNotFoundException($"The result has no unit '{code}'.");
    }

    /// <summary>
    /// Formats as <c>IndexResult index: 63 units, 17 nodes; 1st 01 Hà Nội (78.12)</c>; after treatment steps the units and
    /// nodes are followed by <c>, 12 values treated, 1 unit screened out</c>.
    /// </summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var head = $"IndexResult {IndexCode}: {Units.Length.ToString(CultureInfo.InvariantCulture)} units, {NodeCodes.Length.ToString(CultureInfo.InvariantCulture)} nodes";
        if (!Treatment.IsEmpty)
        {
            head += string.Create(CultureInfo.InvariantCulture, $", {Treatment.Changes.Length} values treated, {Treatment.ScreenedOut.Length} units screened out");
        }

        return Ranking.IsEmpty || double.IsNaN(Ranking[0].Rank)
            ? head
            : head + "; 1st " + Ranking[0].Unit + " (" + Ranking[0].Score.ToString("0.####", CultureInfo.InvariantCulture) + ")";
    }
}
