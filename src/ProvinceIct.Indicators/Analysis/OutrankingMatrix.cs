using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// The weighted outranking matrix of the units on one aggregate's children, with the dominance counts and the Copeland
/// scores COINr reports (<c>outrankMatrix</c>: <c>nDominant</c>, <c>fracDominant</c>; <c>a_copeland</c>). <c>O[j, k]</c>
/// is the weighted share of the children on which unit j beats unit k, ties counting half. A pair is dominant when one
/// unit beats the other on all of the weight, <c>O = 1</c> exactly (as COINr tests it: whole-matrix count of entries
/// equal to 1). Missing values follow <see cref="Policy"/>; under <see cref="OutrankingMissingPolicy.Coinr"/> the
/// numbers depend on the order of the units. Immutable.
/// </summary>
public sealed class OutrankingMatrix
{
    private readonly double[,] _o;

    private OutrankingMatrix(ImmutableArray<string> unitCodes, double[,] o, OutrankingMissingPolicy policy)
    {
        UnitCodes = unitCodes;
        _o = o;
        Policy = policy;
        var n = unitCodes.Length;
        var dominant = 0;
        var copeland = new double[n];
        for (var j = 0; j < n; j++)
        {
            for (var k = 0; k < n; k++)
            {
                if (j == k)
                {
                    continue;
                }

                var x = o[j, k];
                dominant += x == 1 ? 1 : 0;
                copeland[j] += x > 0.5 ? 1 : x < 0.5 ? -1 : 0; // NaN (no shared child) adds 0, as COINr's rowSums(na.rm = TRUE)
            }
        }

        DominantPairs = dominant;
        DominantFraction = n < 2 ? double.NaN : dominant / (n * (n - 1) / 2.0);
        CopelandScores = [.. copeland];
    }

    /// <summary>The units, in the order of the rows and columns.</summary>
    public ImmutableArray<string> UnitCodes { get; }

    /// <summary>How missing values were treated.</summary>
    public OutrankingMissingPolicy Policy { get; }

    /// <summary>COINr's <c>nDominant</c>: the number of entries equal to 1, that is of pairs in which one unit beats the other on all of the weight.</summary>
    public int DominantPairs { get; }

    /// <summary>COINr's <c>fracDominant</c>: <see cref="DominantPairs"/> divided by the number of pairs <c>n (n - 1) / 2</c>; NaN for fewer than 2 units.</summary>
    public double DominantFraction { get; }

    /// <summary>
    /// The Copeland score of each unit, parallel to <see cref="UnitCodes"/>: the number of units it outranks
    /// (<c>O &gt; 0.5</c>) minus the number that outrank it (<c>O &lt; 0.5</c>); an undefined entry (NaN) counts 0.
    /// Under <see cref="OutrankingMissingPolicy.Coinr"/> these are COINr's <c>a_copeland</c> scores (order-dependent
    /// with missing data); under <see cref="OutrankingMissingPolicy.SharedChildren"/> they equal the Copeland
    /// aggregator's for the units with a score.
    /// </summary>
    public ImmutableArray<double> CopelandScores { get; }

    /// <summary>The number of units.</summary>
    public int Count => UnitCodes.Length;

    /// <summary>The entry <c>O[j, k]</c>.</summary>
    /// <param name="j">The row unit's position.</param>
    /// <param name="k">The column unit's position.</param>
    public double this[int j, int k] => _o[j, k];

    /// <summary>The entry for two units by code.</summary>
    /// <param name="unitCode">The row unit.</param>
    /// <param name="otherCode">The column unit.</param>
    /// <returns>The share of the weight on which the first beats the second.</returns>
    /// <exception cref="KeyNotFoundException">When a code is not one of <see cref="UnitCodes"/>.</exception>
    public double Value(string unitCode, string otherCode) => _o[Index(unitCode), Index(otherCode)];

    /// <summary>Builds the matrix from scores given directly.</summary>
    /// <param name="unitCodes">The units (unique), in row order; under <see cref="OutrankingMissingPolicy.Coinr"/> this order matters.</param>
    /// <param name="scores">One row per unit, one column per child; NaN is missing.</param>
    /// <param name="weights">The children's weights (relative; finite, non-negative, not all zero).</param>
    /// <param name="policy">The missing-value policy (default <see cref="OutrankingMissingPolicy.SharedChildren"/>).</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">When the shapes differ, a code repeats, or a weight is negative, not finite, or all are zero.</exception>
    public static OutrankingMatrix Create(IReadOnlyList<string> unitCodes, double[,] scores, IReadOnlyList<double> weights, OutrankingMissingPolicy policy = OutrankingMissingPolicy.SharedChildren)
    {
        ArgumentNullException.ThrowIfNull(unitCodes);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(weights);
        Internal.Preconditions.SameLength(unitCodes.Count, scores.GetLength(0), nameof(scores));
        Internal.Preconditions.SameLength(scores.GetLength(1), weights.Count, nameof(weights));
        if (unitCodes.Distinct(StringComparer.Ordinal).Count() != unitCodes.Count)
        {
            throw new ArgumentException("Unit codes must be unique.", nameof(unitCodes));
        }

        if (weights.Any(w => !double.IsFinite(w) || w < 0) || !weights.Any(w => w > 0))
        {
            throw new ArgumentException("Weights must be finite, non-negative and not all zero.", nameof(weights));
        }

        var o = policy switch
        {
            OutrankingMissingPolicy.SharedChildren => Aggregation.Aggregator.OutrankingMatrix(scores, weights),
            OutrankingMissingPolicy.Coinr => Coinr(scores, weights),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown missing-value policy."),
        };
        if (policy == OutrankingMissingPolicy.SharedChildren)
        {
            for (var j = 0; j < unitCodes.Count; j++)
            {
                o[j, j] = 0; // COINr's diagonal; a unit is not compared with itself
            }
        }

        return new OutrankingMatrix([.. unitCodes], o, policy);
    }

