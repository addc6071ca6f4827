using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// Target seeking with a budget spread over several indicators: the smallest common step that brings a unit to an index
/// rank (or better) or an index score (or higher) when all the chosen indicators improve together, each in proportion
/// to its effective weight in the index. The single-indicator search is <see cref="TargetSeeking"/>.
/// <para>
/// The rule. For the chosen indicators i (by default every indicator of the framework with a positive effective weight
/// whose value can still improve: missing, or not yet at the better end of its valid range), with effective weight
/// <c>w_i</c> (<see cref="Framework.EffectiveWeight"/>), share <c>s_i = w_i / sum_j w_j</c>, observed range over the
/// units <c>r_i = max_i - min_i</c> (1 when zero or when no value is present), good direction <c>d_i</c> (+1 when a
/// higher value raises the index, -1 otherwise, as in <see cref="TargetSeeking"/>) and valid range
/// <c>[L_i, U_i]</c> (the same as <see cref="TargetSeeking"/>'s: the kind's bounds, else the observed range extended by
/// <c>extension * r_i</c> on each unbounded side), the proposal at step <c>t &gt;= 0</c> is
/// <c>x_i(t) = clamp(x_i + d_i * t * s_i * r_i, L_i, U_i)</c>, where <c>x_i</c> is the current value, or the worse end
/// of the valid range when the value is missing (as in <see cref="TargetSeeking"/>). For a whole-number kind
/// (<see cref="IndicatorKind.WholeNumber"/>, counts) <c>x_i(t)</c> is then rounded to the nearest whole number, halves
/// toward the good direction, so every proposal is a whole number and the index evaluated is the index at the rounded
/// values. At <c>t = 0</c> the data are the current data (missing values stay missing). The scale <c>r_i</c> makes the
/// step comparable across units of measure: at <c>t = 1</c> an indicator with the whole budget (share 1) would move by
/// one observed range.
/// </para>
/// <para>
/// The search. The largest step needed is <c>t_max = max_i |better end_i - x_i| / (s_i * r_i)</c>, where every chosen
/// indicator is at its limit. When the unit meets the target at <c>t = 0</c> the answer is
/// <see cref="TargetOutcome.AlreadyMet"/>; when it misses it at <c>t_max</c>, <see cref="TargetOutcome.NotAchievable"/>
/// (the proposals are then the values at <c>t_max</c>, and <see cref="NewRank"/> and <see cref="NewScore"/> the best the
/// budget reaches); otherwise <c>t</c> is bisected between a step that misses and one that meets the target until the
/// bracket is narrower than <c>1e-9 * t_max</c> (at most 200 steps), and the proposal is the meeting end. Each step
/// reruns the compiled pipeline in one workspace with the unit's changed raw values (no allocation per step); when the
/// methodology has treatment steps (which depend on the values), each step recomputes the whole index instead. A step
/// at which the index cannot be computed (for example one that makes a min-max column constant) counts as missing the
/// target. Finally the proposal is verified: the index is recomputed from scratch with the proposed values
/// (<see cref="WhatIf.Compute"/>), and <see cref="NewRank"/> and <see cref="NewScore"/> come from that recomputation.
/// </para>
/// <para>
/// It assumes the index does not get worse as the values improve (true for the library's monotone normalisers and
/// means); when it is not monotone the proposal still meets the target (it was verified) but a smaller step may exist.
/// Immutable.
/// </para>
/// </summary>
public sealed class BudgetTargetSeeking
{
    /// <summary>The relative width of the final bracket of t (1e-9 of t_max).</summary>
    public const double Tolerance = 1e-9;

    private BudgetTargetSeeking()
    {
    }

    /// <summary>The unit.</summary>
    public string UnitCode { get; private init; } = string.Empty;

    /// <summary>Rank or score.</summary>
    public TargetKind Kind { get; private init; }

    /// <summary>The target rank or score.</summary>
    public double Target { get; private init; }

