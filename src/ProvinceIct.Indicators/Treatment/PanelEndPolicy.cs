namespace ProvinceIct.Indicators.Treatment;

/// <summary>What linear interpolation over a panel does with a missing value after the unit's last observed year.</summary>
public enum PanelEndPolicy
{
    /// <summary>The default: leave it missing (<see cref="ImputationOutcome.NoLaterObservation"/>); interpolation never extrapolates.</summary>
    LeaveMissing,

    /// <summary>Carry the last observation forward (logged as <see cref="ImputationMethod.LastObservationCarriedForward"/>).</summary>
    CarryForward,
}