    /// <summary>
    /// Builds the matrix of one aggregate's children in a result: normalised values for indicator children, scores for
    /// aggregate children (read with their direction), weighted by the result's framework weights, units in result order.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="nodeCode">An aggregate of the result's framework.</param>
    /// <param name="policy">The missing-value policy (default <see cref="OutrankingMissingPolicy.SharedChildren"/>).</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="KeyNotFoundException">When the node is not in the framework.</exception>
    /// <exception cref="ArgumentException">When the node is an indicator, or its children's weights are all zero.</exception>
    public static OutrankingMatrix FromResult(IndexResult result, string nodeCode, OutrankingMissingPolicy policy = OutrankingMissingPolicy.SharedChildren)
    {
        ArgumentNullException.ThrowIfNull(result);
        Internal.Preconditions.NotBlank(nodeCode);
        var fw = result.Methodology.Framework;
        var children = fw.Children(nodeCode).ToArray();
        if (children.Length == 0)
        {
            throw new ArgumentException($"Node '{nodeCode}' has no children to compare the units on.", nameof(nodeCode));
        }

        var columns = children.Select(c => AnalysisMath.AsParentReads(result, c)).ToArray();
        var n = result.Units.Length;
        var scores = new double[n, children.Length];
        for (var u = 0; u < n; u++)
        {
            for (var c = 0; c < children.Length; c++)
            {
                scores[u, c] = columns[c][u];
            }
        }

        return Create(result.Units.Select(u => u.Code).ToArray(), scores, children.Select(c => c.Weight).ToArray(), policy);
    }

    /// <summary>
    /// The matrix as a table (name <c>outranking</c>): one row per unit in <see cref="UnitCodes"/> order with its code
    /// (<c>unit</c>), then one column per unit keyed by its code holding <c>O[row, column]</c> (2 decimals; NaN, a pair
    /// without a shared child, is missing), then <c>copeland</c> (<see cref="CopelandScores"/>). The notes give the policy
    /// and the dominance counts.
    /// </summary>
    /// <returns>The table.</returns>
    public Tables.Table ToTable()
    {
        var f = Tables.NumberFormat.Fixed(2);
        var rowKey = UnitCodes.Contains("unit", StringComparer.Ordinal) ? "unit_" : "unit";
        var scoreKey = UnitCodes.Contains("copeland", StringComparer.Ordinal) ? "copeland_" : "copeland";
        List<Tables.TableColumn> columns = [Tables.TableColumn.Label(rowKey, "Unit")];
        columns.AddRange(UnitCodes.Select(c => Tables.TableColumn.Number(c, c, f)));
        columns.Add(Tables.TableColumn.Integer(scoreKey, "Copeland"));
        var table = new Tables.TableBuilder("Outranking matrix (" + (Policy == OutrankingMissingPolicy.Coinr ? "coinr" : "shared-children") + ")", columns, "outranking");
        for (var j = 0; j < Count; j++)
        {
            List<Tables.TableCell> cells = [UnitCodes[j]];
            for (var k = 0; k < Count; k++)
            {
                cells.Add(_o[j, k]);
            }

            cells.Add(CopelandScores[j]);
            table.AddRow([.. cells]);
        }

        table.AddNote("O[row, column]: the weighted share of the children on which the row unit beats the column unit, ties counting half.");
        table.AddNote(DominantPairs.ToString(CultureInfo.InvariantCulture) + " dominant pairs (fraction " + DominantFraction.ToString("0.0000", CultureInfo.InvariantCulture) + ").");
        return table.Build();
    }

    /// <summary>Formats as <c>Outranking of 63 units (coinr): 412 dominant pairs (0.2120 of 1953)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "Outranking of " + Count.ToString(CultureInfo.InvariantCulture) + " units (" + (Policy == OutrankingMissingPolicy.Coinr ? "coinr" : "shared-children") + "): "
        + DominantPairs.ToString(CultureInfo.InvariantCulture) + " dominant pairs (" + DominantFraction.ToString("0.0000", CultureInfo.InvariantCulture) + " of "
        + (Count * (Count - 1L) / 2).ToString(CultureInfo.InvariantCulture) + ")";

    private int Index(string code)
    {
        var i = UnitCodes.IndexOf(code, StringComparer.Ordinal);
        return i >= 0 ? i : throw new KeyNotFoundException($"The outranking matrix has no unit '{code}'.");
    }

    /// <summary>COINr's <c>outrankMatrix</c>, step for step: upper triangle from the data, lower triangle <c>1 - upper</c>, diagonal 0.</summary>
    private static double[,] Coinr(double[,] scores, IReadOnlyList<double> weights)
    {
        var n = scores.GetLength(0);
        var k = scores.GetLength(1);
        var total = weights.Sum();
        var w = weights.Select(x => x / total).ToArray();
        var o = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            for (var l = j + 1; l < n; l++)
            {
                double beats = 0, ties = 0;
                for (var c = 0; c < k; c++)
                {
                    var a = scores[j, c];
                    var b = scores[l, c];
                    if (double.IsNaN(a) || double.IsNaN(b))
                    {
                        continue;
                    }

                    beats += a > b ? w[c] : 0;
                    ties += a == b ? w[c] : 0;
                }

                o[j, l] = beats + (ties / 2);
                o[l, j] = 1 - o[j, l];
            }
        }

        return o;
    }
}
