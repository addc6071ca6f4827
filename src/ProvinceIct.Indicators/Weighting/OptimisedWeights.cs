using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>
/// Optimised ("balanced") weights of one node's children, after COINr's <c>get_opt_weights(optype = "balance")</c>:
/// weights such that each child's Pearson correlation <c>r_i</c> with the node's score takes a target share of the
/// children's correlations, <c>s_i = r_i / sum(r) = t_i</c> (equal shares by default), so that every child really
/// drives the node as much as intended. Immutable; create with <see cref="Balance"/>.
/// <para>
/// Method: start from equal weights; at each iteration re-aggregate the compiled pipeline with the trial weights
/// (normalised scores reused, nothing allocated), measure the correlations over the units where both the child and the
/// node have a score (pairwise complete), and update multiplicatively,
/// <c>w_i &lt;- w_i exp(eta (t_i - s_i) / t_i)</c>, then rescale to sum 1. A step is kept only when it lowers the
/// objective <c>sum((s_i - t_i)^2)</c> (COINr's criterion); then <c>eta</c> doubles (at most 1), otherwise it halves and
/// the step is retried. It stops when every share is within the tolerance of its target
/// (<see cref="Converged"/> true), when <c>eta</c> falls below 1e-10 (stalled) or after the maximum number of iterations.
/// Unconverged weights are still reported, always with <see cref="Converged"/> false.
/// </para>
/// </summary>
public sealed class OptimisedWeights
{
    private OptimisedWeights(string nodeCode, ImmutableArray<string> childCodes, ImmutableArray<double> weights, ImmutableArray<double> targets,
        ImmutableArray<double> correlations, int iterations, double tolerance)
    {
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
    }

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

    /// <summary>True when every share is within <see cref="Tolerance"/> of its target (<see cref="MaxDeviation"/> &lt;= <see cref="Tolerance"/>).</summary>
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
                $"Optimised weights of node '{nodeCode}' need at least 2 children; it has {k.ToString(CultureInfo.InvariantCulture)}.", nodeCode);
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
                    $"Optimised weights of node '{nodeCode}': the correlation of child '{childCodes[i]}' with the node is undefined (fewer than 2 units with both scores, or no spread).",
                    nodeCode, childCode: childCodes[i]);
            }
        }

        var (shares, objective, deviation) = Measure(r, targets.AsSpan());
        var trial = new double[k];
        var trialR = new double[k];
        var eta = 1.0;
        var iterations = 0;
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

        return new OptimisedWeights(nodeCode, childCodes, [.. w], targets, [.. r], iterations, tolerance);
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
            throw new InvalidOperationException($"The optimised weights of node '{NodeCode}' did not converge (max deviation {MaxDeviation.ToString("R", CultureInfo.InvariantCulture)} after {Iterations.ToString(CultureInfo.InvariantCulture)} iterations).");
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
            r[i] = signs[i] * Pearson(ws.NodeScores(childPos[i]), y);
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

    /// <summary>Pearson correlation over the units where both are present; NaN with fewer than 2 such units or no spread.</summary>
    private static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double n = 0, mx = 0, my = 0;
        for (var u = 0; u < x.Length; u++)
        {
            if (!double.IsNaN(x[u]) && !double.IsNaN(y[u]))
            {
                n++;
                mx += x[u];
                my += y[u];
            }
        }

        if (n < 2)
        {
            return double.NaN;
        }

        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var u = 0; u < x.Length; u++)
        {
            if (!double.IsNaN(x[u]) && !double.IsNaN(y[u]))
            {
                var dx = x[u] - mx;
                var dy = y[u] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }
}
