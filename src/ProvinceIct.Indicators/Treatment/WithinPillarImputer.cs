using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Within-pillar imputation: each missing value of an indicator becomes the unit's plain mean of its present values on
/// the other indicators with the same parent node in <see cref="Framework"/> (aggregate siblings and columns absent from
/// the dataset are ignored). The indicators must already be on a common scale: apply it to normalised data. A unit with
/// no other present indicator in the pillar stays missing (<see cref="ImputationOutcome.NoData"/>); an indicator that is
/// not in the framework stays missing (<see cref="ImputationOutcome.NotInFramework"/>). Method text: <c>within-pillar</c>
/// (written, not read: it needs a framework). Not a treatment step of raw data.
/// </summary>
public sealed record WithinPillarImputer : Imputer
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "within-pillar";

    /// <summary>Creates the imputer.</summary>
    /// <param name="framework">The framework that defines the pillars.</param>
    public WithinPillarImputer(Framework framework)
    {
        Framework = framework ?? throw new ArgumentNullException(nameof(framework));
    }

    /// <summary>The framework that defines the pillars.</summary>
    public Framework Framework { get; }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    private protected override ImputationMethod LogMethod => ImputationMethod.WithinPillar;

    /// <inheritdoc/>
    private protected override IEnumerable<string> DefaultColumns(Dataset dataset) =>
        dataset.IndicatorCodes.Where(c => Framework.Contains(c) && Framework[c].IsIndicator);

    /// <inheritdoc/>
    private protected override void Impute(Dataset dataset, int column, double[] values, Action<int, double, ImputationOutcome> log)
    {
        var code = dataset.IndicatorCodes[column];
        var siblings = Framework.Contains(code) && Framework[code].IsIndicator && Framework[code].ParentCode is { } parent
            ? Framework.Children(parent).Where(n => n.IsIndicator && n.Code != code && dataset.HasIndicator(n.Code)).Select(n => dataset.IndexOfIndicator(n.Code)).ToArray()
            : null;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                continue;
            }

            if (siblings is null)
            {
                log(i, double.NaN, ImputationOutcome.NotInFramework);
                continue;
            }

            var present = siblings.Select(k => dataset[i, k]).Where(x => !double.IsNaN(x)).ToArray();
            var fill = ColumnMath.Mean(present);
            values[i] = fill;
            log(i, fill, present.Length == 0 ? ImputationOutcome.NoData : ImputationOutcome.Imputed);
        }
    }
}
