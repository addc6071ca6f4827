using System.Globalization;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Aggregation;

/// <summary>
/// An aggregation method with its parameters: an immutable value that belongs to a methodology (globally or on one
/// node) and round-trips through JSON. Weights are relative within the node. Missing children are dropped and the
/// remaining weights re-normalised (COINr's convention, also for the power mean); when no child with a positive
/// weight is present, the result is missing. Children with zero weight never influence the result.
/// <para>
/// A closed hierarchy: one sealed case per method (<see cref="ArithmeticMeanAggregator"/>, ...), each in its own file
/// with its parameters (validated once, in its constructor), its name and its method text (<see cref="ToMethodCall"/>,
/// <see cref="ToString"/>). Users add methods by deriving from <see cref="CustomAggregator"/>.
/// </para>
/// </summary>
public abstract record Aggregator
{
    private protected Aggregator(AggregationMethod method)
    {
        Method = method;
    }

    /// <summary>Weighted arithmetic mean: <c>sum(w x) / sum(w)</c> over present children.</summary>
    public static Aggregator ArithmeticMean { get; } = new ArithmeticMeanAggregator();

    /// <summary>Weighted geometric mean: <c>exp(sum(w log x) / sum(w))</c>; a present child at or below zero is an error naming unit and child.</summary>
    public static Aggregator GeometricMean { get; } = new GeometricMeanAggregator();

    /// <summary>Weighted harmonic mean: <c>sum(w) / sum(w / x)</c>; a present child at or below zero is an error naming unit and child.</summary>
    public static Aggregator HarmonicMean { get; } = new HarmonicMeanAggregator();

    /// <summary>
    /// Weighted geometric mean with the <see cref="NonPositivePolicy.Shift"/> policy:
    /// <c>exp(sum(w log(x + delta)) / sum(w))</c>, <c>delta = max(0, epsilon - m)</c>, m the smallest present value of a
    /// child with a positive weight over all units aggregated together (one constant per node and run, after
    /// direction signs). The result is on the shifted scale: delta is not subtracted afterwards. Because delta depends
    /// on every unit, aggregate all units together (in the pipeline: the node's units); aggregating one unit alone
    /// takes m over that unit only. Missing children are dropped with their weight, as for <see cref="GeometricMean"/>.
    /// </summary>
    /// <param name="epsilon">The value the smallest child value is lifted to; finite and above zero (for example 0.01 on a [0, 1] scale, 1 on [0, 100]).</param>
    /// <returns>The aggregator.</returns>
    /// <exception cref="Errors.ValidationException">When epsilon is not finite or not above zero (<see cref="Errors.ProblemCode.InvalidParameter"/>).</exception>
    public static Aggregator GeometricMeanShifted(double epsilon) =>
        new GeometricMeanAggregator(epsilon);

    /// <summary>
    /// Weighted harmonic mean with the <see cref="NonPositivePolicy.Shift"/> policy: <c>sum(w) / sum(w / (x + delta))</c>,
    /// delta as in <see cref="GeometricMeanShifted"/> (<c>max(0, epsilon - m)</c>, one constant per node, not subtracted
    /// afterwards).
    /// </summary>
    /// <param name="epsilon">The value the smallest child value is lifted to; finite and above zero.</param>
    /// <returns>The aggregator.</returns>
    /// <exception cref="Errors.ValidationException">When epsilon is not finite or not above zero (<see cref="Errors.ProblemCode.InvalidParameter"/>).</exception>
    public static Aggregator HarmonicMeanShifted(double epsilon) =>
        new HarmonicMeanAggregator(epsilon);

