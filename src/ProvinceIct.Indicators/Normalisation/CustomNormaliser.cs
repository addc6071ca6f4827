using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>
/// The base of a user-defined normaliser: derive from it in one record, give the method text in the constructor and
/// write the formula in <see cref="Normalise(ReadOnlySpan{double}, Span{double})"/>; register a factory by name
/// (<c>Methods.MethodRegistry.WithNormaliser</c>, or an <c>IMethodPlugin</c>) to read it from a methodology's JSON,
/// the CLI (<c>--plugin</c>) and uncertainty choices. Its parameters should be get-only and validated in the
/// constructor, as for the built-in methods.
/// <para>
/// Contract of the formula: it receives one indicator's column over all units, already multiplied by -1 for a
/// negative-direction indicator, with NaN for missing values, and fills <c>output</c> (same length). Missing values
/// should stay missing. A present value that comes out non-finite is an error naming the indicator and the unit. The
/// kernel runs on the hot path: it should not allocate (use <c>stackalloc</c> or statistics in one pass).
/// </para>
/// </summary>
public abstract record CustomNormaliser : Normaliser
{
    private readonly MethodCall _call;

    /// <summary>Creates the normaliser with its method text (name and parameters), which <see cref="ToMethodCall"/> returns.</summary>
    /// <param name="call">The method text, for example <c>MethodCall.Create("boxcox-minmax").With(0.5)</c>.</param>
    protected CustomNormaliser(MethodCall call)
        : base(NormalisationMethod.Custom)
    {
        ArgumentNullException.ThrowIfNull(call);
        _call = call;
    }

    /// <inheritdoc/>
    public sealed override string Name => _call.Name;

    /// <inheritdoc/>
    public sealed override MethodCall ToMethodCall() => _call;

    /// <summary>The formula: normalises one column (see the class's contract).</summary>
    /// <param name="column">The values, direction applied, NaN for missing.</param>
    /// <param name="output">Receives the normalised values, same length.</param>
    public abstract void Normalise(ReadOnlySpan<double> column, Span<double> output);

    /// <inheritdoc/>
    internal sealed override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items)
    {
        var flipped = keys[..x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            flipped[i] = plan.Sign * x[i];
        }

        Normalise(flipped, y[..x.Length]);
    }
}
