namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Group-mean imputation (COINr <c>i_mean_grp</c>): each missing value becomes the mean of the indicator's present
/// values over the units of the same group (see <see cref="GroupImputer"/> for the units left missing). Method text:
/// <c>group-mean(region)</c>.
/// </summary>
public sealed record GroupMeanImputer : GroupImputer
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "group-mean";

    /// <summary>Creates the imputer.</summary>
    /// <param name="groupName">The group name, for example <c>region</c>.</param>
    /// <exception cref="Errors.ValidationException">(<see cref="Errors.ProblemCode.InvalidParameter"/>) When the group name is blank.</exception>
    public GroupMeanImputer(string groupName)
        : base(MethodName, groupName)
    {
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    private protected override ImputationMethod LogMethod => ImputationMethod.GroupMean;

    /// <inheritdoc/>
    private protected override double Statistic(ReadOnlySpan<double> present) => ColumnMath.Mean(present);
}
