using System.Collections.Immutable;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>The log of a calculation: one entry per node, indicators first, then aggregates level by level.</summary>
public sealed class CalculationLog
{
    internal CalculationLog(ImmutableArray<NodeLogEntry> entries) => Entries = entries;

    /// <summary>The entries, in compiled node order.</summary>
    public ImmutableArray<NodeLogEntry> Entries { get; }

    /// <summary>The entry of one node.</summary>
    /// <param name="nodeCode">The node code.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="KeyNotFoundException">When the node does not exist.</exception>
    public NodeLogEntry this[string nodeCode] =>
        Entries.FirstOrDefault(e => e.NodeCode == nodeCode) ?? throw new KeyNotFoundException($"The log has no node '{nodeCode}'.");

    /// <summary>One line per node.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Join("\n", Entries.Select(e => e.ToString()));
}
