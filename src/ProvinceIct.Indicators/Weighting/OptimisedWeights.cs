using System.Collections.Immutable;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>
/// Optimised ("balanced") weights of one node's children, after COINr's <c>get_opt_weights(optype = "balance")</c>:
/// weights such that each child's Pearson correlation <c>r_i</c> with the node's score takes a target share of the
/// children's correlations, <c>s_i = r_i / sum(r) = t_i</c> (equal shares by default), so that every child really
/// drives the node as much as intended. Immutable; create with <see cref="Balance"/>.
/// <para>
/// Feasibility: for the arithmetic mean over complete data the problem has a closed form. With C the children's
/// covariance matrix and D their standard deviations, <c>r_i</c> is proportional to <c>(C w)_i / D_i</c>, so the shares hit
/// the targets exactly when <c>w</c> is proportional to <c>C^-1 D t</c> (<see cref="ExactSolution"/>). When that vector has
/// an entry at or below zero no admissible weights exist: the search can only push that child's weight towards 0
/// (<see cref="OptimisationStatus.Infeasible"/>, <see cref="LimitingChild"/>). When it is positive it is tried as the first step.
/// </para>
/// <para>
/// Method: start from equal weights (or the exact solution when it is better); at each iteration re-aggregate the compiled pipeline with the trial weights
/// (normalised scores reused, nothing allocated), measure the correlations over the units where both the child and the
/// node have a score (pairwise complete), and update multiplicatively,
/// <c>w_i &lt;- w_i exp(eta (t_i - s_i) / t_i)</c>, then rescale to sum 1. A step is kept only when it lowers the
/// objective <c>sum((s_i - t_i)^2)</c> (COINr's criterion); then <c>eta</c> doubles (at most 1), otherwise it halves and
/// the step is retried. It stops when every share is within the tolerance of its target
/// (<see cref="Converged"/> true), when <c>eta</c> falls below 1e-10 (stalled) or after the maximum number of iterations.
/// Unconverged weights are still reported for inspection, always with <see cref="Converged"/> false and the reason in
/// <see cref="Status"/> and <see cref="StatusReason"/>; <see cref="ApplyTo"/> and a methodology's <c>optimised</c>
/// weighting refuse them.
/// </para>
/// </summary>
public sealed class OptimisedWeights
{
    private OptimisedWeights(string nodeCode, ImmutableArray<string> childCodes, ImmutableArray<double> weights, ImmutableArray<double> targets,
        ImmutableArray<double> correlations, int iterations, double tolerance, ImmutableArray<double> exact, bool stalled)
    {
        ExactSolution = exact;
        NodeCode = nodeCode;
        ChildCodes = childCodes;
        Weights = weights;
        TargetShares = targets;
        Correlations = correlations;
        var (shares, objective, deviation) = Measure(correlations.AsSpan(), targets.AsSpan());
        Shares = shares;
        Objective = objective;
        MaxDeviation = deviation;
        Iterations = iterations;
        Tolerance = tolerance;
        var negative = exact.IsDefaultOrEmpty ? -1 : exact.IndexOf(exact.Min());
        Status = MaxDeviation <= tolerance ? OptimisationStatus.Converged
            : negative >= 0 && !(exact[negative] > 0) ? OptimisationStatus.Infeasible
            : stalled ? OptimisationStatus.Stalled
            : OptimisationStatus.IterationLimit;
        LimitingChild = Status == OptimisationStatus.Infeasible ? childCodes[negative] : null;
    }

    /// <summary>How the search ended.</summary>
    public OptimisationStatus Status { get; }

    /// <summary>
    /// The closed-form solution <c>C^-1 D t</c> of the linear model over the units with every child present, rescaled to
    /// sum 1 (exact for the arithmetic mean over complete data); empty when it cannot be formed (a singular covariance
    /// matrix, or no more complete units than children).
    /// </summary>
    public ImmutableArray<double> ExactSolution { get; }

    /// <summary>Under <see cref="OptimisationStatus.Infeasible"/>, the child whose exact weight is at or below zero (the smallest); null otherwise.</summary>
    public string? LimitingChild { get; }

    /// <summary>One invariant sentence on why the search ended.</summary>
    public string StatusReason => StatusReasonText.Render(CultureInfo.InvariantCulture);

