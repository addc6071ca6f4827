namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>A factor bound to a compiled index: its uniform columns, its number of options and the positions it changes. Set once when bound.</summary>
internal sealed class FactorBinding
{
    /// <summary>The factor.</summary>
    public required UncertainFactor Factor { get; init; }

    /// <summary>The first uniform column the factor reads.</summary>
    public int Offset { get; init; }

    /// <summary>The number of uniform columns the factor reads (1 for a choice).</summary>
    public int Dimensions { get; set; } = 1;

    /// <summary>The number of options of a choice.</summary>
    public int Options { get; set; }

    /// <summary>The weight edges the factor changes.</summary>
    public int[] Edges { get; set; } = [];

    /// <summary>The aggregates (0-based among the aggregates) whose aggregator the factor sets; empty for every aggregate.</summary>
    public int[] Aggregates { get; set; } = [];

    /// <summary>The option the row of uniforms chooses: <c>min(floor(u * options), options - 1)</c>.</summary>
    public int Choose(ReadOnlySpan<double> u) => Math.Min((int)(u[Offset] * Options), Options - 1);
}