    /// <summary>
    /// Benefit of the doubt (OECD/JRC Handbook on Constructing Composite Indicators 2008, "Benefit of the doubt approach"; Cherchye et al. 2007; Compind <c>ci_bod</c>), a node-level method: for each
    /// unit c, <c>CI_c = max_w sum_q w_q I_qc</c> subject to <c>sum_q w_q I_qk &lt;= 1</c> for every unit k and
    /// <c>lowerBound &lt;= w_q &lt;= upperBound</c> (one linear programme per unit, solved by an anti-cycling simplex).
    /// Each unit gets the weights most favourable to it, so the nominal weights are ignored, except that a child with
    /// weight 0 is left out. The bounds are absolute bounds on every weight w_q, in the units of the children, as
    /// Compind's <c>ci_bod_constr(x, indic_col, up_w, low_w)</c> ("all the weights obtained are greater than low_w and
    /// less than up_w"); the defaults 0 and +infinity give the unconstrained BoD of Compind's <c>ci_bod</c>. Absolute
    /// bounds depend on the children's scale (normalise first, for example min-max to [0, 1]); without bounds the score
    /// does not (rescaling a child by a positive factor leaves every score unchanged).
    /// <para>
    /// Values: every present child value with a positive weight must be finite and at or above zero (after direction
    /// signs), otherwise an error names unit and child. Scores lie in [0, 1]; without bounds the best units (those on
    /// the frontier) get exactly 1 and a unit whose values are all zero gets 0; with bounds the best score may be below 1.
    /// Missing children: unit c is scored on its present children, the weight of a missing child fixed at 0; a unit
    /// missing a child does not constrain the others through that child (its value counts as 0 in their constraints).
    /// A unit with no present child of positive weight, or below the availability threshold, is missing (it still
    /// bounds the others through the children it has: a frontier is made of observed values). A lower
    /// bound with <c>lowerBound sum_q I_qk &gt; 1</c> for some unit k leaves no feasible weights: an error naming the node
    /// and unit.
    /// </para>
    /// </summary>
    /// <param name="lowerBound">The lower bound on every weight; finite, at or above 0 (default 0).</param>
    /// <param name="upperBound">The upper bound on every weight; above 0 and at or above <paramref name="lowerBound"/>, +infinity for none (the default).</param>
    /// <returns>The aggregator.</returns>
    /// <exception cref="Errors.ValidationException">When a bound is out of range, or the upper bound is below the lower bound (<see cref="Errors.ProblemCode.InvalidParameter"/>).</exception>
    public static Aggregator BenefitOfTheDoubt(double lowerBound = 0, double upperBound = double.PositiveInfinity) =>
        new BenefitOfTheDoubtAggregator(lowerBound, upperBound);

    /// <summary>Minimum of the present children with a positive weight (weights otherwise ignored).</summary>
    public static Aggregator Minimum { get; } = new MinimumAggregator();

    /// <summary>
    /// Weighted power (generalised) mean of order p: <c>(sum(w x^p) / sum(w))^(1/p)</c>. p = 1 is the arithmetic mean,
    /// p = 0 the geometric mean (its limit), p = -1 the harmonic mean. For p &lt;= 0 every present child must be above
    /// zero; for other non-integer p, at or above zero; otherwise an error names unit and child.
    /// </summary>
    /// <param name="p">The order; finite.</param>
    /// <returns>The aggregator.</returns>
    /// <exception cref="Errors.ValidationException">When p is not finite (<see cref="Errors.ProblemCode.InvalidParameter"/>).</exception>
    public static Aggregator PowerMean(double p) =>
        new PowerMeanAggregator(p);

    /// <summary>
    /// Median of the present children with a positive weight: the middle value, or the mean of the two middle values
    /// when their number is even (R's <c>median</c>). Weights are otherwise ignored; zero-weight children are excluded.
    /// Missing when no child with a positive weight is present.
    /// </summary>
    public static Aggregator Median { get; } = new MedianAggregator();

