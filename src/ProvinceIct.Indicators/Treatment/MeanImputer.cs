using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Mean imputation (COINr <c>i_mean</c>): each missing value becomes the mean of the indicator's present values over all
/// units. A column without any present value stays missing (<see cref="ImputationOutcome.NoData"/>). Method text: <c>mean</c>.
/// </summary>
public sealed record MeanImputer : Imputer
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "mean";

    private MeanImputer()
    {
    }

    /// <summary>The one instance.</summary>
    public static MeanImputer Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    private protected override ImputationMethod LogMethod => ImputationMethod.Mean;

    /// <inheritdoc/>
    private protected override void Impute(Dataset dataset, int column, double[] values, Action<int, double, ImputationOutcome> log) =>
        FillMissing(values, ColumnMath.Mean(ColumnMath.Present(dataset.Column(column))), log);
}
