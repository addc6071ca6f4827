using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Values unchanged (direction still flips the sign). Method text: <c>identity</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record IdentityNormaliser : Normaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "identity";

    /// <summary>Creates the normaliser, validating every parameter.</summary>
    public IdentityNormaliser()
        : base(NormalisationMethod.Identity)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => MethodCall.Create(MethodName);

    /// <summary>The formula over one column (allocation-free).</summary>
    internal override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items)
    {
        var n = x.Length;
        var s = plan.Sign;
        for (var i = 0; i < n; i++)
        {
            y[i] = s * x[i];
        }

        return;
    }

    /// <summary>Reads the method text's arguments (the registry's entry for <c>identity</c>).</summary>
    internal static IdentityNormaliser Read(MethodArguments arguments) => NoArguments(arguments, new IdentityNormaliser());
}
