using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Rank among the non-missing values, ascending, ties share the smallest rank (COINr <c>n_rank</c>). Method text: <c>rank</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record RankNormaliser : Normaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "rank";

    /// <summary>Creates the normaliser, validating every parameter.</summary>
    public RankNormaliser()
        : base(NormalisationMethod.Rank)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => MethodCall.Create(MethodName);

    /// <summary>The formula over one column (allocation-free), shared with its sibling methods.</summary>
    internal override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items) =>
        NormaliserKernel.RankFormula(plan, x, y, keys, items);

    /// <summary>Reads the method text's arguments (the registry's entry for <c>rank</c>).</summary>
    internal static RankNormaliser Read(MethodArguments arguments)
    {
        arguments.EnsureAllRead();
        return new RankNormaliser();
    }
}