    /// <summary>
    /// Copeland score (METHODS.md), a node-level method: with weights w / sum(w), unit j outranks unit k by
    /// <c>O_jk = sum_i w_i ([x_ij &gt; x_ik] + 0.5 [x_ij = x_ik]) / sum_i w_i</c> (values equal within 1e-12 relative count as equal), both sums over the children with a
    /// positive weight present for both units; <c>C_jk = +1</c> if O_jk &gt; 0.5, -1 if &lt; 0.5, 0 if = 0.5 (decided
    /// exactly, as the sign of <c>2 sum(w [&gt;]) + sum(w [=]) - sum(w)</c>, not after a rounded division); the score of j is
    /// <c>sum over k != j of C_jk</c>, an integer in [-(n - 1), n - 1]. A pair without a shared child contributes 0. A unit
    /// with no present child of positive weight (or below the availability threshold) is missing and compared with no
    /// one. Unlike COINr, which credits an indicator missing for either unit to the later row, the result does not
    /// depend on row order; on complete data the two agree. COINr's order-dependent rule: <c>new CopelandAggregator(CopelandMissingPolicy.Coinr)</c>,
    /// method text <c>copeland(missing=coinr)</c>. The outranking matrix itself: <see cref="OutrankingMatrix"/>.
    /// </summary>
    public static Aggregator Copeland { get; } = new CopelandAggregator();

    /// <summary>
    /// Mean-min function (Casadio Tarabusi and Guarini 2013): <c>M - alpha (sqrt((M - min)^2 + beta^2) - beta)</c>, with
    /// M the weighted arithmetic mean <c>sum(w x) / sum(w)</c> and min the smallest value, both over the present children
    /// with a positive weight (missing children dropped with their weight). alpha = 0 gives the arithmetic mean;
    /// alpha = 1 with beta = 0 the minimum; larger beta penalises imbalance less. This follows the published formula
    /// (Compind's <c>ci_mean_min</c> of the current release computes something else).
    /// </summary>
    /// <param name="alpha">alpha, the weight of the penalty, in [0, 1].</param>
    /// <param name="beta">beta, at or above 0 and finite.</param>
    /// <returns>The aggregator.</returns>
    /// <exception cref="Errors.ValidationException">When alpha is outside [0, 1] or beta is negative or not finite (<see cref="Errors.ProblemCode.InvalidParameter"/>).</exception>
    public static Aggregator MeanMin(double alpha, double beta) =>
        new MeanMinAggregator(alpha, beta);

    /// <summary>
    /// Mazziotta-Pareto index (De Muro, Mazziotta and Pareto 2011), a node-level method. Each child is standardised over
    /// the units, <c>z = 100 + 10 (x - mean) / sd</c>, with mean and the sample standard deviation (n - 1, as the z-score
    /// normaliser and Compind's <c>ci_mpi</c>) over the units where the child is present. For each unit, over its present
    /// children with a positive weight: <c>M_z = sum(w z) / sum(w)</c>, <c>S_z = sqrt(sum(w (z - M_z)^2) / sum(w))</c> (the
    /// population standard deviation of the unit's z values when the weights are equal: the MPI's definition; Compind
    /// uses n - 1 here), <c>cv_z = S_z / M_z</c>, and <c>MPI = M_z - S_z cv_z</c> (<see cref="MpiPenalty.Negative"/>) or
    /// <c>M_z + S_z cv_z</c> (<see cref="MpiPenalty.Positive"/>). Missing children are dropped with their weight. A child
    /// with a positive weight whose column has fewer than two present values or no spread cannot be standardised: an
    /// error naming node and child.
    /// </summary>
    /// <param name="penalty">The penalty direction (default: MPI-, for an index where higher is better).</param>
    /// <returns>The aggregator.</returns>
    public static Aggregator MazziottaPareto(MpiPenalty penalty = MpiPenalty.Negative) =>
        new MazziottaParetoAggregator(penalty);

