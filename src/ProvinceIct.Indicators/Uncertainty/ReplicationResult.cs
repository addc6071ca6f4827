using System.Collections.Immutable;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>One replication replayed: the factor values it drew, the methodology they amount to, and the full result.</summary>
/// <param name="Index">The replication number (0-based).</param>
/// <param name="FactorValues">Each factor's name and the value drawn, in words.</param>
/// <param name="Methodology">The nominal methodology with the drawn weights and methods.</param>
/// <param name="Result">The full result of that methodology on the data.</param>
public sealed record ReplicationResult(long Index, ImmutableArray<KeyValuePair<string, string>> FactorValues, Methodology Methodology, IndexResult Result)
{
    /// <summary>Formats as <c>replication i: factor = value; ...</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        "replication " + Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + string.Join("; ", FactorValues.Select(v => v.Key + " = " + v.Value));
}
