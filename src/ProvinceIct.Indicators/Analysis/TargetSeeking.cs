using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// Target seeking: the smallest change of one raw indicator value that brings a unit to an index rank (or better) or
/// an index score (or higher), everything else unchanged.
/// <para>
/// The valid range of the value is the indicator kind's range where it is bounded (a percent in [0, 100], a share in
/// [0, 1], a count at or above 0), and otherwise the observed range <c>[min, max]</c> of the indicator over the units,
/// extended on each unbounded side by <c>extension * (max - min)</c> (default 1: one more observed range; 1 when max =
/// min). The search moves from the unit's current value toward the better end of that range (the upper end for a
/// positive indicator, the lower for a negative one, reversed under each negative-direction aggregate above it) and
/// bisects between a value that misses the target and one that meets it, rerunning the compiled pipeline with the
/// unit's value changed in a workspace (or, when the methodology has treatment steps, recomputing the whole index) at
/// each step, until the bracket is narrower than 1e-9 of the range (or, for whole-number kinds, adjacent whole
/// numbers). The proposed value is the meeting end of the bracket, and <see cref="NewRank"/> and
/// <see cref="NewScore"/> come from a fresh calculation of the whole index there (dataset copied with the value,
/// <see cref="IndexCalculator.Compute"/>).
/// </para>
/// <para>
/// It assumes the index does not get worse as the value improves (true for the library's monotone normalisers and
/// means). When it is not monotone the proposed value still meets the target (it was verified), but a smaller change
/// may exist. When the target is not met even at the better end, <see cref="IsAchievable"/> is false and
/// <see cref="ProposedValue"/> is NaN. When the current value is missing, the search starts from the worse end and
/// <see cref="Change"/> is NaN. A value at which the index cannot be computed (for example one that makes a min-max
/// column constant) counts as missing the target. Immutable.
/// </para>
/// </summary>
public sealed class TargetSeeking
{
    private TargetSeeking() => Message = string.Empty;

    /// <summary>The unit.</summary>
    public string UnitCode { get; private init; } = string.Empty;

    /// <summary>The indicator changed.</summary>
    public string IndicatorCode { get; private init; } = string.Empty;

    /// <summary>Rank or score.</summary>
    public TargetKind Kind { get; private init; }

    /// <summary>The target rank or score.</summary>
    public double Target { get; private init; }

    /// <summary>Whether the target can be reached within the valid range.</summary>
    public bool IsAchievable { get; private init; }

    /// <summary>Whether the unit already meets the target (then the proposed value is the current one).</summary>
    public bool IsAlreadyMet { get; private init; }

    /// <summary>The unit's current raw value (NaN when missing).</summary>
    public double CurrentValue { get; private init; }

    /// <summary>The proposed raw value; NaN when not achievable.</summary>
    public double ProposedValue { get; private init; }

    /// <summary>ProposedValue - CurrentValue; NaN when either is NaN.</summary>
    public double Change => ProposedValue - CurrentValue;

    /// <summary>The lower end of the valid range searched.</summary>
    public double RangeLower { get; private init; }

    /// <summary>The upper end of the valid range searched.</summary>
    public double RangeUpper { get; private init; }

    /// <summary>The unit's current index score.</summary>
    public double CurrentScore { get; private init; }

    /// <summary>The unit's current index rank.</summary>
    public double CurrentRank { get; private init; }

    /// <summary>The index score recomputed at the proposed value, or at the better end of the range when not achievable.</summary>
    public double NewScore { get; private init; }

    /// <summary>The index rank recomputed at the proposed value, or at the better end of the range when not achievable.</summary>
    public double NewRank { get; private init; }

    /// <summary>How many times the index was computed.</summary>
    public int Evaluations { get; private init; }

    /// <summary>A plain-language answer.</summary>
    public string Message { get; private init; }

    /// <summary>Finds the smallest change of one indicator that brings a unit to index rank <paramref name="rank"/> or better.</summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The data.</param>
    /// <param name="unitCode">The unit.</param>
    /// <param name="indicatorCode">The indicator to change (a leaf of the framework).</param>
    /// <param name="rank">The target rank, at least 1.</param>
    /// <param name="extension">How far to extend an unbounded side of the observed range, in observed ranges (default 1), non-negative.</param>
    /// <param name="cancellation">Checked before every recomputation of the index; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="KeyNotFoundException">When the unit or indicator does not exist.</exception>
    /// <exception cref="ArgumentException">When the code names an aggregate.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the rank is below 1 or the extension negative.</exception>
    public static TargetSeeking ForRank(Methodology methodology, Dataset dataset, string unitCode, string indicatorCode, int rank, double extension = 1, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        return Seek(methodology, dataset, unitCode, indicatorCode, TargetKind.Rank, rank, extension, cancellation);
    }