    /// <summary>
    /// Adjusted Mazziotta-Pareto index (Mazziotta and Pareto 2016; Compind <c>ci_ampi</c> for one period), a node-level
    /// method. Each child is rescaled to [70, 130] around goalposts: with min and max of the child over the units where
    /// it is present and <c>Delta = (max - min) / 2</c>, the goalposts are <c>ref - Delta</c> and <c>ref + Delta</c> and
    /// <c>r = (x - (ref - Delta)) / (2 Delta) * 60 + 70</c>, ref being <paramref name="reference"/> (the value that maps
    /// to 100, on the children's common scale, before a negative aggregate child's sign flip) or, when NaN (the default), the child's midpoint (min + max) / 2, so that
    /// <c>r = (x - min) / (max - min) * 60 + 70</c>. r is not truncated. Then, per unit, as
    /// <see cref="MazziottaPareto"/>: <c>M_r -/+ S_r cv_r</c>, S_r the weighted population standard deviation. A child
    /// with a positive weight and max = min is an error naming node and child.
    /// </summary>
    /// <param name="penalty">The penalty direction (default: AMPI-, for an index where higher is better).</param>
    /// <param name="reference">The reference value that maps to 100, or NaN for each child's midpoint.</param>
    /// <returns>The aggregator.</returns>
    /// <exception cref="Errors.ValidationException">When the reference is infinite (<see cref="Errors.ProblemCode.InvalidParameter"/>).</exception>
    public static Aggregator AdjustedMazziottaPareto(MpiPenalty penalty = MpiPenalty.Negative, double reference = double.NaN) =>
        new AdjustedMazziottaParetoAggregator(penalty, reference);

    /// <summary>
    /// The Copeland outranking matrix of <see cref="Copeland"/>: <c>O[j, k]</c> is the weighted share of the children
    /// (present for both units, positive weight) on which unit j beats unit k, ties counting half (two values equal
    /// within 1e-12 relative, <c>|a - b| &lt;= 1e-12 * max(|a|, |b|)</c>, are a tie, as in ranking). The diagonal is 0.5
    /// (a unit ties with itself); a pair without a shared child, or involving a unit without any present child, is NaN.
    /// <c>O[j, k] + O[k, j] = 1</c> wherever defined.
    /// </summary>
    /// <param name="scores">The children's scores: one row per unit, one column per child; NaN is missing.</param>
    /// <param name="weights">The children's weights (relative; finite, non-negative), one per column.</param>
    /// <returns>The matrix, units by units.</returns>
    public static double[,] OutrankingMatrix(double[,] scores, IReadOnlyList<double> weights)
    {
        var (n, k, w) = CheckShape(scores, weights);
        var o = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            o[j, j] = 0.5;
            for (var l = j + 1; l < n; l++)
            {
                double beats = 0, ties = 0, shared = 0;
                for (var c = 0; c < k; c++)
                {
                    var a = scores[j, c];
                    var b = scores[l, c];
                    if (w[c] == 0 || double.IsNaN(a) || double.IsNaN(b))
                    {
                        continue;
                    }

                    shared += w[c];
                    var tied = Ranking.RankKernel.Tied(a, b);
                    beats += !tied && a > b ? w[c] : 0;
                    ties += tied ? w[c] : 0;
                }

                o[j, l] = shared > 0 ? (beats + (0.5 * ties)) / shared : double.NaN;
                o[l, j] = shared > 0 ? 1 - o[j, l] : double.NaN;
            }
        }

