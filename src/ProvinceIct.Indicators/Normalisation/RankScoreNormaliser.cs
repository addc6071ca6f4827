using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>
/// The normalisers without parameters that score a unit by its rank among the non-missing values (ascending, the best
/// value ranked last, ties sharing the smallest rank): <see cref="RankNormaliser"/> (the rank, COINr <c>n_rank</c>) and
/// <see cref="BordaNormaliser"/> (the rank - 1, COINr <c>n_borda</c>). Missing values stay missing and are not counted.
/// </summary>
public abstract record RankScoreNormaliser : Normaliser
{
    private protected RankScoreNormaliser(NormalisationMethod method)
        : base(method)
    {
    }

    /// <inheritdoc/>
    public sealed override MethodCall ToMethodCall() => MethodCall.Create(Name);

    /// <summary>The formula over one column (allocation-free), shared with <see cref="PercentileRankNormaliser"/>.</summary>
    internal sealed override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items) =>
        NormaliserKernel.RankFormula(plan, x, y, keys, items);
}