    /// <summary>Finds the smallest change of one indicator that brings a unit's index score to <paramref name="score"/> or higher.</summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The data.</param>
    /// <param name="unitCode">The unit.</param>
    /// <param name="indicatorCode">The indicator to change (a leaf of the framework).</param>
    /// <param name="score">The target score, finite.</param>
    /// <param name="extension">How far to extend an unbounded side of the observed range, in observed ranges (default 1), non-negative.</param>
    /// <param name="cancellation">Checked before every recomputation of the index; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="KeyNotFoundException">When the unit or indicator does not exist.</exception>
    /// <exception cref="ArgumentException">When the code names an aggregate.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the score is not finite or the extension negative.</exception>
    public static TargetSeeking ForScore(Methodology methodology, Dataset dataset, string unitCode, string indicatorCode, double score, double extension = 1, CancellationToken cancellation = default)
    {
        Internal.Preconditions.Finite(score);
        return Seek(methodology, dataset, unitCode, indicatorCode, TargetKind.Score, score, extension, cancellation);
    }

    private static TargetSeeking Seek(Methodology methodology, Dataset dataset, string unitCode, string indicatorCode, TargetKind kind, double target, double extension, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(dataset);
        Internal.Preconditions.NotBlank(unitCode);
        Internal.Preconditions.NotBlank(indicatorCode);
        Internal.Preconditions.NonNegative(extension);
        var fw = methodology.Framework;
        var def = fw[indicatorCode].Indicator ?? throw new ArgumentException("Target seeking changes an indicator, not an aggregate.", nameof(indicatorCode));
        var current = dataset.Value(unitCode, indicatorCode);
        var (lower, upper, _) = ValidRange(def, dataset, extension);

        var better = Sign(fw, indicatorCode) > 0 ? upper : lower;
        var worse = Sign(fw, indicatorCode) > 0 ? lower : upper;
        var evaluator = new TargetEvaluator(methodology, dataset, unitCode, [indicatorCode], [current], cancellation);
        var proposal = new double[1];
        (double Score, double Rank) Evaluate(double value)
        {
            proposal[0] = value;
            return evaluator.Evaluate(proposal);
        }

        bool Meets((double Score, double Rank) e) => kind == TargetKind.Rank ? e.Rank <= target : e.Score >= target;

        var now = Evaluate(current);
        var answer = new TargetSeeking
        {
            UnitCode = unitCode,
            IndicatorCode = indicatorCode,
            Kind = kind,
            Target = target,
            CurrentValue = current,
            RangeLower = lower,
            RangeUpper = upper,
            CurrentScore = now.Score,
            CurrentRank = now.Rank,
        };
        var goal = kind == TargetKind.Rank ? "rank " + target.ToString("0", CultureInfo.InvariantCulture) + " or better" : "a score of " + target.ToString("G6", CultureInfo.InvariantCulture) + " or more";
        if (!double.IsNaN(current) && Meets(now))
        {
            return Complete(answer, true, true, current, now, evaluator.Evaluations, $"Unit '{unitCode}' already reaches {goal}; no change of '{indicatorCode}' is needed.");
        }

        var best = Evaluate(better);
        if (!Meets(best))
        {
            return Complete(answer, false, false, double.NaN, best, evaluator.Evaluations,
                $"Cannot be done within the valid range [{G(lower)}, {G(upper)}] of '{indicatorCode}': even at {G(better)} unit '{unitCode}' reaches rank {AnalysisMath.Rank(best.Rank)} with score {AnalysisMath.F(best.Score)}, short of {goal}.");
        }

        var lo = double.IsNaN(current) ? worse : current;   // misses
        var hi = better;                                      // meets
        var hiEval = best;
        if (double.IsNaN(current))
        {
            var atWorse = Evaluate(lo);
            if (Meets(atWorse))
            {
                hi = lo;
                hiEval = atWorse;
            }
        }

        var tolerance = 1e-9 * Math.Max(upper - lower, double.Epsilon);
        for (var i = 0; i < 200 && hi != lo; i++)
        {
            double mid;
            if (def.Kind.WholeNumber)
            {
                if (Math.Abs(hi - lo) <= 1)
                {
                    break;
                }

                mid = lo + (Math.Sign(hi - lo) * Math.Floor(Math.Abs(hi - lo) / 2));
            }
            else
            {
                if (Math.Abs(hi - lo) <= tolerance)
                {
                    break;
                }

                mid = lo + ((hi - lo) / 2);
            }

            var e = Evaluate(mid);
            if (Meets(e))
            {
                hi = mid;
                hiEval = e;
            }
            else
            {
                lo = mid;
            }
        }

        // The search ran on the compiled pipeline; the answer reports a fresh calculation of the whole index.
        hiEval = Recompute(methodology, dataset, unitCode, indicatorCode, hi);
        return Complete(answer, true, false, hi, hiEval, evaluator.Evaluations,
            $"Unit '{unitCode}' reaches {goal} (rank {AnalysisMath.Rank(hiEval.Rank)}, score {AnalysisMath.F(hiEval.Score)}) when '{indicatorCode}' is {G(hi)}"
            + (double.IsNaN(current) ? " (it is missing now)." : $" instead of {G(current)} (a change of {G(hi - current)})."));
    }

    private static (double Score, double Rank) Recompute(Methodology methodology, Dataset dataset, string unitCode, string indicatorCode, double value)
    {
        var r = IndexCalculator.Compute(methodology, dataset.WithValue(unitCode, indicatorCode, value));
        return (r.Score(unitCode), r.Rank(unitCode));
    }

