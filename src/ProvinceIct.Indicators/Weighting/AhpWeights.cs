using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>
/// Weights from the Analytic Hierarchy Process (Saaty): the principal (Perron) eigenvector of a positive reciprocal
/// pairwise comparison matrix A, where <c>a_ij</c> says how much more important element i is than element j on the
/// 1-9 scale (<c>a_ji = 1 / a_ij</c>, <c>a_ii = 1</c>). The weights are the eigenvector normalised to sum 1;
/// <c>lambda_max</c> is its eigenvalue (at least n, equal to n exactly when A is consistent,
/// <c>a_ik = a_ij a_jk</c>). Consistency: <c>CI = (lambda_max - n) / (n - 1)</c>, <c>CR = CI / RI(n)</c> with Saaty's
/// random index RI (n = 1..10: 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49); a CR above 0.1 is Saaty's
/// warning that the judgements should be revised (<see cref="IsConsistent"/>). Immutable.
/// Create with <see cref="Compute"/> (throws) or <see cref="TryCompute"/> (reports).
/// </summary>
public sealed class AhpWeights
{
    /// <summary>The tolerance of the reciprocity and diagonal checks: <c>|a_ij a_ji - 1| &lt;= 1e-9</c>, <c>|a_ii - 1| &lt;= 1e-9</c>.</summary>
    public const double ReciprocalTolerance = 1e-9;

    /// <summary>Saaty's threshold: a consistency ratio above 0.1 calls for revising the judgements.</summary>
    public const double ConsistencyThreshold = 0.1;

    private static readonly double[] RandomIndices = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

    private AhpWeights(ImmutableArray<string> codes, ImmutableArray<double> weights, double lambdaMax)
    {
        Codes = codes;
        Weights = weights;
        var n = codes.Length;
        LambdaMax = lambdaMax;
        ConsistencyIndex = n <= 2 ? 0 : (lambdaMax - n) / (n - 1);
        RandomIndex = SaatyRandomIndex(n);
        ConsistencyRatio = n <= 2 ? 0 : ConsistencyIndex / RandomIndex;
    }

    /// <summary>The elements compared (for example a node's children), in matrix order.</summary>
    public ImmutableArray<string> Codes { get; }

    /// <summary>The weights, parallel to <see cref="Codes"/>: positive, summing to 1.</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>The principal eigenvalue of the comparison matrix (n for a consistent matrix, larger otherwise).</summary>
    public double LambdaMax { get; }

    /// <summary>The consistency index <c>CI = (lambda_max - n) / (n - 1)</c>; defined as 0 for n &lt;= 2 (every such reciprocal matrix is consistent).</summary>
    public double ConsistencyIndex { get; }

    /// <summary>Saaty's random index RI(n) for this size; NaN for n &gt; 10 (not tabulated).</summary>
    public double RandomIndex { get; }

    /// <summary>The consistency ratio <c>CR = CI / RI(n)</c>; 0 for n &lt;= 2; NaN for n &gt; 10 (RI not tabulated).</summary>
    public double ConsistencyRatio { get; }

    /// <summary>
    /// False when the judgements need revising: true exactly when <see cref="ConsistencyRatio"/> &lt;= 0.1. A NaN ratio
    /// (more than 10 elements) gives false: consistency cannot be judged.
    /// </summary>
    public bool IsConsistent => ConsistencyRatio <= ConsistencyThreshold;

    /// <summary>The weight of one element.</summary>
    /// <param name="code">The element's code.</param>
    /// <returns>The weight.</returns>
    /// <exception cref="KeyNotFoundException">When the code is not one of <see cref="Codes"/>.</exception>
    public double Weight(string code)
    {
        var i = Codes.IndexOf(code, StringComparer.Ordinal);
        return i >= 0 ? Weights[i] : throw new KeyNotFoundException($"The AHP weights have no element '{code}'.");
    }

    /// <summary>Saaty's random index for n elements (n = 1..10: 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49).</summary>
    /// <param name="n">The number of elements, at least 1.</param>
    /// <returns>RI(n); NaN for n &gt; 10.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When n is less than 1.</exception>
    public static double SaatyRandomIndex(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return n <= RandomIndices.Length ? RandomIndices[n - 1] : double.NaN;
    }