    /// <summary><see cref="StatusReason"/> as a resource text, so that a message can state it in any language.</summary>
    internal ProblemText StatusReasonText => Status switch
    {
        OptimisationStatus.Converged => new ProblemText("Opt_Converged", Iterations.ToString(CultureInfo.InvariantCulture)),
        OptimisationStatus.Infeasible => new ProblemText("Opt_Infeasible", LimitingChild, ExactSolution[ChildCodes.IndexOf(LimitingChild!, StringComparer.Ordinal)].ToString("0.####", CultureInfo.InvariantCulture),
            Iterations.ToString(CultureInfo.InvariantCulture), MaxDeviation.ToString("0.0E+00", CultureInfo.InvariantCulture)),
        OptimisationStatus.Stalled => new ProblemText("Opt_Stalled", Iterations.ToString(CultureInfo.InvariantCulture), MaxDeviation.ToString("0.0E+00", CultureInfo.InvariantCulture), Tolerance.ToString("0.0E+00", CultureInfo.InvariantCulture)),
        _ => new ProblemText("Opt_IterationLimit", Iterations.ToString(CultureInfo.InvariantCulture), MaxDeviation.ToString("0.0E+00", CultureInfo.InvariantCulture), Tolerance.ToString("0.0E+00", CultureInfo.InvariantCulture)),
    };

    /// <summary>The node whose children were weighted.</summary>
    public string NodeCode { get; }

    /// <summary>The children, in framework order; parallel to the other arrays.</summary>
    public ImmutableArray<string> ChildCodes { get; }

    /// <summary>The weights found (positive, summing to 1), whether or not the search converged.</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>The target shares of the correlations (positive, summing to 1).</summary>
    public ImmutableArray<double> TargetShares { get; }

    /// <summary>Each child's Pearson correlation with the node's score under <see cref="Weights"/> (pairwise complete units).</summary>
    public ImmutableArray<double> Correlations { get; }

    /// <summary>Each child's share of the correlations, <c>r_i / sum(r)</c>; NaN when the correlations do not sum to a positive number.</summary>
    public ImmutableArray<double> Shares { get; }

    /// <summary>The objective <c>sum((s_i - t_i)^2)</c> at <see cref="Weights"/>; +Infinity when the shares are undefined.</summary>
    public double Objective { get; }

    /// <summary>The largest <c>|s_i - t_i|</c> at <see cref="Weights"/>; +Infinity when the shares are undefined.</summary>
    public double MaxDeviation { get; }

    /// <summary>The tolerance on <see cref="MaxDeviation"/> that was asked for.</summary>
    public double Tolerance { get; }

    /// <summary>The number of weight updates tried (each one pipeline re-aggregation), kept or not.</summary>
    public int Iterations { get; }

    /// <summary>True when every share is within <see cref="Tolerance"/> of its target (<see cref="MaxDeviation"/> &lt;= <see cref="Tolerance"/>); the same as <see cref="Status"/> being <see cref="OptimisationStatus.Converged"/>.</summary>
    public bool Converged => MaxDeviation <= Tolerance;

    /// <summary>The weight of one child.</summary>
    /// <param name="childCode">The child's code.</param>
    /// <returns>The weight.</returns>
    /// <exception cref="KeyNotFoundException">When the child is not one of <see cref="ChildCodes"/>.</exception>
    public double Weight(string childCode)
    {
        var i = ChildCodes.IndexOf(childCode, StringComparer.Ordinal);
        return i >= 0 ? Weights[i] : throw new KeyNotFoundException($"Node '{NodeCode}' has no child '{childCode}' in these optimised weights.");
    }