    /// <summary>Already met, achievable, or not achievable within the valid ranges.</summary>
    public TargetOutcome Outcome { get; private init; }

    /// <summary>The common step t of the proposal: 0 when already met, t_max when not achievable.</summary>
    public double Step { get; private init; }

    /// <summary>t_max: the step at which every chosen indicator is at the better end of its valid range (0 when none can move).</summary>
    public double MaximumStep { get; private init; }

    /// <summary>One row per chosen indicator, in framework order.</summary>
    public ImmutableArray<BudgetChange> Changes { get; private init; }

    /// <summary>The unit's current index score.</summary>
    public double CurrentScore { get; private init; }

    /// <summary>The unit's current index rank.</summary>
    public double CurrentRank { get; private init; }

    /// <summary>The index score the search found at the proposal (on the compiled pipeline).</summary>
    public double SearchScore { get; private init; }

    /// <summary>The index rank the search found at the proposal (on the compiled pipeline).</summary>
    public double SearchRank { get; private init; }

    /// <summary>The recomputation from scratch at the proposed values (the changes are the proposed values that differ from the current ones).</summary>
    public WhatIf Verification { get; private init; } = null!;

    /// <summary>The index score verified by recomputing the index at the proposed values.</summary>
    public double NewScore => Verification.Index.ScoreAfter;

    /// <summary>The index rank verified by recomputing the index at the proposed values.</summary>
    public double NewRank => Verification.Index.RankAfter;

    /// <summary>How many times the index was evaluated by the search (the verification not counted).</summary>
    public int Evaluations { get; private init; }

    /// <summary>A plain-language answer.</summary>
    public string Message => MessageOf(this);

    /// <summary>Finds the smallest common step of a budget of indicators that brings a unit to index rank <paramref name="rank"/> or better (see the type's rule).</summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The data.</param>
    /// <param name="unitCode">The unit.</param>
    /// <param name="rank">The target rank, at least 1.</param>
    /// <param name="indicatorCodes">The indicators of the budget (framework leaves), or null for every indicator with a positive effective weight that can still improve.</param>
    /// <param name="extension">How far to extend an unbounded side of the observed range, in observed ranges (default 1), non-negative.</param>
    /// <param name="cancellation">Checked before every recomputation of the index; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The answer, verified by recomputation.</returns>
    /// <exception cref="KeyNotFoundException">When the unit or an indicator does not exist.</exception>
    /// <exception cref="ArgumentException">When a code names an aggregate, the list is empty, or the chosen indicators' effective weights sum to zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the rank is below 1 or the extension negative.</exception>
    public static BudgetTargetSeeking ForRank(Methodology methodology, Dataset dataset, string unitCode, int rank, IEnumerable<string>? indicatorCodes = null, double extension = 1, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        return Seek(methodology, dataset, unitCode, indicatorCodes, TargetKind.Rank, rank, extension, cancellation);
    }

    /// <summary>Finds the smallest common step of a budget of indicators that brings a unit's index score to <paramref name="score"/> or more (see the type's rule).</summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The data.</param>
    /// <param name="unitCode">The unit.</param>
    /// <param name="score">The target score, finite.</param>
    /// <param name="indicatorCodes">The indicators of the budget (framework leaves), or null for every indicator with a positive effective weight that can still improve.</param>
    /// <param name="extension">How far to extend an unbounded side of the observed range, in observed ranges (default 1), non-negative.</param>
    /// <param name="cancellation">Checked before every recomputation of the index; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The answer, verified by recomputation.</returns>
    /// <exception cref="KeyNotFoundException">When the unit or an indicator does not exist.</exception>
    /// <exception cref="ArgumentException">When a code names an aggregate, the list is empty, or the chosen indicators' effective weights sum to zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the score is not finite or the extension negative.</exception>
    public static BudgetTargetSeeking ForScore(Methodology methodology, Dataset dataset, string unitCode, double score, IEnumerable<string>? indicatorCodes = null, double extension = 1, CancellationToken cancellation = default)
    {
        Internal.Preconditions.Finite(score);
        return Seek(methodology, dataset, unitCode, indicatorCodes, TargetKind.Score, score, extension, cancellation);
    }

