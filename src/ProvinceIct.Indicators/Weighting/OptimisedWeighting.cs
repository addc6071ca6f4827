using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>
/// Optimised ("balanced") weights (see <see cref="OptimisedWeights"/>): weights that give each child a target share of
/// the children's correlations with the node. Canonical text <c>optimised</c> (equal shares, tolerance 1E-06, at most 1000
/// iterations), with relative target shares in framework order and the non-default settings as keys:
/// <c>optimised(1,1,2)</c>, <c>optimised(tolerance=1E-08,iterations=200)</c>. When no weights reach the targets (an
/// infeasible target, a stalled search or the iteration limit), computing the index fails with a
/// <see cref="CalculationException"/> naming the node and the reason; it never goes on with unconverged weights.
/// </summary>
public sealed record OptimisedWeighting : WeightingMethod
{
    /// <summary>The default tolerance on the largest share deviation.</summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary>The default iteration limit.</summary>
    public const int DefaultMaxIterations = 1000;

    private OptimisedWeighting(ImmutableArray<double> targets, double tolerance, int maxIterations)
    {
        TargetShares = targets;
        Tolerance = tolerance;
        MaxIterations = maxIterations;
    }

    /// <summary>Equal target shares with the default settings.</summary>
    public static OptimisedWeighting Balanced { get; } = new([], DefaultTolerance, DefaultMaxIterations);

    /// <summary>The relative target shares in framework order (empty for equal shares).</summary>
    public ImmutableArray<double> TargetShares { get; }

    /// <summary>The largest accepted deviation of a share from its target.</summary>
    public double Tolerance { get; }

    /// <summary>The most weight updates to try.</summary>
    public int MaxIterations { get; }

    /// <inheritdoc/>
    public override string Name => "optimised";

    /// <summary>Creates optimised weighting.</summary>
    /// <param name="targetShares">Relative target shares, one per child in framework order (positive, finite), or null/empty for equal shares.</param>
    /// <param name="tolerance">The largest accepted deviation (positive, finite).</param>
    /// <param name="maxIterations">The most weight updates (at least 1).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ValidationException">(<see cref="ProblemCode.InvalidParameter"/>) When a target is not positive and finite, or the tolerance or the iteration limit is out of range.</exception>
    public static OptimisedWeighting Create(IEnumerable<double>? targetShares = null, double tolerance = DefaultTolerance, int maxIterations = DefaultMaxIterations)
    {
        var t = targetShares?.ToImmutableArray() ?? [];
        foreach (var x in t)
        {
            ParameterCheck.Positive("optimised", "target shares", x);
        }

        ParameterCheck.Positive("optimised", "tolerance", tolerance);
        if (maxIterations < 1)
        {
            throw ValidationException.InvalidParameter("optimised", "iterations", new ProblemText("Param_WholeAtLeastOne"), ProblemText.Verbatim(maxIterations.ToString(CultureInfo.InvariantCulture)));
        }

        return new OptimisedWeighting(t, tolerance, maxIterations);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var args = TargetShares.Select(Number).ToList();
        if (Tolerance != DefaultTolerance)
        {
            args.Add("tolerance=" + Number(Tolerance));
        }

        if (MaxIterations != DefaultMaxIterations)
        {
            args.Add("iterations=" + MaxIterations.ToString(CultureInfo.InvariantCulture));
        }

        return args.Count == 0 ? Name : Name + "(" + string.Join(",", args) + ")";
    }

    /// <summary>Value equality over the targets and settings.</summary>
    /// <param name="other">The other method.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(OptimisedWeighting? other) =>
        other is not null && TargetShares.SequenceEqual(other.TargetShares) && Tolerance.Equals(other.Tolerance) && MaxIterations == other.MaxIterations;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(TargetShares.Aggregate(17, (h, x) => (h * 31) + x.GetHashCode()), Tolerance, MaxIterations);

    internal override IEnumerable<ValidationProblem> Validate(Framework framework, string nodeCode)
    {
        var k = framework.Children(nodeCode).Count();
        if (!TargetShares.IsEmpty && TargetShares.Length != k)
        {
            yield return new ValidationProblem(ProblemCode.InvalidParameter, new ProblemText("Optimised_Targets", nodeCode, TargetShares.Length.ToString(CultureInfo.InvariantCulture), k.ToString(CultureInfo.InvariantCulture)))
            { IndicatorCode = nodeCode, ExpectedText = new ProblemText("Optimised_ExpectedTargets", k.ToString(CultureInfo.InvariantCulture)), Found = TargetShares.Length.ToString(CultureInfo.InvariantCulture) };
        }
    }

    internal override DerivedWeights? Derive(CompiledIndex index, string nodeCode)
    {
        var opt = OptimisedWeights.Balance(index, nodeCode, TargetShares.IsEmpty ? null : TargetShares, Tolerance, MaxIterations);
        if (!opt.Converged)
        {
            throw new CalculationException(ProblemCode.NotConverged,
                new ProblemText("Calc_OptimisedNotConverged", nodeCode, opt.StatusReasonText), nodeCode, childCode: opt.LimitingChild, value: opt.MaxDeviation);
        }

        return new DerivedWeights(nodeCode, this, opt.ChildCodes, opt.Weights,
            "converged in " + opt.Iterations.ToString(CultureInfo.InvariantCulture) + " iterations, max deviation " + opt.MaxDeviation.ToString("0.0E+00", CultureInfo.InvariantCulture));
    }
}