    private static TargetSeeking Complete(TargetSeeking a, bool achievable, bool alreadyMet, double proposed, (double Score, double Rank) at, int evaluations, string message) =>
        new()
        {
            UnitCode = a.UnitCode,
            IndicatorCode = a.IndicatorCode,
            Kind = a.Kind,
            Target = a.Target,
            CurrentValue = a.CurrentValue,
            RangeLower = a.RangeLower,
            RangeUpper = a.RangeUpper,
            CurrentScore = a.CurrentScore,
            CurrentRank = a.CurrentRank,
            IsAchievable = achievable,
            IsAlreadyMet = alreadyMet,
            ProposedValue = proposed,
            NewScore = at.Score,
            NewRank = at.Rank,
            Evaluations = evaluations,
            Message = message,
        };

    /// <summary>
    /// The valid range searched for an indicator: the kind's bounds where finite, else the observed range extended by
    /// <paramref name="extension"/> observed ranges on that side (whole numbers inward for whole-number kinds); and the
    /// observed range itself (max - min over the present values; 1 when it is zero or no value is present).
    /// </summary>
    internal static (double Lower, double Upper, double ObservedRange) ValidRange(IndicatorDefinition def, Dataset dataset, double extension)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var x in dataset.Column(def.Code))
        {
            if (!double.IsNaN(x))
            {
                min = Math.Min(min, x);
                max = Math.Max(max, x);
            }
        }

        if (min > max)
        {
            min = max = 0;
        }

        var span = max > min ? max - min : 1;
        var lower = double.IsFinite(def.Kind.Minimum) ? def.Kind.Minimum : min - (extension * span);
        var upper = double.IsFinite(def.Kind.Maximum) ? def.Kind.Maximum : max + (extension * span);
        if (def.Kind.WholeNumber)
        {
            lower = Math.Ceiling(lower);
            upper = Math.Floor(upper);
        }

        return (lower, upper, span);
    }

    /// <summary>+1 when a higher raw value raises the index (the indicator's direction, reversed under each negative-direction aggregate below the root), else -1.</summary>
    internal static int Sign(Framework fw, string code)
    {
        var node = fw[code];
        var sign = node.Direction == Direction.Negative ? -1 : 1;
        while (node.ParentCode is { } p)
        {
            node = fw[p];
            if (node.ParentCode is not null && node.Direction == Direction.Negative)
            {
                sign = -sign;
            }
        }

        return sign;
    }

    private static string G(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>
    /// The answer as a one-row table (name <c>target</c>): <c>unit</c>, <c>indicator</c>, <c>goal</c> (<c>rank</c> or
    /// <c>score</c>), <c>target</c>, <c>outcome</c> (<c>already met</c>, <c>achievable</c> or <c>not achievable</c>),
    /// <c>current_value</c>, <c>proposed_value</c> and <c>change</c> (raw values, shown in general format with 6
    /// significant digits), <c>range_lower</c> and <c>range_upper</c> (the valid range searched), <c>rank_before</c>,
    /// <c>rank_after</c>, <c>score_before</c> and <c>score_after</c> (2 decimals; after = recomputed at the proposed value,
    /// or at the better end of the range when not achievable); NaN is missing. The note is <see cref="Message"/>.
    /// </summary>
    /// <returns>The table.</returns>
    public Tables.Table ToTable()
    {
        static Tables.TableCell General(double x) => double.IsNaN(x) ? Tables.TableCell.Number(x) : Tables.TableCell.Number(x).WithDisplay(G(x));
        var score = Tables.NumberFormat.Fixed(2);
        var table = new Tables.TableBuilder(
            "What it takes: unit " + UnitCode + ", indicator " + IndicatorCode,
            [
                Tables.TableColumn.Label("unit", "Unit"), Tables.TableColumn.Text("indicator", "Indicator"), Tables.TableColumn.Text("goal", "Goal"), Tables.TableColumn.Number("target", "Target"),
                Tables.TableColumn.Text("outcome", "Outcome"), Tables.TableColumn.Number("current_value", "Current"), Tables.TableColumn.Number("proposed_value", "Proposed"),
                Tables.TableColumn.Number("change", "Change"), Tables.TableColumn.Number("range_lower", "Range from"), Tables.TableColumn.Number("range_upper", "Range to"),
                Tables.TableColumn.Rank("rank_before", "Rank"), Tables.TableColumn.Rank("rank_after", "New rank"), Tables.TableColumn.Number("score_before", "Score", score),
                Tables.TableColumn.Number("score_after", "New score", score),
            ],
            "target");
        table.AddRow(
            UnitCode, IndicatorCode, Kind.ToString().ToLowerInvariant(), General(Target), IsAlreadyMet ? "already met" : IsAchievable ? "achievable" : "not achievable",
            General(CurrentValue), General(ProposedValue), General(Change), General(RangeLower), General(RangeUpper), CurrentRank, NewRank, CurrentScore, NewScore);
        table.AddNote(Message);
        return table.Build();
    }

    /// <summary>Formats as the <see cref="Message"/>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Message;
}
