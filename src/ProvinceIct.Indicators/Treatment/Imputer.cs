using System.Collections.Immutable;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// A cross-sectional imputation strategy: fills the missing (NaN) values of chosen indicators from the same dataset.
/// A closed hierarchy with one sealed case per method (<see cref="MeanImputer"/>, <see cref="MedianImputer"/>,
/// <see cref="GroupMeanImputer"/>, <see cref="GroupMedianImputer"/>, <see cref="WithinPillarImputer"/>), plus
/// <see cref="CustomImputer"/>, the base of a user's own method. Immutable; use the named instances and factories
/// (<see cref="Mean"/>, <see cref="Median"/>, <see cref="GroupMean"/>, <see cref="GroupMedian"/>, <see cref="WithinPillar"/>).
/// Every statistic is computed from the values present before imputation (an imputed value never feeds another). Only
/// missing values change; each is logged, imputed or not. For panel data see <see cref="PanelImputer"/>.
/// <para>Method text (<see cref="ToString"/>, read back by <c>Methods.MethodRegistry</c>): <c>mean</c>, <c>median</c>,
/// <c>group-mean(region)</c>, <c>group-median(region)</c>; <c>within-pillar</c> is written but not read (it needs a framework).</para>
/// </summary>
public abstract record Imputer
{
    private protected Imputer()
    {
    }

    /// <summary>Each missing value becomes the mean of the indicator's present values (COINr <c>i_mean</c>); a column without any value stays missing (<see cref="ImputationOutcome.NoData"/>).</summary>
    public static Imputer Mean => MeanImputer.Instance;

    /// <summary>Each missing value becomes the median of the indicator's present values (COINr <c>i_median</c>); a column without any value stays missing.</summary>
    public static Imputer Median => MedianImputer.Instance;

    /// <summary>The method's canonical name in method text, lower case (<c>mean</c>, <c>median</c>, <c>group-mean</c>, <c>group-median</c>, <c>within-pillar</c>, or a user method's name).</summary>
    public abstract string Name { get; }

    /// <summary>The tag written in each log entry (<see cref="ImputationLogEntry.Method"/>).</summary>
    private protected abstract ImputationMethod LogMethod { get; }

    /// <summary>
    /// Each missing value becomes the mean of the indicator's present values over the units of the same group
    /// (<see cref="Unit.Group"/>; COINr <c>i_mean_grp</c>). A unit without a group, or whose group has no value, stays
    /// missing and is logged (<see cref="ImputationOutcome.NoGroup"/>, <see cref="ImputationOutcome.GroupWithoutData"/>).
    /// </summary>
    /// <param name="groupName">The group name, for example <c>region</c>.</param>
    /// <returns>The imputer.</returns>
    /// <exception cref="ValidationException">(<see cref="ProblemCode.InvalidParameter"/>) When the group name is blank.</exception>
    public static Imputer GroupMean(string groupName) => new GroupMeanImputer(groupName);

    /// <summary>As <see cref="GroupMean"/> with the group's median (COINr <c>i_median_grp</c>).</summary>
    /// <param name="groupName">The group name, for example <c>region</c>.</param>
    /// <returns>The imputer.</returns>
    /// <exception cref="ValidationException">(<see cref="ProblemCode.InvalidParameter"/>) When the group name is blank.</exception>
    public static Imputer GroupMedian(string groupName) => new GroupMedianImputer(groupName);

    /// <summary>
    /// Each missing value of an indicator becomes the unit's plain mean of its present values on the other indicators
    /// with the same parent node in <paramref name="framework"/> (see <see cref="WithinPillarImputer"/>).
    /// </summary>
    /// <param name="framework">The framework that defines the pillars.</param>
    /// <returns>The imputer.</returns>
    public static Imputer WithinPillar(Framework framework) => new WithinPillarImputer(framework);

    /// <summary>The method text of this imputer: its name and, for a group imputer, the group, for example <c>group-mean(region)</c>.</summary>
    /// <returns>The call.</returns>
    /// <exception cref="ArgumentException">When a group name has a character method text cannot hold (<c>, ( ) = [ ]</c>).</exception>
    public virtual MethodCall ToMethodCall() => MethodCall.Create(Name);