        return o;
    }

    /// <summary>
    /// The case's tag, for the compiled kernels' dispatch and the object form of methodology JSON (format 1) only; users
    /// tell the cases apart by their types (<c>a is GeometricMeanAggregator</c>) and name them by <see cref="Name"/>.
    /// </summary>
    internal AggregationMethod Method { get; }

    /// <summary>
    /// True for the methods that need the children's columns over all units (Mazziotta-Pareto, adjusted
    /// Mazziotta-Pareto, Copeland, benefit of the doubt): they aggregate a node, not one unit at a time. (The shifted
    /// geometric and harmonic means also look at all units, for their shift, but can aggregate one unit alone.)
    /// </summary>
    public bool IsNodeLevel => Method is AggregationMethod.MazziottaPareto or AggregationMethod.AdjustedMazziottaPareto or AggregationMethod.Copeland or AggregationMethod.BenefitOfTheDoubt;

    /// <summary>
    /// Aggregates one unit's children (for notebooks and tests; the compiled pipeline uses the same formula).
    /// Missing children (NaN) are dropped with their weight; the result is NaN when no child with a positive weight
    /// is present.
    /// </summary>
    /// <param name="values">The children's scores.</param>
    /// <param name="weights">The children's weights (relative; finite, non-negative).</param>
    /// <returns>The aggregate score.</returns>
    /// <exception cref="Errors.CalculationException">When a geometric, harmonic or power mean meets a value it cannot take; names the child by position (<c>child 1</c>, ...).</exception>
    /// <exception cref="InvalidOperationException">For a node-level method (<see cref="IsNodeLevel"/>): use <see cref="Aggregate(double[,], IReadOnlyList{double})"/>.</exception>
    public double Aggregate(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        if (IsNodeLevel)
        {
            throw new InvalidOperationException("The " + Name + " aggregator compares units: aggregate a units-by-children matrix with Aggregate(double[,], weights).");
        }

        var scores = new double[1, values.Count];
        for (var c = 0; c < values.Count; c++)
        {
            scores[0, c] = values[c];
        }

        return Aggregate(scores, weights)[0];
    }

    /// <summary>
    /// Aggregates every unit's children (for notebooks and tests; the compiled pipeline uses the same code). Works for
    /// every method, and is the way to run the node-level ones (<see cref="IsNodeLevel"/>), which need all units at
    /// once. Missing children (NaN) are dropped with their weight; a unit with no present child of positive weight is
    /// missing.
    /// </summary>
    /// <param name="scores">The children's scores: one row per unit, one column per child.</param>
    /// <param name="weights">The children's weights (relative; finite, non-negative), one per column.</param>
    /// <returns>The aggregate score of each unit, in row order.</returns>
    /// <exception cref="Errors.CalculationException">When a method meets a value it cannot take (names the unit as <c>unit 1</c>, ... and the child as <c>child 1</c>, ...), or a Mazziotta-Pareto child without spread.</exception>
    public double[] Aggregate(double[,] scores, IReadOnlyList<double> weights)
    {
        var (n, k, w) = CheckShape(scores, weights);
        var columns = new double[k * n];
        for (var c = 0; c < k; c++)
        {
            for (var u = 0; u < n; u++)
            {
                columns[(c * n) + u] = scores[u, c];
            }
        }

        var output = new double[n];
        var children = Enumerable.Range(0, k).ToArray();
        var names = children.Select(i => "child " + (i + 1).ToString(CultureInfo.InvariantCulture)).ToArray();
        var units = Enumerable.Range(1, n).Select(i => "unit " + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        AggregatorKernel.Aggregate(new AggregatorPlan(this), 0, columns, n, children, w, Enumerable.Repeat(1.0, k).ToArray(),
            output, new int[n], new double[n], new double[n], new double[AggregatorKernel.ScratchPerChild * Math.Max(k, 1)],
            Method == AggregationMethod.BenefitOfTheDoubt ? new double[AggregatorKernel.BenefitOfTheDoubtTableauLength(n, k)] : [],
            Method == AggregationMethod.BenefitOfTheDoubt ? new int[AggregatorKernel.BenefitOfTheDoubtBasisLength(n, k)] : [],
            "aggregate", names, units);
        return output;
    }

    /// <summary>The units and children of a units-by-children matrix, and its weights checked (one per child, finite, non-negative).</summary>
    private static (int Units, int Children, double[] Weights) CheckShape(double[,] scores, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(weights);
        Internal.Preconditions.SameLength(scores.GetLength(1), weights.Count, nameof(weights));
        return (scores.GetLength(0), scores.GetLength(1), CheckWeights(weights));
    }

    private static double[] CheckWeights(IReadOnlyList<double> weights)
    {
        var w = weights.ToArray();
        foreach (var x in w)
        {
            Internal.Preconditions.NonNegative(x, nameof(weights));
        }

        return w;
    }

    /// <summary>The built-in methods' readers by name (aliases included), composed by <c>Methods.MethodRegistry.Default</c>.</summary>
    internal static IReadOnlyList<KeyValuePair<string, Func<MethodArguments, Aggregator>>> BuiltIns { get; } =
    [
        new(ArithmeticMeanAggregator.MethodName, ArithmeticMeanAggregator.Read),
        new(GeometricMeanAggregator.MethodName, GeometricMeanAggregator.Read),
        new(HarmonicMeanAggregator.MethodName, HarmonicMeanAggregator.Read),
        new(PowerMeanAggregator.MethodName, PowerMeanAggregator.Read),
        new("power", PowerMeanAggregator.Read),
        new(MinimumAggregator.MethodName, MinimumAggregator.Read),
        new(MedianAggregator.MethodName, MedianAggregator.Read),
        new(MeanMinAggregator.MethodName, MeanMinAggregator.Read),
        new("mpi-", MazziottaParetoAggregator.Read),
        new("mpi+", MazziottaParetoAggregator.Read),
        new("ampi", AdjustedMazziottaParetoAggregator.Read),
        new("ampi-", AdjustedMazziottaParetoAggregator.Read),
        new("ampi+", AdjustedMazziottaParetoAggregator.Read),
        new(CopelandAggregator.MethodName, CopelandAggregator.Read),
        new("bod", BenefitOfTheDoubtAggregator.Read),
    ];

    /// <summary>The method's canonical name in method text (for example <c>arithmetic</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The method text of this aggregator: its name and every parameter, for example <c>generalised-mean(0.5)</c>.</summary>
    /// <returns>The call; <c>Methods.MethodRegistry</c> parses it back to an equal aggregator.</returns>
    public abstract MethodCall ToMethodCall();

    /// <summary>The canonical method text: <c>arithmetic</c>, <c>geometric</c>, <c>geometric(shift=0.01)</c>, <c>harmonic</c>, <c>generalised-mean(2)</c>, <c>minimum</c>, <c>median</c>, <c>mean-min(0.5,1)</c>, <c>mpi-</c>, <c>ampi+(100)</c>, <c>copeland</c>, <c>bod</c>, <c>bod(0.1,2)</c>; invariant, round-trip numbers.</summary>
    /// <returns>The text.</returns>
    public sealed override string ToString() => ToMethodCall().ToString();

    /// <summary>True for the methods computed unit by unit from the unit's present children with a positive weight (<see cref="AggregateUnit"/>).</summary>
    internal virtual bool IsPerUnit => false;

    /// <summary>
    /// One unit's aggregate from its present children with a positive weight (after direction signs, weights scaled so
    /// that the largest is 1). <paramref name="exponent"/> is non-zero when the values were scaled by 2^-exponent to
    /// avoid overflow: a method with a parameter on the values' scale (mean-min's beta) scales it the same way.
    /// </summary>
    internal virtual double AggregateUnit(Span<double> values, ReadOnlySpan<double> weights, int exponent) =>
        throw new InvalidOperationException("The " + Name + " aggregator is not computed unit by unit.");

    /// <summary>Reads a method text without arguments (anything given is an error) and returns the case.</summary>
    private protected static T NoArguments<T>(MethodArguments arguments, T method)
    {
        arguments.EnsureAllRead();
        return method;
    }

    /// <summary>Closes the hierarchy: only this assembly's cases (and <see cref="CustomAggregator"/>) derive from it.</summary>
    private protected abstract void Sealed();
}
