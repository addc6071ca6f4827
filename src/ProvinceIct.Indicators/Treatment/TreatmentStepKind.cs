namespace ProvinceIct.Indicators.Treatment;

/// <summary>What a <see cref="TreatmentStep"/> of a methodology does to the data before normalisation.</summary>
public enum TreatmentStepKind
{
    /// <summary>Divides chosen indicators by denominator columns, each with its own scale (<see cref="TreatmentStep.Denominate"/>).</summary>
    Denominate,

    /// <summary>Divides every indicator that names a denominator (<see cref="Definitions.IndicatorDefinition.DenominatorCode"/>) by that column (<see cref="TreatmentStep.DenominateByDefinitions"/>).</summary>
    DenominateByDefinitions,

    /// <summary>Removes units with too few values (<see cref="TreatmentStep.Screen(UnitScreening)"/>).</summary>
    Screen,

    /// <summary>Fills missing values (<see cref="TreatmentStep.Impute"/>).</summary>
    Impute,

    /// <summary>Treats outliers: winsorisation, else a log transform (<see cref="TreatmentStep.Treat"/>).</summary>
    Treat,

    /// <summary>Box-Cox transform with a fixed λ (<see cref="TreatmentStep.BoxCox"/>).</summary>
    BoxCox,
}