    /// <summary>
    /// Checks a pairwise comparison matrix, reporting every violation at once (rows and columns 1-based): the shape
    /// (square, one row per code, at least one element), duplicate codes, entries that are NaN or infinite, entries at
    /// or below zero, a diagonal entry other than 1, and each pair i &lt; j with <c>|a_ij a_ji - 1| &gt; 1e-9</c>.
    /// Entries are not required to lie on the 1-9 scale, but the random index assumes they do.
    /// </summary>
    /// <param name="codes">The elements' codes, in matrix order.</param>
    /// <param name="comparisons">The matrix, <c>comparisons[i, j]</c> = importance of i over j.</param>
    /// <returns>The report; valid when the matrix can be used.</returns>
    public static ValidationReport Validate(IReadOnlyList<string> codes, double[,] comparisons)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(comparisons);
        var problems = new List<ValidationProblem>();
        int rows = comparisons.GetLength(0), cols = comparisons.GetLength(1);
        var shape = rows.ToString(CultureInfo.InvariantCulture) + " x " + cols.ToString(CultureInfo.InvariantCulture);
        if (codes.Count == 0 || rows == 0)
        {
            problems.Add(new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("Ahp_Empty")) { ExpectedText = new ProblemText("Ahp_ExpectedElement"), Found = shape });
            return ValidationReport.Of(problems);
        }

        if (rows != cols || rows != codes.Count)
        {
            problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, new ProblemText("Ahp_Square"))
            { Expected = codes.Count.ToString(CultureInfo.InvariantCulture) + " x " + codes.Count.ToString(CultureInfo.InvariantCulture), Found = shape });
            return ValidationReport.Of(problems);
        }

        foreach (var dup in codes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new ValidationProblem(ProblemCode.DuplicateNode, new ProblemText("Ahp_Duplicate", dup.Key)) { IndicatorCode = dup.Key, ExpectedText = new ProblemText("Expected_UniqueCodes"), Found = dup.Key });
        }

        var n = rows;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var a = comparisons[i, j];
                ValidationProblem At(ProblemCode code, ProblemText message, ProblemText expected) =>
                    new(code, message) { Row = i + 1, Column = j + 1, IndicatorCode = codes[i], ExpectedText = expected, Found = a.ToString("R", CultureInfo.InvariantCulture) };
                if (!double.IsFinite(a))
                {
                    problems.Add(At(ProblemCode.NonFiniteValue, new ProblemText("Ahp_NonFinite", codes[i], codes[j]), new ProblemText("Ahp_ExpectedPositive")));
                }
                else if (a <= 0)
                {
                    problems.Add(At(ProblemCode.ValueOutOfRange, new ProblemText("Ahp_NotPositive", codes[i], codes[j]), new ProblemText("Ahp_ExpectedPositive")));
                }
                else if (i == j && Math.Abs(a - 1) > ReciprocalTolerance)
                {
                    problems.Add(At(ProblemCode.InvalidParameter, new ProblemText("Ahp_Diagonal", codes[i]), ProblemText.Verbatim("1")));
                }
                else if (i < j && double.IsFinite(comparisons[j, i]) && comparisons[j, i] > 0 && Math.Abs((a * comparisons[j, i]) - 1) > ReciprocalTolerance)
                {
                    problems.Add(At(ProblemCode.InvalidParameter,
                        new ProblemText("Ahp_Reciprocal", codes[i], codes[j], a.ToString("R", CultureInfo.InvariantCulture), comparisons[j, i].ToString("R", CultureInfo.InvariantCulture)),
                        ProblemText.Verbatim("1 / " + comparisons[j, i].ToString("R", CultureInfo.InvariantCulture))));
                }
            }
        }

        return ValidationReport.Of(problems);
    }

    /// <summary>Validates the matrix and, when it is valid, computes the weights; never throws for a bad matrix.</summary>
    /// <param name="codes">The elements' codes, in matrix order.</param>
    /// <param name="comparisons">The matrix, <c>comparisons[i, j]</c> = importance of i over j.</param>
    /// <param name="weights">The weights, when the report is valid; otherwise null.</param>
    /// <returns>The report of <see cref="Validate"/>.</returns>
    public static ValidationReport TryCompute(IReadOnlyList<string> codes, double[,] comparisons, out AhpWeights? weights)
    {
        var report = Validate(codes, comparisons);
        weights = report.IsValid ? Solve(codes, comparisons) : null;
        return report;
    }

    /// <summary>
    /// Computes the weights: the principal eigenvector by power iteration from equal weights (it converges for every
    /// positive matrix; a consistent matrix gives its exact weights <c>w_i ∝ a_ij / sum_k a_kj</c> in one step), then
    /// <c>lambda_max = sum_i (A w)_i</c> with <c>sum w = 1</c>.
    /// </summary>
    /// <param name="codes">The elements' codes, in matrix order.</param>
    /// <param name="comparisons">The matrix, <c>comparisons[i, j]</c> = importance of i over j.</param>
    /// <returns>The weights and consistency figures.</returns>
    /// <exception cref="ValidationException">With every violation found by <see cref="Validate"/>.</exception>
    public static AhpWeights Compute(IReadOnlyList<string> codes, double[,] comparisons)
    {
        Validate(codes, comparisons).ThrowIfInvalid("AHP comparison matrix");
        return Solve(codes, comparisons);
    }

    private static AhpWeights Solve(IReadOnlyList<string> codes, double[,] a)
    {
        var n = codes.Count;
        var w = Enumerable.Repeat(1.0 / n, n).ToArray();
        var next = new double[n];
        for (var iteration = 0; iteration < 10_000; iteration++)
        {
            MultiplyNormalised(a, w, next);
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                change = Math.Max(change, Math.Abs(next[i] - w[i]));
            }

            (w, next) = (next, w);
            if (change <= 1e-15)
            {
                break;
            }
        }

        var lambda = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                lambda += a[i, j] * w[j];
            }
        }

        return new AhpWeights([.. codes], [.. w], lambda);
    }

    private static void MultiplyNormalised(double[,] a, double[] w, double[] result)
    {
        var n = w.Length;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var s = 0.0;
            for (var j = 0; j < n; j++)
            {
                s += a[i, j] * w[j];
            }

            result[i] = s;
            sum += s;
        }

        for (var i = 0; i < n; i++)
        {
            result[i] /= sum;
        }
    }

    /// <summary>Returns a copy of the framework in which the children of <paramref name="nodeCode"/> take these weights.</summary>
    /// <param name="framework">The framework.</param>
    /// <param name="nodeCode">The node whose children are the compared elements (exactly <see cref="Codes"/>, in any order).</param>
    /// <returns>The new framework.</returns>
    /// <exception cref="KeyNotFoundException">When the node is not in the framework.</exception>
    /// <exception cref="ArgumentException">When the node's children differ from <see cref="Codes"/>.</exception>
    public Framework ApplyTo(Framework framework, string nodeCode)
    {
        Internal.Preconditions.NotBlank(nodeCode);
        return WeightApplication.Apply(framework, nodeCode, Codes, Weights);
    }

    /// <summary>Formats as <c>AHP weights (n=3, lambda_max=3.0385, CR=0.033, consistent): a=0.6370, b=...</c>.</summary>
    /// <returns>The invariant text (weights to 4 decimals).</returns>
    public override string ToString() =>
        "AHP weights (n=" + Codes.Length.ToString(CultureInfo.InvariantCulture)
        + ", lambda_max=" + LambdaMax.ToString("0.0000", CultureInfo.InvariantCulture)
        + ", CR=" + ConsistencyRatio.ToString("0.000", CultureInfo.InvariantCulture)
        + (IsConsistent ? ", consistent" : double.IsNaN(ConsistencyRatio) ? ", consistency not judged" : ", inconsistent: CR > 0.1")
        + "): " + string.Join(", ", Codes.Select((c, i) => c + "=" + Weights[i].ToString("0.0000", CultureInfo.InvariantCulture)));
}