    private static BudgetTargetSeeking Seek(Methodology methodology, Dataset dataset, string unitCode, IEnumerable<string>? indicatorCodes, TargetKind kind, double target, double extension, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(dataset);
        Internal.Preconditions.NotBlank(unitCode);
        Internal.Preconditions.NonNegative(extension);
        var unitRow = dataset.IndexOfUnit(unitCode);
        var budget = Budget(methodology, dataset, unitRow, indicatorCodes, extension);
        var count = budget.Length;
        var weightSum = 0.0;
        foreach (var b in budget)
        {
            weightSum += b.Weight;
        }

        if (count > 0 && !(weightSum > 0))
        {
            throw new ArgumentException("The chosen indicators' effective weights sum to zero: no step can move the index.", nameof(indicatorCodes));
        }

        // Per indicator: start, coefficient of t (d s r), bounds, rounding; tMax where every one is at its better end.
        var start = new double[count];
        var coefficient = new double[count];
        var lower = new double[count];
        var upper = new double[count];
        var current = new double[count];
        var sign = new int[count];
        var whole = new bool[count];
        var tMax = 0.0;
        for (var i = 0; i < count; i++)
        {
            var b = budget[i];
            current[i] = dataset[unitRow, dataset.IndexOfIndicator(b.Code)];
            lower[i] = b.Lower;
            upper[i] = b.Upper;
            sign[i] = b.Sign;
            whole[i] = b.WholeNumber;
            var better = b.Sign > 0 ? b.Upper : b.Lower;
            var worse = b.Sign > 0 ? b.Lower : b.Upper;
            start[i] = double.IsNaN(current[i]) ? worse : Math.Clamp(current[i], b.Lower, b.Upper);
            var rate = b.Weight / weightSum * b.Scale;
            coefficient[i] = b.Sign * rate;
            if (rate > 0)
            {
                tMax = Math.Max(tMax, Math.Abs(better - start[i]) / rate);
            }
        }

        var evaluator = new TargetEvaluator(methodology, dataset, unitCode, [.. budget.Select(b => b.Code)], current, cancellation);
        bool Meets((double Score, double Rank) e) => kind == TargetKind.Rank ? e.Rank <= target : e.Score >= target;
        var proposal = new double[count];
        void ProposeAt(double t)
        {
            // At t_max every indicator is exactly at its limit (no rounding short of it).
            var step = t >= tMax ? double.PositiveInfinity : t;
            for (var i = 0; i < count; i++)
            {
                proposal[i] = t == 0 ? current[i] : ValueAt(start[i], coefficient[i], step, lower[i], upper[i], sign[i], whole[i]);
            }
        }

        (double Score, double Rank) EvaluateAt(double t)
        {
            ProposeAt(t);
            return evaluator.Evaluate(proposal);
        }

        var now = EvaluateAt(0);
        TargetOutcome outcome;
        double step;
        (double Score, double Rank) at;
        if (Meets(now))
        {
            (outcome, step, at) = (TargetOutcome.AlreadyMet, 0, now);
        }
        else if (tMax == 0)
        {
            (outcome, step, at) = (TargetOutcome.NotAchievable, 0, now);
        }
        else
        {
            var best = EvaluateAt(tMax);
            if (!Meets(best))
            {
                (outcome, step, at) = (TargetOutcome.NotAchievable, tMax, best);
            }
            else
            {
                double lo = 0, hi = tMax;
                at = best;
                var tolerance = Tolerance * tMax;
                for (var k = 0; k < 200 && hi - lo > tolerance; k++)
                {
                    var mid = lo + ((hi - lo) / 2);
                    var e = EvaluateAt(mid);
                    if (Meets(e))
                    {
                        hi = mid;
                        at = e;
                    }
                    else
                    {
                        lo = mid;
                    }
                }

                (outcome, step) = (TargetOutcome.Achievable, hi);
            }
        }

        ProposeAt(step);
        var rows = ImmutableArray.CreateBuilder<BudgetChange>(count);
        var changes = new List<KeyValuePair<string, double>>();
        for (var i = 0; i < count; i++)
        {
            var b = budget[i];
            rows.Add(new BudgetChange(b.Code, current[i], proposal[i], b.Weight / weightSum, b.Scale, b.Lower, b.Upper, b.Sign));
            if (!proposal[i].Equals(current[i]))
            {
                changes.Add(KeyValuePair.Create(b.Code, proposal[i]));
            }
        }

        var verification = WhatIf.Compute(methodology, dataset, unitCode, changes);
        return new BudgetTargetSeeking
        {
            UnitCode = unitCode,
            Kind = kind,
            Target = target,
            Outcome = outcome,
            Step = step,
            MaximumStep = tMax,
            Changes = rows.MoveToImmutable(),
            CurrentScore = now.Score,
            CurrentRank = now.Rank,
            SearchScore = at.Score,
            SearchRank = at.Rank,
            Verification = verification,
            Evaluations = evaluator.Evaluations,
        };
    }

