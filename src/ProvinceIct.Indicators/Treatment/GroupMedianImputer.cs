namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Group-median imputation (COINr <c>i_median_grp</c>): each missing value becomes the median of the indicator's present
/// values over the units of the same group (see <see cref="GroupImputer"/> for the units left missing). Method text:
/// <c>group-median(region)</c>.
/// </summary>
public sealed record GroupMedianImputer : GroupImputer
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "group-median";

    /// <summary>Creates the imputer.</summary>
    /// <param name="groupName">The group name, for example <c>region</c>.</param>
    /// <exception cref="Errors.ValidationException">(<see cref="Errors.ProblemCode.InvalidParameter"/>) When the group name is blank.</exception>
    public GroupMedianImputer(string groupName)
        : base(MethodName, groupName)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    private protected override ImputationMethod LogMethod => ImputationMethod.GroupMedian;

    /// <inheritdoc/>
    private protected override double Statistic(ReadOnlySpan<double> present) => ColumnMath.Median(present);
}
