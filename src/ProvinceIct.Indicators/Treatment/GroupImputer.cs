using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// The shared part of the group imputers (<see cref="GroupMeanImputer"/>, <see cref="GroupMedianImputer"/>): each
/// missing value becomes a statistic of the indicator's present values over the units of the same group
/// (<see cref="Unit.Group"/>). A unit without a group stays missing (<see cref="ImputationOutcome.NoGroup"/>), as does one
/// whose group has no present value (<see cref="ImputationOutcome.GroupWithoutData"/>).
/// </summary>
public abstract record GroupImputer : Imputer
{
    private protected GroupImputer(string method, string groupName)
    {
        GroupName = ParameterCheck.NotBlank(method, "group", groupName);
    }

    /// <summary>The group name, for example <c>region</c> (a <c>Group_region</c> column of the data).</summary>
    public string GroupName { get; }

    /// <inheritdoc/>
    public sealed override MethodCall ToMethodCall() => MethodCall.Create(Name).With(GroupName);

    /// <inheritdoc/>
    private protected sealed override string Text =>
        GroupName.IndexOfAny([',', '(', ')', '=', '[', ']']) < 0 ? ToMethodCall().ToString() : Name + "(" + GroupName + ")";

    /// <summary>The statistic of a group's present values (NaN for none).</summary>
    private protected abstract double Statistic(ReadOnlySpan<double> present);

    /// <inheritdoc/>
    private protected sealed override void Impute(Dataset dataset, int column, double[] values, Action<int, double, ImputationOutcome> log)
    {
        var original = dataset.Column(column);
        var byGroup = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            if (dataset.Units[i].Group(GroupName) is { } g)
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

        var fills = byGroup.ToDictionary(kv => kv.Key, kv => (Value: Statistic(kv.Value.ToArray()), Count: kv.Value.Count), StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                continue;
            }

            if (dataset.Units[i].Group(GroupName) is not { } g)
            {
                log(i, double.NaN, ImputationOutcome.NoGroup);
                continue;
            }

            var (fill, count) = fills[g];
            values[i] = fill;
            log(i, fill, count == 0 ? ImputationOutcome.GroupWithoutData : ImputationOutcome.Imputed);
        }
    }
}