    /// <summary>
    /// Finds balanced weights for the children of one node of a compiled index. The other nodes keep the compiled
    /// index's nominal weights. Children are read as the node reads them: normalised indicators (direction applied), and
    /// aggregate scores multiplied by -1 for an aggregate with a negative direction. Missing values: a unit counts for a
    /// child's correlation when both the child and the node have a score.
    /// </summary>
    /// <param name="index">The compiled index (methodology and dataset).</param>
    /// <param name="nodeCode">The aggregate whose children are weighted.</param>
    /// <param name="targetShares">The target share of each child's correlation, in framework order (positive, finite; rescaled to sum 1), or null for equal shares.</param>
    /// <param name="tolerance">The largest accepted <c>|s_i - t_i|</c> (default 1e-6); positive.</param>
    /// <param name="maxIterations">The most weight updates to try (default 1000); 0 only measures equal weights.</param>
    /// <returns>The weights with their convergence report.</returns>
    /// <exception cref="KeyNotFoundException">When the node is not in the index.</exception>
    /// <exception cref="ArgumentException">When the targets do not have one positive finite value per child.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the tolerance is not positive or the iterations are negative.</exception>
    /// <exception cref="CalculationException">
    /// When the node has fewer than 2 children (<see cref="ProblemCode.InvalidParameter"/>), a child's correlation is
    /// undefined at equal weights (fewer than 2 units with both scores, or no spread: <see cref="ProblemCode.ConstantColumn"/>),
    /// or the pipeline itself fails; each names the node.
    /// </exception>
    public static OptimisedWeights Balance(CompiledIndex index, string nodeCode, IReadOnlyList<double>? targetShares = null, double tolerance = 1e-6, int maxIterations = 1000)
    {
        ArgumentNullException.ThrowIfNull(index);
        Internal.Preconditions.NotBlank(nodeCode);
        Internal.Preconditions.Positive(tolerance);
        Internal.Preconditions.NonNegative(maxIterations);
        var nodePos = index.NodeCodes.IndexOf(nodeCode, StringComparer.Ordinal);
        if (nodePos < 0)
        {
            throw new KeyNotFoundException($"The compiled index has no node '{nodeCode}'.");
        }

        var first = -1;
        var k = 0;
        for (var e = 0; e < index.Edges.Length; e++)
        {
            if (string.Equals(index.Edges[e].ParentCode, nodeCode, StringComparison.Ordinal))
            {
                first = first < 0 ? e : first;
                k++;
            }
        }

        if (k < 2)
        {
            throw new CalculationException(ProblemCode.InvalidParameter,
                new ProblemText("Calc_OptimisedTooFewChildren", nodeCode, k.ToString(CultureInfo.InvariantCulture)), nodeCode);
        }

        var framework = index.Methodology.Framework;
        var childCodes = Enumerable.Range(first, k).Select(e => index.Edges[e].ChildCode).ToImmutableArray();
        var childPos = childCodes.Select(c => index.NodeCodes.IndexOf(c, StringComparer.Ordinal)).ToArray();
        var signs = childCodes.Select(c => framework[c] is { IsIndicator: false, Direction: Direction.Negative } ? -1.0 : 1.0).ToArray();
        var targets = Targets(targetShares, k);

        var ws = index.CreateWorkspace();
        index.Run(ws);
        var w = Enumerable.Repeat(1.0 / k, k).ToArray();
        var r = new double[k];
        Evaluate(index, ws, first, nodePos, childPos, signs, w, r);
        for (var i = 0; i < k; i++)
        {
            if (double.IsNaN(r[i]))
            {
                throw new CalculationException(ProblemCode.ConstantColumn,
                    new ProblemText("Calc_OptimisedUndefinedCorrelation", nodeCode, childCodes[i]),
                    nodeCode, childCode: childCodes[i]);
            }
        }

        var (shares, objective, deviation) = Measure(r, targets.AsSpan());
        var trial = new double[k];
        var trialR = new double[k];
        var eta = 1.0;
        var iterations = 0;
        var exact = Exact(ws, childPos, signs, targets);
        if (deviation > tolerance && maxIterations > 0 && !exact.IsEmpty && exact.All(x => x > 0))
        {
            iterations++;
            exact.CopyTo(trial);
            Evaluate(index, ws, first, nodePos, childPos, signs, trial, trialR);
            var (exactShares, exactObjective, exactDeviation) = Measure(trialR, targets.AsSpan());
            if (exactObjective < objective)
            {
                (w, trial) = (trial, w);
                (r, trialR) = (trialR, r);
                (shares, objective, deviation) = (exactShares, exactObjective, exactDeviation);
            }
        }

        while (deviation > tolerance && iterations < maxIterations && eta >= 1e-10)
        {
            iterations++;
            var sum = 0.0;
            for (var i = 0; i < k; i++)
            {
                trial[i] = w[i] * Math.Exp(eta * (targets[i] - shares[i]) / targets[i]);
                sum += trial[i];
            }

            for (var i = 0; i < k; i++)
            {
                trial[i] /= sum;
            }

            Evaluate(index, ws, first, nodePos, childPos, signs, trial, trialR);
            var (trialShares, trialObjective, trialDeviation) = Measure(trialR, targets.AsSpan());
            if (trialObjective < objective)
            {
                (w, trial) = (trial, w);
                (r, trialR) = (trialR, r);
                (shares, objective, deviation) = (trialShares, trialObjective, trialDeviation);
                eta = Math.Min(1.0, eta * 2);
            }
            else
            {
                eta /= 2;
            }
        }

        return new OptimisedWeights(nodeCode, childCodes, [.. w], targets, [.. r], iterations, tolerance, exact, eta < 1e-10);
    }