    /// <summary>x(t) = clamp(start + coefficient t, lower, upper), rounded to a whole number (halves toward the good direction) for whole-number kinds.</summary>
    private static double ValueAt(double start, double coefficient, double t, double lower, double upper, int sign, bool whole)
    {
        var x = coefficient == 0 ? start : Math.Clamp(start + (coefficient * t), lower, upper);
        return whole ? Math.Clamp(sign * Math.Floor((sign * x) + 0.5), lower, upper) : x;
    }

    private readonly record struct BudgetItem(string Code, double Weight, double Scale, double Lower, double Upper, int Sign, bool WholeNumber);

    private static BudgetItem[] Budget(Methodology methodology, Dataset dataset, int unitRow, IEnumerable<string>? indicatorCodes, double extension)
    {
        var fw = methodology.Framework;
        BudgetItem Item(IndicatorDefinition def)
        {
            var (lo, up, scale) = TargetSeeking.ValidRange(def, dataset, extension);
            return new BudgetItem(def.Code, fw.EffectiveWeight(def.Code), scale, lo, up, TargetSeeking.Sign(fw, def.Code), def.Kind.WholeNumber);
        }

        if (indicatorCodes is null)
        {
            var all = new List<BudgetItem>();
            foreach (var def in fw.Indicators)
            {
                var item = Item(def);
                var value = dataset[unitRow, dataset.IndexOfIndicator(def.Code)];
                if (item.Weight > 0 && (double.IsNaN(value) || value != (item.Sign > 0 ? item.Upper : item.Lower)))
                {
                    all.Add(item);
                }
            }

            return [.. all];
        }

        var codes = indicatorCodes.Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        if (codes.Count == 0)
        {
            throw new ArgumentException("Give at least one indicator, or null for every indicator that can still improve.", nameof(indicatorCodes));
        }

        foreach (var code in codes)
        {
            Internal.Preconditions.NotBlank(code, nameof(indicatorCodes));
            _ = fw[code].Indicator ?? throw new ArgumentException($"Target seeking changes indicators; '{code}' is an aggregate.", nameof(indicatorCodes));
            _ = dataset.IndexOfIndicator(code);
        }

        return [.. fw.Indicators.Where(d => codes.Contains(d.Code)).Select(Item)];
    }

    private string Goal => Kind == TargetKind.Rank
        ? "rank " + Target.ToString("0", CultureInfo.InvariantCulture) + " or better"
        : "a score of " + Target.ToString("G6", CultureInfo.InvariantCulture) + " or more";

