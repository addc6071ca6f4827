using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Median imputation (COINr <c>i_median</c>): each missing value becomes the median (mean of the two middle values for an even count) of the indicator's present values over all
/// units. A column without any present value stays missing (<see cref="ImputationOutcome.NoData"/>). Method text: <c>median</c>.
/// </summary>
public sealed record MedianImputer : Imputer
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "median";

    private MedianImputer()
    {
    }

    /// <summary>The one instance.</summary>
    public static MedianImputer Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    private protected override ImputationMethod LogMethod => ImputationMethod.Median;

    /// <inheritdoc/>
    private protected override void Impute(Dataset dataset, int column, double[] values, Action<int, double, ImputationOutcome> log) =>
        FillMissing(values, ColumnMath.Median(ColumnMath.Present(dataset.Column(column))), log);
}
