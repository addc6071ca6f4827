using System.Collections.Immutable;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// A cross-sectional imputation strategy: fills the missing (NaN) values of chosen indicators from the same dataset.
/// Immutable; use the named instances and factories (<see cref="Mean"/>, <see cref="Median"/>, <see cref="GroupMean"/>,
/// <see cref="GroupMedian"/>, <see cref="WithinPillar"/>). Every statistic is computed from the values present
/// before imputation (an imputed value never feeds another). Only missing values change; each is logged, imputed or
/// not. For panel data see <see cref="PanelImputer"/>.
/// <para>Method text (<see cref="ToString"/>, read back by <c>Methods.MethodRegistry</c>): <c>mean</c>, <c>median</c>,
/// <c>group-mean(region)</c>, <c>group-median(region)</c>; <c>within-pillar</c> is written but not read (it needs a framework).</para>
/// </summary>
public sealed record Imputer
{
    private Imputer(ImputationMethod method)
    {
        Method = method;
    }

    /// <summary>Each missing value becomes the mean of the indicator's present values (COINr <c>i_mean</c>); a column without any value stays missing (<see cref="ImputationOutcome.NoData"/>).</summary>
    public static Imputer Mean { get; } = new(ImputationMethod.Mean);

    /// <summary>Each missing value becomes the median of the indicator's present values (COINr <c>i_median</c>); a column without any value stays missing.</summary>
    public static Imputer Median { get; } = new(ImputationMethod.Median);

    /// <summary>
    /// Each missing value becomes the mean of the indicator's present values over the units of the same group
    /// (<see cref="Unit.Group"/>; COINr <c>i_mean_grp</c>). A unit without a group, or whose group has no value, stays
    /// missing and is logged (<see cref="ImputationOutcome.NoGroup"/>, <see cref="ImputationOutcome.GroupWithoutData"/>).
    /// </summary>
    /// <param name="groupName">The group name, for example <c>region</c>.</param>
    /// <returns>The imputer.</returns>
    public static Imputer GroupMean(string groupName) => new(ImputationMethod.GroupMean) { GroupName = Internal.Preconditions.NotBlank(groupName) };

    /// <summary>As <see cref="GroupMean"/> with the group's median.</summary>
    /// <param name="groupName">The group name, for example <c>region</c>.</param>
    /// <returns>The imputer.</returns>
    public static Imputer GroupMedian(string groupName) => new(ImputationMethod.GroupMedian) { GroupName = Internal.Preconditions.NotBlank(groupName) };

    /// <summary>
    /// Each missing value of an indicator becomes the unit's plain mean of its present values on the other indicators
    /// with the same parent node in <paramref name="framework"/> (aggregate siblings and columns absent from the dataset
    /// are ignored). The indicators must already be on a common scale: apply it to normalised data. A unit with no
    /// other present indicator in the pillar stays missing (<see cref="ImputationOutcome.NoData"/>); an indicator that
    /// is not in the framework stays missing (<see cref="ImputationOutcome.NotInFramework"/>).
    /// </summary>
    /// <param name="framework">The framework that defines the pillars.</param>
    /// <returns>The imputer.</returns>
    public static Imputer WithinPillar(Framework framework) =>
        new(ImputationMethod.WithinPillar) { Framework = framework ?? throw new ArgumentNullException(nameof(framework)) };

    /// <summary>The method.</summary>
    public ImputationMethod Method { get; }

    /// <summary>The group name for <see cref="ImputationMethod.GroupMean"/> and <see cref="ImputationMethod.GroupMedian"/>; null otherwise.</summary>
    public string? GroupName { get; private init; }

    /// <summary>The framework for <see cref="ImputationMethod.WithinPillar"/>; null otherwise.</summary>
    public Framework? Framework { get; private init; }

    /// <summary>Imputes the missing values of the chosen indicators.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="indicatorCodes">
    /// The columns to impute, or null for every column (within a pillar: every column that is an indicator of the framework).
    /// </param>
    /// <returns>The imputed dataset and a log entry per missing value of those columns.</returns>
    /// <exception cref="KeyNotFoundException">When a code is not a column of the dataset.</exception>
    public ImputationResult Apply(Dataset dataset, IEnumerable<string>? indicatorCodes = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var codes = (indicatorCodes
            ?? (Method == ImputationMethod.WithinPillar ? dataset.IndicatorCodes.Where(c => Framework!.Contains(c) && Framework[c].IsIndicator) : dataset.IndicatorCodes))
            .Distinct(StringComparer.Ordinal).ToList();
        var targets = codes.Select(dataset.IndexOfIndicator).ToHashSet();
        var log = ImmutableArray.CreateBuilder<ImputationLogEntry>();
        var columns = new List<KeyValuePair<string, double[]>>(dataset.IndicatorCount);
        for (var j = 0; j < dataset.IndicatorCount; j++)
        {
            var values = dataset.Column(j).ToArray();
            if (targets.Contains(j))
            {
                Impute(dataset, j, values, log);
            }

            columns.Add(KeyValuePair.Create(dataset.IndicatorCodes[j], values));
        }

        return new ImputationResult(Dataset.FromColumns(dataset.Units, columns), log.ToImmutable());
    }

    /// <summary>The method's canonical name in method text: <c>mean</c>, <c>median</c>, <c>group-mean</c>, <c>group-median</c> or <c>within-pillar</c>.</summary>
    public string Name => Method switch
    {
        ImputationMethod.Mean => "mean",
        ImputationMethod.Median => "median",
        ImputationMethod.GroupMean => "group-mean",
        ImputationMethod.GroupMedian => "group-median",
        _ => "within-pillar",
    };

