namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// The three component indices of the Vietnam ICT Index for provinces (2016 onwards), each in [0, 1]; the index is
/// their plain mean. Codes: <c>htkt</c>, <c>htnl</c>, <c>ud</c> (<see cref="ProvincialIctIndicators.ComponentCode"/>).
/// </summary>
public enum IctComponent
{
    /// <summary>Technical infrastructure (<c>htkt</c>, hạ tầng kỹ thuật): computers, servers, networks, connections, security equipment.</summary>
    TechnicalInfrastructure,

    /// <summary>Human resources (<c>htnl</c>, hạ tầng nhân lực): IT staff and civil servants' IT skills.</summary>
    HumanResources,

    /// <summary>IT application (<c>ud</c>, ứng dụng CNTT): e-mail, document management, digital signatures, online public services, sector systems.</summary>
    ItApplication,
}
