using System.Collections.Immutable;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>What a running step needs besides the data, and where it records what it did (one per run of the steps).</summary>
internal sealed class TreatmentContext(Dataset original, Framework framework, string[] indicators)
{
    /// <summary>The dataset before the first step.</summary>
    public Dataset Original { get; } = original;

    /// <summary>The framework whose indicators the steps treat.</summary>
    public Framework Framework { get; } = framework;

    /// <summary>The framework's indicators that are columns of the dataset, in framework order.</summary>
    public string[] Indicators { get; } = indicators;

    /// <summary>The position of the running step.</summary>
    public int StepIndex { get; set; }

    /// <summary>Every value changed so far.</summary>
    public ImmutableArray<TreatmentLogEntry>.Builder Changes { get; } = ImmutableArray.CreateBuilder<TreatmentLogEntry>();

    /// <summary>Every unit screened out so far.</summary>
    public ImmutableArray<ScreenedUnit>.Builder Screened { get; } = ImmutableArray.CreateBuilder<ScreenedUnit>();

    /// <summary>Records one changed value of the running step.</summary>
    public void Changed(TreatmentStepKind kind, string unit, string indicator, double before, double after, TreatmentAction action) =>
        Changes.Add(new TreatmentLogEntry(StepIndex, kind, unit, indicator, before, after, action));
}
