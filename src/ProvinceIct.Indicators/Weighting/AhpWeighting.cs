using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>
/// AHP weights from pairwise judgements of the node's children (see <see cref="AhpWeights"/>). The judgements are the
/// upper triangle of the comparison matrix, row by row, children in framework order: for children a, b, c,
/// <c>ahp(a_ab, a_ac, a_bc)</c>, where <c>a_ij</c> is how much more important i is than j (the lower triangle is the
/// reciprocal, the diagonal 1). Only for one node (<see cref="WeightingMethod.AppliesToWholeIndex"/> is false). A consistency ratio above
/// 0.1 does not stop the calculation; it is stated in the log.
/// </summary>
public sealed record AhpWeighting : WeightingMethod
{
    private AhpWeighting(ImmutableArray<double> judgements) => Judgements = judgements;

    /// <summary>The upper triangle of the comparison matrix, row by row (each positive and finite).</summary>
    public ImmutableArray<double> Judgements { get; }

    /// <inheritdoc/>
    public override string Name => "ahp";

    /// <inheritdoc/>
    public override bool AppliesToWholeIndex => false;

    /// <summary>Creates AHP weighting from the upper triangle of the comparison matrix.</summary>
    /// <param name="judgements">k (k - 1) / 2 positive, finite judgements for a node with k children, row by row.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ValidationException">(<see cref="ProblemCode.InvalidParameter"/>) When there is no judgement, one is not positive and finite, or the count is not a triangular number.</exception>
    public static AhpWeighting Create(params IEnumerable<double> judgements)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        var j = judgements.ToImmutableArray();
        if (j.IsEmpty)
        {
            throw ValidationException.InvalidParameter("ahp", "judgements", new ProblemText("Param_AhpAtLeastOne"), new ProblemText("Found_None"));
        }

        foreach (var x in j)
        {
            ParameterCheck.Positive("ahp", "judgements", x);
        }

        if (Size(j.Length) < 0)
        {
            throw ValidationException.InvalidParameter("ahp", "judgements",
                new ProblemText("Param_AhpTriangle"),
                new ProblemText("Count_Judgements", j.Length.ToString(CultureInfo.InvariantCulture)));
        }

        return new AhpWeighting(j);
    }

    /// <inheritdoc/>
    public override string ToString() => "ahp(" + string.Join(",", Judgements.Select(Number)) + ")";

    /// <summary>Value equality over the judgements.</summary>
    /// <param name="other">The other method.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(AhpWeighting? other) => other is not null && Judgements.SequenceEqual(other.Judgements);

    /// <inheritdoc/>
    public override int GetHashCode() => Judgements.Aggregate(17, (h, x) => (h * 31) + x.GetHashCode());

    internal override IEnumerable<ValidationProblem> Validate(Framework framework, string nodeCode)
    {
        var k = framework.Children(nodeCode).Count();
        if (k * (k - 1) / 2 != Judgements.Length)
        {
            yield return new ValidationProblem(ProblemCode.InvalidParameter, new ProblemText("Ahp_Judgements", nodeCode, Judgements.Length.ToString(CultureInfo.InvariantCulture), k.ToString(CultureInfo.InvariantCulture)))
            { IndicatorCode = nodeCode, ExpectedText = new ProblemText("Count_Judgements", (k * (k - 1) / 2).ToString(CultureInfo.InvariantCulture)), Found = Judgements.Length.ToString(CultureInfo.InvariantCulture) };
        }
    }

    internal override DerivedWeights? Derive(CompiledIndex index, string nodeCode)
    {
        var (codes, _, _) = Children(index, nodeCode);
        var k = codes.Length;
        var a = new double[k, k];
        var t = 0;
        for (var i = 0; i < k; i++)
        {
            a[i, i] = 1;
            for (var j = i + 1; j < k; j++)
            {
                a[i, j] = Judgements[t++];
                a[j, i] = 1 / a[i, j];
            }
        }

        var ahp = AhpWeights.Compute(codes, a);
        return new DerivedWeights(nodeCode, this, codes, ahp.Weights,
            "CR " + ahp.ConsistencyRatio.ToString("0.000", CultureInfo.InvariantCulture) + (ahp.IsConsistent ? string.Empty : ", above 0.1: revise the judgements"));
    }

    /// <summary>The matrix size k with k (k - 1) / 2 = count, or -1.</summary>
    internal static int Size(int count)
    {
        var k = 2;
        while (k * (k - 1) / 2 < count)
        {
            k++;
        }

        return k * (k - 1) / 2 == count ? k : -1;
    }
}
