using System.Collections.Immutable;

namespace ProvinceIct.Indicators.Geography;

/// <summary>How one value of one 2025 unit was obtained: the column, the rule, the outcome and the predecessors that had no value.</summary>
public sealed class RemapCellLog
{
    internal RemapCellLog(string unitCode, string indicatorCode, RemapRule rule, RemapOutcome outcome, ImmutableArray<string> missingPredecessorCodes)
    {
        UnitCode = unitCode;
        IndicatorCode = indicatorCode;
        Rule = rule;
        Outcome = outcome;
        MissingPredecessorCodes = missingPredecessorCodes;
    }

    /// <summary>The GSO code of the 2025 unit.</summary>
    public string UnitCode { get; }

    /// <summary>The column code.</summary>
    public string IndicatorCode { get; }

    /// <summary>The rule applied.</summary>
    public RemapRule Rule { get; }

    /// <summary>Whether every predecessor contributed, some did, or the value is missing.</summary>
    public RemapOutcome Outcome { get; }

    /// <summary>
    /// The 2016 codes of the predecessors that had no value: absent from the dataset, NaN, or (for a weighted mean of
    /// two or more predecessors) a NaN weight; in GSO order, empty when none.
    /// </summary>
    public ImmutableArray<string> MissingPredecessorCodes { get; }

    /// <summary>True for a sum over only some of the predecessors (<see cref="RemapMissingPolicy.UseAvailable"/>): it undercounts the unit.</summary>
    public bool IsPartialSum => Outcome == RemapOutcome.Partial && Rule.Method == RemapMethod.Sum;

    /// <summary>Formats as <c>75 population: sum, partial (missing 70)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var outcome = Outcome switch
        {
            RemapOutcome.Complete => "complete",
            RemapOutcome.Partial => "partial",
            _ => "missing",
        };
        var missing = MissingPredecessorCodes.IsEmpty ? string.Empty : " (missing " + string.Join(", ", MissingPredecessorCodes) + ")";
        return UnitCode + " " + IndicatorCode + ": " + Rule + ", " + outcome + missing;
    }
}
