using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>The outcome of an <see cref="OutlierTreatment"/>: the treated dataset, a line per indicator and every value changed. Immutable.</summary>
public sealed class OutlierTreatmentResult
{
    internal OutlierTreatmentResult(Dataset dataset, ImmutableArray<IndicatorTreatment> indicators, ImmutableArray<TreatedValue> log)
    {
        Dataset = dataset;
        Indicators = indicators;
        Log = log;
    }

    /// <summary>The treated dataset (same units and columns; untreated columns unchanged, missing values stay missing).</summary>
    public Dataset Dataset { get; }

    /// <summary>One line per treated indicator, in the requested order.</summary>
    public ImmutableArray<IndicatorTreatment> Indicators { get; }

    /// <summary>Every value changed: indicator by indicator, units in order.</summary>
    public ImmutableArray<TreatedValue> Log { get; }

    /// <summary>The line of an indicator.</summary>
    /// <param name="indicatorCode">The indicator code.</param>
    /// <exception cref="KeyNotFoundException">When the indicator was not treated.</exception>
    public IndicatorTreatment this[string indicatorCode] =>
        Indicators.FirstOrDefault(t => t.IndicatorCode == indicatorCode) ?? throw new KeyNotFoundException($"Indicator '{indicatorCode}' was not treated.");

    /// <summary>Formats as <c>OutlierTreatmentResult: 12 indicators, 2 winsorised, 1 log-transformed, 7 values changed</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"OutlierTreatmentResult: {Indicators.Length} indicators, {Count(IndicatorTreatmentOutcome.Winsorised)} winsorised, {Count(IndicatorTreatmentOutcome.LogTransformed)} log-transformed, {Count(IndicatorTreatmentOutcome.BoxCoxTransformed)} Box-Cox, {Log.Length} values changed");

    private int Count(IndicatorTreatmentOutcome outcome) => Indicators.Count(t => t.Outcome == outcome);
}
