using System.Globalization;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>One replication left out under <see cref="FailedReplicationPolicy.Skip"/>.</summary>
/// <param name="Index">The replication number (0-based; for sensitivity analysis the run number, base row j's runs being j (d + 2) to j (d + 2) + d + 1).</param>
/// <param name="Reason">Why it failed: the calculation's message, naming the node and unit (without the replication number, so equal reasons group).</param>
public sealed record ReplicationFailure(long Index, string Reason)
{
    /// <summary>Formats as <c>replication i: reason</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "replication " + Index.ToString(CultureInfo.InvariantCulture) + ": " + Reason;

    /// <summary>The reason of a failed replication's exception: the calculation's own message, after the model's "Replication i failed (...): " prefix.</summary>
    internal static string ReasonOf(Exception ex)
    {
        const string Prefix = "Replication ";
        var m = ex.Message;
        var cut = m.StartsWith(Prefix, StringComparison.Ordinal) ? m.IndexOf(")" + FactorModel.ReasonSeparator, StringComparison.Ordinal) : -1;
        return cut < 0 ? m : m[(cut + 1 + FactorModel.ReasonSeparator.Length)..];
    }

    /// <summary>"N of M replications failed: reason (count); ..." with the reasons by count (descending), then text; empty when none failed.</summary>
    internal static string Summary(IReadOnlyCollection<ReplicationFailure> failures, long total, string what)
    {
        if (failures.Count == 0)
        {
            return string.Empty;
        }

        var groups = failures.GroupBy(f => f.Reason, StringComparer.Ordinal)
            .Select(g => (Reason: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Reason, StringComparer.Ordinal)
            .Select(g => g.Reason + " (" + g.Count.ToString(CultureInfo.InvariantCulture) + ")");
        return string.Create(CultureInfo.InvariantCulture, $"{failures.Count} of {total} {what} failed: ") + string.Join("; ", groups);
    }
}
