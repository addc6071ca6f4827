using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// A discrete choice, equally likely, among "exclude no indicator" and "exclude indicator j" for each indicator (its
/// weight set to 0); named <c>exclude-one</c>. Created by <see cref="UncertainFactor.ExcludeOneIndicator"/>.
/// </summary>
public sealed record ExcludeOneIndicatorFactor : UncertainFactor
{
    /// <summary>Creates the factor.</summary>
    public ExcludeOneIndicatorFactor()
        : base("exclude-one")
    {
    }

    /// <inheritdoc/>
    public override FactorKind Kind => FactorKind.ExcludeOneIndicator;

    /// <inheritdoc/>
    internal override bool AtMostOnce => true;

    /// <inheritdoc/>
    internal override void Bind(FactorBinding binding, Methodology methodology, CompiledIndex compiled)
    {
        binding.Edges = compiled.Indicators.Select(d => compiled.Edges.IndexOf(compiled.Edges.First(e => e.ChildCode == d.Code))).ToArray();
        binding.Options = compiled.IndicatorCount + 1;
    }

    /// <inheritdoc/>
    internal override int Apply(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace)
    {
        var excluded = binding.Choose(u) - 1;
        if (excluded >= 0)
        {
            workspace.Weights[binding.Edges[excluded]] = 0;
        }

        return -1;
    }

    /// <inheritdoc/>
    internal override string Describe(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace, CompiledIndex compiled, ref Methodology methodology)
    {
        var excluded = binding.Choose(u) - 1;
        return excluded < 0 ? "none" : compiled.Indicators[excluded].Code;
    }
}
