using System.Collections.Immutable;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>
/// PCA weights of one node's children (the OECD/JRC Handbook recipe): the Pearson
/// correlation matrix R of the children over the complete rows (units with every child present), its eigenvalues in
/// descending order, the share of variance each component explains (<c>eigenvalue / p</c>, p children, since
/// <c>trace(R) = p</c>), the first eigenvector's loadings (unit length), and the OECD weights
/// <c>w_i = l_i^2 / sum(l^2)</c> (squared loadings rescaled to sum 1). Immutable.
/// <para>
/// COINr's <c>get_PCA</c> (centred and scaled <c>prcomp</c>, rows with a missing value dropped) uses the first
/// loadings themselves as weights: they equal <see cref="Loadings"/> up to the sign, not <see cref="Weights"/>.
/// </para>
/// <para>
/// Sign convention: an eigenvector is defined only up to its sign (COINr leaves it to LAPACK). Here the loadings are
/// flipped when needed so that they sum to a positive number; when they sum to exactly zero, so that the first
/// non-zero loading is positive. The weights do not depend on the sign.
/// </para>
/// <para>
/// Missing values (NaN) drop the whole row (unit); nothing is imputed. When the two largest eigenvalues are equal (for
/// example uncorrelated children, R = I), the first eigenvector is not unique and the loadings are one arbitrary choice
/// among many; check <see cref="Eigenvalues"/> before relying on them. Eigenvalues of a singular R may come out as tiny
/// negative numbers (rounding) and are reported as computed.
/// </para>
/// </summary>
public sealed class PcaWeights
{
    private PcaWeights(string nodeCode, ImmutableArray<string> childCodes, int completeRows, ImmutableArray<double> eigenvalues, ImmutableArray<double> loadings, PcaWeightDefinition definition)
    {
        Definition = definition;
        NodeCode = nodeCode;
        ChildCodes = childCodes;
        CompleteRows = completeRows;
        Eigenvalues = eigenvalues;
        VarianceExplained = eigenvalues.Select(e => e / childCodes.Length).ToImmutableArray();
        Loadings = loadings;
        if (definition == PcaWeightDefinition.Loadings)
        {
            Weights = loadings;
        }
        else
        {
            var squares = loadings.Select(l => l * l).ToArray();
            var sum = squares.Sum();
            Weights = squares.Select(s => s / sum).ToImmutableArray();
        }
    }

    /// <summary>Which numbers are the weights: squared loadings rescaled (OECD/JRC Handbook) or the loadings themselves (COINr).</summary>
    public PcaWeightDefinition Definition { get; }

    /// <summary>The node whose children were weighted.</summary>
    public string NodeCode { get; }

    /// <summary>The children, in framework order; parallel to <see cref="Loadings"/> and <see cref="Weights"/>.</summary>
    public ImmutableArray<string> ChildCodes { get; }

    /// <summary>The number of complete rows (units with every child present) the correlation matrix was computed on.</summary>
    public int CompleteRows { get; }

    /// <summary>The eigenvalues of the correlation matrix, largest first; they sum to the number of children.</summary>
    public ImmutableArray<double> Eigenvalues { get; }

    /// <summary>The share of the total variance each component explains (<c>eigenvalue / p</c>), largest first; sums to 1.</summary>
    public ImmutableArray<double> VarianceExplained { get; }

    /// <summary>The first eigenvector (unit length), one loading per child, signed so that the loadings sum to a positive number.</summary>
    public ImmutableArray<double> Loadings { get; }

    /// <summary>
    /// The weights, one per child: under <see cref="PcaWeightDefinition.SquaredLoadings"/> the squared loadings rescaled to
    /// sum 1 (each in [0, 1]); under <see cref="PcaWeightDefinition.Loadings"/> the loadings themselves (unit length, may be negative).
    /// </summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>The weight of one child (see <see cref="Weights"/>).</summary>
    /// <param name="childCode">The child's code.</param>
    /// <returns>The weight.</returns>
    /// <exception cref="KeyNotFoundException">When the child is not one of <see cref="ChildCodes"/>.</exception>
    public double Weight(string childCode)
    {
        var i = ChildCodes.IndexOf(childCode, StringComparer.Ordinal);
        return i >= 0 ? Weights[i] : throw new KeyNotFoundException($"Node '{NodeCode}' has no child '{childCode}' in these PCA weights.");
    }

