using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Borda score: rank - 1 (COINr <c>n_borda</c>). Method text: <c>borda</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record BordaNormaliser : RankScoreNormaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "borda";

    /// <summary>Creates the normaliser (it has no parameters).</summary>
    public BordaNormaliser()
        : base(NormalisationMethod.Borda)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <summary>Reads the method text's arguments, none (the registry's entry for <c>borda</c>).</summary>
    internal static BordaNormaliser Read(MethodArguments arguments) => NoArguments(arguments, new BordaNormaliser());
}
