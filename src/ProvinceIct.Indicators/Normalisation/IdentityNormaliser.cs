using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Definitions;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Values unchanged (direction still flips the sign). Method text: <c>identity</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record IdentityNormaliser : Normaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "identity";

    /// <summary>Creates the normaliser, validating every parameter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is out of range.</exception>
    public IdentityNormaliser()
        : base(NormalisationMethod.Identity)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => MethodCall.Create(MethodName);

    /// <inheritdoc/>
    internal override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items) =>
        NormaliserKernel.ApplyFormula(plan, x, y, keys, items);

    /// <summary>Reads the method text's arguments (the registry's entry for <c>identity</c>).</summary>
    internal static IdentityNormaliser Read(MethodArguments arguments)
    {
        arguments.EnsureAllRead();
        return new IdentityNormaliser();
    }
}