    /// <summary>
    /// PCA weights from a dataset's columns: the node's children are looked up as columns by their codes. Pass raw data
    /// or normalised data as you choose: the correlation matrix does not depend on any linear rescaling of a column,
    /// but a negative indicator's raw column is not flipped, so it loads with the opposite sign to its normalised one
    /// (the weights, being squares, are the same). Normalisations that are not linear (ranks, goalposts with truncation)
    /// change the result.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="framework">The framework that defines the node's children.</param>
    /// <param name="nodeCode">The aggregate whose children are weighted.</param>
    /// <param name="definition">Which numbers become the weights (default: the OECD/JRC squared loadings).</param>
    /// <returns>The PCA weights.</returns>
    /// <exception cref="KeyNotFoundException">When the node is not in the framework or a child has no column in the dataset.</exception>
    /// <exception cref="CalculationException">
    /// When the node has fewer than 2 children (<see cref="ProblemCode.InvalidParameter"/>), fewer than 2 complete rows
    /// (<see cref="ProblemCode.EmptyInput"/>), or a child is constant over the complete rows (<see cref="ProblemCode.ConstantColumn"/>); each names the node.
    /// </exception>
    public static PcaWeights FromDataset(Dataset dataset, Framework framework, string nodeCode, PcaWeightDefinition definition = PcaWeightDefinition.SquaredLoadings)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(framework);
        Internal.Preconditions.NotBlank(nodeCode);
        var children = framework.Children(nodeCode).Select(c => c.Code).ToArray();
        return FromColumns(nodeCode, children, children.Select(c => dataset.Column(c).ToArray()).ToArray(), definition);
    }

    /// <summary>
    /// PCA weights from a result's scores of the node's children: normalised values for indicator children (their
    /// direction already applied), aggregate scores for aggregate children, multiplied by -1 for an aggregate with a
    /// negative direction (as the node itself reads them).
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="nodeCode">The aggregate whose children are weighted.</param>
    /// <param name="definition">Which numbers become the weights (default: the OECD/JRC squared loadings).</param>
    /// <returns>The PCA weights.</returns>
    /// <exception cref="KeyNotFoundException">When the node is not in the result's framework.</exception>
    /// <exception cref="CalculationException">As for <see cref="FromDataset"/>.</exception>
    public static PcaWeights FromResult(IndexResult result, string nodeCode, PcaWeightDefinition definition = PcaWeightDefinition.SquaredLoadings)
    {
        ArgumentNullException.ThrowIfNull(result);
        Internal.Preconditions.NotBlank(nodeCode);
        var children = result.Methodology.Framework.Children(nodeCode).ToArray();
        var columns = children.Select(c =>
        {
            var scores = result.Scores(c.Code).ToArray();
            if (!c.IsIndicator && c.Direction == Direction.Negative)
            {
                for (var i = 0; i < scores.Length; i++)
                {
                    scores[i] = -scores[i];
                }
            }

            return scores;
        }).ToArray();
        return FromColumns(nodeCode, children.Select(c => c.Code).ToArray(), columns, definition);
    }

    /// <summary>PCA weights from columns given directly, one per child, one value per unit (NaN for missing).</summary>
    /// <param name="nodeCode">The node the children belong to (used in messages and by <see cref="ApplyTo"/>).</param>
    /// <param name="childCodes">The children's codes (unique).</param>
    /// <param name="columns">One column per child, all of the same length.</param>
    /// <param name="definition">Which numbers become the weights (default: the OECD/JRC squared loadings).</param>
    /// <returns>The PCA weights.</returns>
    /// <exception cref="ArgumentException">When the counts or lengths differ, a code repeats, or a value is infinite.</exception>
    /// <exception cref="CalculationException">As for <see cref="FromDataset"/>.</exception>
    public static PcaWeights FromColumns(string nodeCode, IReadOnlyList<string> childCodes, IReadOnlyList<double[]> columns, PcaWeightDefinition definition = PcaWeightDefinition.SquaredLoadings)
    {
        Internal.Preconditions.NotBlank(nodeCode);
        ArgumentNullException.ThrowIfNull(childCodes);
        ArgumentNullException.ThrowIfNull(columns);
        Internal.Preconditions.SameLength(childCodes.Count, columns.Count, nameof(columns));
        if (!Enum.IsDefined(definition))
        {
            throw new ArgumentOutOfRangeException(nameof(definition), definition, "Unknown PCA weight definition.");
        }

        if (childCodes.Distinct(StringComparer.Ordinal).Count() != childCodes.Count)
        {
            throw new ArgumentException("Child codes must be unique.", nameof(childCodes));
        }

        var p = childCodes.Count;
        if (p < 2)
        {
            throw new CalculationException(ProblemCode.InvalidParameter,
                new ProblemText("Calc_PcaTooFewChildren", nodeCode, p.ToString(CultureInfo.InvariantCulture)), nodeCode);
        }

        var n = columns[0]?.Length ?? throw new ArgumentException("A column must not be null.", nameof(columns));
        foreach (var col in columns)
        {
            if (col is null || col.Length != n)
            {
                throw new ArgumentException("Every column must be non-null and have one value per unit.", nameof(columns));
            }

            if (col.Any(double.IsInfinity))
            {
                throw new ArgumentException("Values must be finite or NaN (missing).", nameof(columns));
            }
        }

        var rows = Enumerable.Range(0, n).Where(u => columns.All(c => !double.IsNaN(c[u]))).ToArray();
        if (rows.Length < 2)
        {
            throw new CalculationException(ProblemCode.EmptyInput,
                new ProblemText("Calc_PcaTooFewUnits", nodeCode, rows.Length.ToString(CultureInfo.InvariantCulture)), nodeCode);
        }

        // Centre and scale each child over the complete rows; R = Z'Z / (m - 1).
        var m = rows.Length;
        var z = new double[p][];
        for (var j = 0; j < p; j++)
        {
            var x = rows.Select(u => columns[j][u]).ToArray();
            var mean = x.Average();
            var ss = x.Sum(v => (v - mean) * (v - mean));
            if (!(ss > 0))
            {
                throw new CalculationException(ProblemCode.ConstantColumn,
                    new ProblemText("Calc_PcaConstantChild", nodeCode, childCodes[j], m.ToString(CultureInfo.InvariantCulture)), nodeCode, childCode: childCodes[j]);
            }

            var sd = Math.Sqrt(ss);
            z[j] = x.Select(v => (v - mean) / sd).ToArray();
        }

        var r = Matrix<double>.Build.Dense(p, p, (a, b) => a == b ? 1.0 : Dot(z[a], z[b]));
        var evd = r.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        var order = Enumerable.Range(0, p).OrderByDescending(i => values[i]).ToArray();
        var first = evd.EigenVectors.Column(order[0]).ToArray();
        var norm = Math.Sqrt(first.Sum(v => v * v));
        var sum = first.Sum();
        var flip = sum < 0 || (sum == 0 && first.First(v => v != 0) < 0);
        var loadings = first.Select(v => (flip ? -v : v) / norm).ToImmutableArray();
        return new PcaWeights(nodeCode, [.. childCodes], m, order.Select(i => values[i]).ToImmutableArray(), loadings, definition);
    }

    /// <summary>Returns a copy of the framework with the node's children weighted by <see cref="Weights"/>.</summary>
    /// <param name="framework">A framework in which <see cref="NodeCode"/> has exactly the children <see cref="ChildCodes"/> (in any order).</param>
    /// <returns>The new framework.</returns>
    /// <exception cref="ArgumentException">When the node's children in <paramref name="framework"/> differ from <see cref="ChildCodes"/>.</exception>
    /// <exception cref="ValidationException">When a weight is negative (a negative loading under <see cref="PcaWeightDefinition.Loadings"/>).</exception>
    public Framework ApplyTo(Framework framework) => WeightApplication.Apply(framework, NodeCode, ChildCodes, Weights);

    /// <summary>Formats as <c>PCA weights of P1 (3 children, 60 complete units, PC1 explains 71.2%): a=0.3412, b=...</c>, with <c>, loadings</c> after the units under <see cref="PcaWeightDefinition.Loadings"/>.</summary>
    /// <returns>The invariant text (weights to 4 decimals).</returns>
    public override string ToString() =>
        "PCA weights of " + NodeCode + " (" + ChildCodes.Length.ToString(CultureInfo.InvariantCulture) + " children, "
        + CompleteRows.ToString(CultureInfo.InvariantCulture) + " complete units" + (Definition == PcaWeightDefinition.Loadings ? ", loadings" : string.Empty) + ", PC1 explains "
        + (100 * VarianceExplained[0]).ToString("0.0", CultureInfo.InvariantCulture) + "%): "
        + string.Join(", ", ChildCodes.Select((c, i) => c + "=" + Weights[i].ToString("0.0000", CultureInfo.InvariantCulture)));

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
