using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Borda score: rank - 1 (COINr <c>n_borda</c>). Method text: <c>borda</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record BordaNormaliser : Normaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "borda";

    /// <summary>Creates the normaliser, validating every parameter.</summary>
    public BordaNormaliser()
        : base(NormalisationMethod.Borda)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => MethodCall.Create(MethodName);

    /// <summary>The formula over one column (allocation-free), shared with its sibling methods.</summary>
    internal override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items) =>
        NormaliserKernel.RankFormula(plan, x, y, keys, items);

    /// <summary>Reads the method text's arguments (the registry's entry for <c>borda</c>).</summary>
    internal static BordaNormaliser Read(MethodArguments arguments)
    {
        arguments.EnsureAllRead();
        return new BordaNormaliser();
    }
}