    /// <summary>The canonical method text: <c>mean</c>, <c>median</c>, <c>group-mean(region)</c>, <c>group-median(region)</c>, <c>within-pillar</c>, or a user method's text.</summary>
    /// <returns>The invariant text.</returns>
    public sealed override string ToString() => Text;

    /// <summary>Imputes the missing values of the chosen indicators.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="indicatorCodes">
    /// The columns to impute, or null for every column (within a pillar: every column that is an indicator of the framework).
    /// </param>
    /// <returns>The imputed dataset and a log entry per missing value of those columns.</returns>
    /// <exception cref="KeyNotFoundException">When a code is not a column of the dataset.</exception>
    /// <exception cref="CalculationException">When a user imputer changes a present value (the unit and indicator are named).</exception>
    public ImputationResult Apply(Dataset dataset, IEnumerable<string>? indicatorCodes = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var codes = (indicatorCodes ?? DefaultColumns(dataset)).Distinct(StringComparer.Ordinal).ToList();
        var targets = codes.Select(dataset.IndexOfIndicator).ToHashSet();
        var log = ImmutableArray.CreateBuilder<ImputationLogEntry>();
        var columns = new List<KeyValuePair<string, double[]>>(dataset.IndicatorCount);
        var text = ToString();
        for (var j = 0; j < dataset.IndicatorCount; j++)
        {
            var values = dataset.Column(j).ToArray();
            if (targets.Contains(j))
            {
                var code = dataset.IndicatorCodes[j];
                Impute(dataset, j, values, (unit, value, outcome) =>
                    log.Add(new ImputationLogEntry(null, dataset.Units[unit].Code, code, value, LogMethod, outcome, text)));
            }

            columns.Add(KeyValuePair.Create(dataset.IndicatorCodes[j], values));
        }

        return new ImputationResult(Dataset.FromColumns(dataset.Units, columns), log.ToImmutable());
    }

    /// <summary>The readable imputers by name (within-pillar needs a framework and is not read), composed by <c>Methods.MethodRegistry.Default</c>.</summary>
    internal static IReadOnlyList<KeyValuePair<string, Func<MethodArguments, Imputer>>> BuiltIns { get; } =
    [
        new(MeanImputer.MethodName, a => NoArguments(a, Mean)),
        new(MedianImputer.MethodName, a => NoArguments(a, Median)),
        new(GroupMeanImputer.MethodName, a => Group(a, GroupMean)),
        new(GroupMedianImputer.MethodName, a => Group(a, GroupMedian)),
    ];

    /// <summary>The canonical text (<see cref="ToString"/>); a group imputer writes a group name that method text cannot hold as it is.</summary>
    private protected virtual string Text => ToMethodCall().ToString();

    /// <summary>The columns imputed when none are named: every column of the dataset.</summary>
    private protected virtual IEnumerable<string> DefaultColumns(Dataset dataset) => dataset.IndicatorCodes;

    /// <summary>
    /// Fills the missing values of column <paramref name="column"/> in <paramref name="values"/> (a copy of the column)
    /// and reports each missing value once through <paramref name="log"/>: the unit's position, its new value (NaN
    /// when left missing) and the outcome.
    /// </summary>
    private protected abstract void Impute(Dataset dataset, int column, double[] values, Action<int, double, ImputationOutcome> log);

    /// <summary>Sets every missing value to <paramref name="fill"/>, logging it as imputed, or as <see cref="ImputationOutcome.NoData"/> when the fill is NaN.</summary>
    private protected static void FillMissing(double[] values, double fill, Action<int, double, ImputationOutcome> log)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                values[i] = fill;
                log(i, fill, double.IsNaN(fill) ? ImputationOutcome.NoData : ImputationOutcome.Imputed);
            }
        }
    }

    private static Imputer NoArguments(MethodArguments arguments, Imputer imputer)
    {
        arguments.EnsureAllRead();
        return imputer;
    }

    private static Imputer Group(MethodArguments arguments, Func<string, Imputer> create)
    {
        var group = arguments.Text(0, "group");
        arguments.EnsureAllRead();
        return create(group);
    }
}