    /// <summary>
    /// <c>C^-1 D t</c> over the units with every child present (as the node reads them), rescaled to sum 1; empty when
    /// there are not more such units than children or C is singular.
    /// </summary>
    private static ImmutableArray<double> Exact(IndexWorkspace ws, int[] childPos, double[] signs, ImmutableArray<double> targets)
    {
        var k = childPos.Length;
        var n = ws.NodeScores(childPos[0]).Length;
        var rows = Enumerable.Range(0, n).Where(u => childPos.All(p => !double.IsNaN(ws.NodeScores(p)[u]))).ToArray();
        if (rows.Length <= k)
        {
            return [];
        }

        var x = childPos.Select((p, i) => rows.Select(u => signs[i] * ws.NodeScores(p)[u]).ToArray()).ToArray();
        var c = Matrix<double>.Build.Dense(k, k, (i, j) => Internal.SampleStatistics.Covariance(x[i], x[j]));
        var dt = Vector<double>.Build.Dense(k, i => Internal.SampleStatistics.StandardDeviation(x[i]) * targets[i]);
        var lu = c.LU();
        if (!(Math.Abs(lu.Determinant) > 0) || c.ConditionNumber() > 1e12)
        {
            return [];
        }

        var w = lu.Solve(dt).ToArray();
        var sum = w.Sum();
        return w.All(double.IsFinite) && sum != 0 ? [.. w.Select(v => v / sum)] : [];
    }

    /// <summary>Returns a copy of the framework with the node's children weighted by <see cref="Weights"/>.</summary>
    /// <param name="framework">A framework in which <see cref="NodeCode"/> has exactly the children <see cref="ChildCodes"/> (in any order).</param>
    /// <returns>The new framework.</returns>
    /// <exception cref="InvalidOperationException">
    /// When the search did not converge (<see cref="Converged"/> false). To use the weights anyway, pass them to
    /// <see cref="Weighting.Weights.Apply"/> deliberately.
    /// </exception>
    /// <exception cref="ArgumentException">When the node's children in <paramref name="framework"/> differ from <see cref="ChildCodes"/>.</exception>
    public Framework ApplyTo(Framework framework)
    {
        if (!Converged)
        {
            throw new InvalidOperationException($"The optimised weights of node '{NodeCode}' did not converge: {StatusReason}");
        }

        return WeightApplication.Apply(framework, NodeCode, ChildCodes, Weights);
    }

    /// <summary>Formats as <c>Balanced weights of P1 (converged in 12 iterations, max deviation 3.1E-07): a=0.2812, b=...</c>.</summary>
    /// <returns>The invariant text (weights to 4 decimals).</returns>
    public override string ToString() =>
        "Balanced weights of " + NodeCode + " (" + (Converged ? "converged" : "NOT converged") + " in "
        + Iterations.ToString(CultureInfo.InvariantCulture) + " iterations, max deviation "
        + MaxDeviation.ToString("0.0E+00", CultureInfo.InvariantCulture) + "): "
        + string.Join(", ", ChildCodes.Select((c, i) => c + "=" + Weights[i].ToString("0.0000", CultureInfo.InvariantCulture)));

    private static ImmutableArray<double> Targets(IReadOnlyList<double>? targetShares, int k)
    {
        if (targetShares is null)
        {
            return [.. Enumerable.Repeat(1.0 / k, k)];
        }

        if (targetShares.Count != k || targetShares.Any(t => !double.IsFinite(t) || t <= 0))
        {
            throw new ArgumentException("The target shares must have one positive, finite value per child.", nameof(targetShares));
        }

        var sum = targetShares.Sum();
        return [.. targetShares.Select(t => t / sum)];
    }

    private static void Evaluate(CompiledIndex index, IndexWorkspace ws, int first, int nodePos, int[] childPos, double[] signs, double[] w, double[] r)
    {
        w.CopyTo(ws.Weights.Slice(first, w.Length));
        index.Run(ws, PipelineStage.Aggregation);
        var y = ws.NodeScores(nodePos);
        for (var i = 0; i < w.Length; i++)
        {
            r[i] = signs[i] * Internal.SampleStatistics.Pearson(ws.NodeScores(childPos[i]), y);
        }
    }

    private static (ImmutableArray<double> Shares, double Objective, double Deviation) Measure(ReadOnlySpan<double> r, ReadOnlySpan<double> targets)
    {
        var sum = 0.0;
        foreach (var x in r)
        {
            sum += x;
        }

        var shares = new double[r.Length];
        if (!(sum > 0))
        {
            Array.Fill(shares, double.NaN);
            return ([.. shares], double.PositiveInfinity, double.PositiveInfinity);
        }

        double objective = 0, deviation = 0;
        for (var i = 0; i < r.Length; i++)
        {
            shares[i] = r[i] / sum;
            var d = shares[i] - targets[i];
            objective += d * d;
            deviation = Math.Max(deviation, Math.Abs(d));
        }

        return double.IsNaN(objective) ? ([.. shares], double.PositiveInfinity, double.PositiveInfinity) : ([.. shares], objective, deviation);
    }

}
