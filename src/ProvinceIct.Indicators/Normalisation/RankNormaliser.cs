using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Rank among the non-missing values, ascending, ties share the smallest rank (COINr <c>n_rank</c>). Method text: <c>rank</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record RankNormaliser : RankScoreNormaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "rank";

    /// <summary>Creates the normaliser (it has no parameters).</summary>
    public RankNormaliser()
        : base(NormalisationMethod.Rank)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <summary>Reads the method text's arguments, none (the registry's entry for <c>rank</c>).</summary>
    internal static RankNormaliser Read(MethodArguments arguments) => NoArguments(arguments, new RankNormaliser());
}
