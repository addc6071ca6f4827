using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Percentile rank: <c>(rank - 1) / (n - 1) * (u - l) + l</c>. Method text: <c>percentile-rank</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record PercentileRankNormaliser : Normaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "percentile-rank";

    /// <summary>Creates the normaliser, validating every parameter.</summary>
    /// <param name="lower">l, the output minimum (default 0).</param>
    /// <param name="upper">u, the output maximum (default 1), above l.</param>
    /// <param name="degenerate">What to do with a column without spread (default: error).</param>
    /// <exception cref="Errors.ValidationException">When a parameter is out of range (<see cref="Errors.ProblemCode.InvalidParameter"/>, naming the method, the parameter, what was expected and what was found).</exception>
    public PercentileRankNormaliser(double lower = 0, double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
        : base(NormalisationMethod.PercentileRank, lower, upper, degenerate)
    {
        Errors.ParameterCheck.Range(MethodName, lower, upper);
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => WithRangeText(MethodCall.Create(MethodName));

    /// <summary>The formula over one column (allocation-free), shared with its sibling methods.</summary>
    internal override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items) =>
        NormaliserKernel.RankFormula(plan, x, y, keys, items);

    /// <inheritdoc/>
    private protected override Normaliser WithRangeCore(double lower, double upper) => new PercentileRankNormaliser(lower, upper, Degenerate);

    /// <summary>Reads the method text's arguments (the registry's entry for <c>percentile-rank</c>).</summary>
    internal static PercentileRankNormaliser Read(MethodArguments arguments)
    {
        var degenerate = ReadDegenerate(arguments);
        var (lower, upper) = ReadRange(arguments, 0, 0, 1);
        arguments.EnsureAllRead();
        return new PercentileRankNormaliser(lower, upper, degenerate);
    }
}
