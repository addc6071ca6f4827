using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>One replication left out under <see cref="FailedReplicationPolicy.Skip"/>.</summary>
/// <param name="Index">The replication number (0-based; for sensitivity analysis the run number, base row j's runs being j (d + 2) to j (d + 2) + d + 1).</param>
/// <param name="Reason">Why it failed: the calculation's message, naming the node and unit (without the replication number, so equal reasons group).</param>
public sealed record ReplicationFailure(long Index, string Reason)
{
    /// <summary>Formats as <c>replication i: reason</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "replication " + Index.ToString(CultureInfo.InvariantCulture) + ": " + Reason;

    /// <summary>
    /// The reason as a resource text, for rendering in other languages (its English is <see cref="Reason"/>); null when
    /// the reason was given as plain text. Not part of equality: two failures are equal when index and reason are.
    /// </summary>
    internal ProblemText? ReasonText { get; init; }

    /// <summary>Equal when <see cref="Index"/> and <see cref="Reason"/> are.</summary>
    /// <param name="other">The other failure.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(ReplicationFailure? other) => other is not null && Index == other.Index && string.Equals(Reason, other.Reason, StringComparison.Ordinal);

    /// <summary>A hash of <see cref="Index"/> and <see cref="Reason"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Index, StringComparer.Ordinal.GetHashCode(Reason));

    /// <summary>The failure of a replication's exception: its reason (<see cref="ReasonOf"/>) and, when the exception keeps its message as a resource text, that reason as one.</summary>
    internal static ReplicationFailure Of(long index, Exception ex)
    {
        var reason = ReasonOf(ex);
        var text = ex is CalculationException { MessageText: { Key: "Calc_Replication" } message } && message.Argument(1) is ProblemText inner
            && string.Equals(inner.Render(CultureInfo.InvariantCulture), reason, StringComparison.Ordinal)
            ? inner
            : null;
        return new ReplicationFailure(index, reason) { ReasonText = text };
    }

    /// <summary>The reason of a failed replication's exception: the calculation's own message, after the model's "Replication i failed (...): " prefix.</summary>
    internal static string ReasonOf(Exception ex)
    {
        const string Prefix = "Replication ";
        var m = ex.Message;
        var cut = m.StartsWith(Prefix, StringComparison.Ordinal) ? m.IndexOf(")" + FactorModel.ReasonSeparator, StringComparison.Ordinal) : -1;
        return cut < 0 ? m : m[(cut + 1 + FactorModel.ReasonSeparator.Length)..];
    }

    /// <summary>
    /// "N of M replications failed: reason (count); ..." with the reasons by count (descending), then English text;
    /// empty when none failed. <paramref name="what"/> is the resource key of the counted word; the text is in the
    /// language of <paramref name="culture"/> (English for the invariant culture), each reason too when it is kept as a resource text.
    /// </summary>
    internal static string Summary(IReadOnlyCollection<ReplicationFailure> failures, long total, string what, CultureInfo culture)
    {
        if (failures.Count == 0)
        {
            return string.Empty;
        }

        var groups = failures.GroupBy(f => f.Reason, StringComparer.Ordinal)
            .Select(g => (Reason: g.Key, Text: g.First().ReasonText, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Reason, StringComparer.Ordinal)
            .Select(g => (g.Text?.Render(culture) ?? g.Reason) + " (" + g.Count.ToString(CultureInfo.InvariantCulture) + ")");
        return new ProblemText(
            "Replication_FailedSummary",
            failures.Count.ToString(CultureInfo.InvariantCulture),
            total.ToString(CultureInfo.InvariantCulture),
            new ProblemText(what),
            ProblemText.Verbatim(string.Join("; ", groups))).Render(culture);
    }
}