    private static string MessageOf(BudgetTargetSeeking a)
    {
        var n = a.Changes.Length;
        var limits = a.Changes.Count(c => c.AtLimit);
        var reached = $"rank {AnalysisMath.Rank(a.NewRank)}, score {AnalysisMath.F(a.NewScore)}";
        return a.Outcome switch
        {
            TargetOutcome.AlreadyMet => $"Unit '{a.UnitCode}' already reaches {a.Goal} (rank {AnalysisMath.Rank(a.CurrentRank)}, score {AnalysisMath.F(a.CurrentScore)}); no change is needed.",
            TargetOutcome.Achievable => $"Unit '{a.UnitCode}' reaches {a.Goal} ({reached}, verified by recomputing the index) when its {AnalysisMath.Int(n)} indicator(s) improve together by a step of {G(a.Step)} weighted observed ranges; {AnalysisMath.Int(limits)} of them reach the limit of their valid range.",
            _ when n == 0 => $"Cannot be done: no indicator of unit '{a.UnitCode}' can still improve; it stays at rank {AnalysisMath.Rank(a.CurrentRank)} with score {AnalysisMath.F(a.CurrentScore)}, short of {a.Goal}.",
            _ => $"Cannot be done within the valid ranges: with its {AnalysisMath.Int(n)} indicator(s) at their limits unit '{a.UnitCode}' reaches {reached} at best, short of {a.Goal}.",
        };
    }

    private static string G(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>The message, then a Markdown table: indicator, current, proposed, change, weight share, at limit.</summary>
    /// <returns>The Markdown text (LF, no trailing newline).</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown() => Internal.MarkdownText.Sentence(Message) + "\n\n" + ToTable().ToMarkdownGrid();

    /// <summary>
    /// The proposal as a table (name <c>budget-target</c>), one row per chosen indicator in framework order:
    /// <c>indicator</c>, <c>current</c>, <c>proposed</c> and <c>change</c> (raw values, shown in general format with 6
    /// significant digits), <c>weight_share</c> (3 decimals) and <c>at_limit</c> (<c>yes</c> or <c>no</c>); NaN is
    /// missing. The title is the goal; the notes give the answer (<see cref="Message"/>) and the verified rank and score.
    /// </summary>
    /// <returns>The table; <see cref="ToMarkdown"/> shows its grid under the message.</returns>
    public Table ToTable()
    {
        var table = new TableBuilder(
            "Unit " + UnitCode + " to " + Goal,
            [TableColumn.Label("indicator", "indicator"), TableColumn.Number("current", "current"), TableColumn.Number("proposed", "proposed"), TableColumn.Number("change", "change"),
             TableColumn.Number("weight_share", "weight share", NumberFormat.Fixed(3)), TableColumn.Text("at_limit", "at limit")],
            "budget-target");
        foreach (var c in Changes)
        {
            table.AddRow(c.IndicatorCode, General(c.CurrentValue), General(c.ProposedValue), General(c.Change), c.WeightShare, c.AtLimit ? "yes" : "no");
        }

        table.AddNote(Message);
        table.AddNote("Verified by recomputing the index at the proposed values: rank " + AnalysisMath.Rank(CurrentRank) + " -> " + AnalysisMath.Rank(NewRank)
            + ", score " + AnalysisMath.F(CurrentScore) + " -> " + AnalysisMath.F(NewScore) + ".");
        return table.Build();
    }

    private static TableCell General(double x) => double.IsNaN(x) ? TableCell.Number(x) : TableCell.Number(x).WithDisplay(BudgetChange.G(x));

    /// <summary>Formats as <c>BudgetTargetSeeking 01 to rank 10: Achievable, rank 13 -> 10, step 0.42</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "BudgetTargetSeeking " + UnitCode + " to " + Goal + ": " + Outcome + ", rank " + AnalysisMath.Rank(CurrentRank) + " -> " + AnalysisMath.Rank(NewRank) + ", step " + G(Step);
}
