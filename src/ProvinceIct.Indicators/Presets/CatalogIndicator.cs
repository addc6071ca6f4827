namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// An indicator of <see cref="ProvincialIctIndicators"/>: its definition and the Vietnam ICT Index component it belongs
/// to, if any (null for indicators outside the three components, such as ranks, spending and denominators).
/// </summary>
public sealed record CatalogIndicator
{
    private CatalogIndicator(Definitions.IndicatorDefinition definition, IctComponent? component)
    {
        Definition = definition;
        Component = component;
    }

    /// <summary>Creates a catalogue entry.</summary>
    /// <param name="definition">The indicator definition.</param>
    /// <param name="component">The ICT Index component, or null.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="component"/> is not a defined value.</exception>
    public static CatalogIndicator Create(Definitions.IndicatorDefinition definition, IctComponent? component)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (component is { } c && !Enum.IsDefined(c))
        {
            throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown ICT Index component.");
        }

        return new CatalogIndicator(definition, component);
    }

    /// <summary>The indicator definition (code, names, kind, unit, direction).</summary>
    public Definitions.IndicatorDefinition Definition { get; init; }

    /// <summary>The Vietnam ICT Index component the indicator belongs to, or null.</summary>
    public IctComponent? Component { get; init; }

    /// <summary>The indicator code (the definition's).</summary>
    public string Code => Definition.Code;

    /// <summary>The component code <c>htkt</c>, <c>htnl</c> or <c>ud</c>, or null.</summary>
    public string? ComponentCode => Component is { } c ? ProvincialIctIndicators.ComponentCode(c) : null;

    /// <summary>Formats as the definition followed by the component code, for example <c>servers_in_state_agencies (Servers in state agencies, count, +) [htkt]</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Definition + " [" + (ComponentCode ?? "-") + "]";
}