    /// <summary>The method text of this imputer: its name and, for a group imputer, the group, for example <c>group-mean(region)</c>.</summary>
    /// <returns>The call.</returns>
    /// <exception cref="ArgumentException">When the group name has a character method text cannot hold (<c>, ( ) = [ ]</c>).</exception>
    public MethodCall ToMethodCall() => GroupName is null ? MethodCall.Create(Name) : MethodCall.Create(Name).With(GroupName);

    /// <summary>The canonical method text: <c>mean</c>, <c>median</c>, <c>group-mean(region)</c>, <c>group-median(region)</c> or <c>within-pillar</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        GroupName is null || GroupName.IndexOfAny([',', '(', ')', '=', '[', ']']) < 0 ? ToMethodCall().ToString() : Name + "(" + GroupName + ")";

    /// <summary>The readable imputers by name (within-pillar needs a framework and is not read), composed by <c>Methods.MethodRegistry.Default</c>.</summary>
    internal static IReadOnlyList<KeyValuePair<string, Func<MethodArguments, Imputer>>> BuiltIns { get; } =
    [
        new("mean", a => NoArguments(a, Mean)),
        new("median", a => NoArguments(a, Median)),
        new("group-mean", a => Group(a, GroupMean)),
        new("group-median", a => Group(a, GroupMedian)),
    ];

    /// <summary>Reads an imputer's method text (one of <see cref="BuiltIns"/>).</summary>
    /// <exception cref="ValidationException">When the name is unknown or the arguments are wrong.</exception>
    internal static Imputer Read(MethodCall call)
    {
        foreach (var (name, read) in BuiltIns)
        {
            if (name == call.Name)
            {
                return read(new MethodArguments(call));
            }
        }

        throw new MethodArguments(call).Fail($"Unknown imputer '{call.Name}'; expected mean, median, group-mean or group-median.", "mean, median, group-mean or group-median", call.Name);
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

    private void Impute(Dataset dataset, int j, double[] values, ImmutableArray<ImputationLogEntry>.Builder log)
    {
        var code = dataset.IndicatorCodes[j];
        var original = dataset.Column(j);
        switch (Method)
        {
            case ImputationMethod.Mean:
            case ImputationMethod.Median:
            {
                var present = ColumnMath.Present(original);
                var fill = Method == ImputationMethod.Mean ? ColumnMath.Mean(present) : ColumnMath.Median(present);
                for (var i = 0; i < values.Length; i++)
                {
                    if (double.IsNaN(values[i]))
                    {
                        values[i] = fill;
                        log.Add(Entry(dataset, i, code, fill, double.IsNaN(fill) ? ImputationOutcome.NoData : ImputationOutcome.Imputed));
                    }
                }

                break;
            }

            case ImputationMethod.GroupMean:
            case ImputationMethod.GroupMedian:
            {
                var byGroup = new Dictionary<string, List<double>>(StringComparer.Ordinal);
                for (var i = 0; i < values.Length; i++)
                {
                    if (dataset.Units[i].Group(GroupName!) is { } g)
                    {
                        if (!byGroup.TryGetValue(g, out var list))
                        {
                            byGroup[g] = list = [];
                        }

                        if (!double.IsNaN(original[i]))
                        {
                            list.Add(original[i]);
                        }
                    }
                }

                for (var i = 0; i < values.Length; i++)
                {
                    if (!double.IsNaN(values[i]))
                    {
                        continue;
                    }

                    if (dataset.Units[i].Group(GroupName!) is not { } g)
                    {
                        log.Add(Entry(dataset, i, code, double.NaN, ImputationOutcome.NoGroup));
                        continue;
                    }

                    var group = byGroup[g].ToArray();
                    var fill = Method == ImputationMethod.GroupMean ? ColumnMath.Mean(group) : ColumnMath.Median(group);
                    values[i] = fill;
                    log.Add(Entry(dataset, i, code, fill, group.Length == 0 ? ImputationOutcome.GroupWithoutData : ImputationOutcome.Imputed));
                }

                break;
            }

            default:
            {
                var framework = Framework!;
                var siblings = framework.Contains(code) && framework[code].IsIndicator && framework[code].ParentCode is { } parent
                    ? framework.Children(parent).Where(n => n.IsIndicator && n.Code != code && dataset.HasIndicator(n.Code)).Select(n => dataset.IndexOfIndicator(n.Code)).ToArray()
                    : null;
                for (var i = 0; i < values.Length; i++)
                {
                    if (!double.IsNaN(values[i]))
                    {
                        continue;
                    }

                    if (siblings is null)
                    {
                        log.Add(Entry(dataset, i, code, double.NaN, ImputationOutcome.NotInFramework));
                        continue;
                    }

                    var present = siblings.Select(k => dataset[i, k]).Where(x => !double.IsNaN(x)).ToArray();
                    var fill = ColumnMath.Mean(present);
                    values[i] = fill;
                    log.Add(Entry(dataset, i, code, fill, present.Length == 0 ? ImputationOutcome.NoData : ImputationOutcome.Imputed));
                }

                break;
            }
        }
    }

    private ImputationLogEntry Entry(Dataset dataset, int unit, string code, double value, ImputationOutcome outcome) =>
        new(null, dataset.Units[unit].Code, code, value, Method, outcome);
}
