using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>
/// The base of a user-defined weighting method: derive from it in one record, give the method text in the constructor
/// and write the rule in <see cref="Weigh"/>; register a factory by name (<c>Methods.MethodRegistry.WithWeighting</c>,
/// or an <c>IMethodPlugin</c>) to read it from a methodology's JSON and the CLI (<c>--weighting</c>, <c>--plugin</c>).
/// Its parameters should be get-only and validated in the constructor (with
/// <see cref="ValidationException.InvalidParameter(string, string, string, string)"/>), as for the built-in methods.
/// <para>
/// Contract of the rule: for one aggregate it receives the children's codes in framework order and their scores over
/// all units as the parent reads them (a negative-direction aggregate child already multiplied by -1; NaN where a
/// unit has no score), and returns one weight per child: finite, at or above zero, with a positive sum. Weights are
/// relative, as a framework holds them. Any other answer is a <see cref="CalculationException"/> naming the node and the
/// child. The rule runs once per aggregate when the index is compiled, not in the hot path.
/// </para>
/// </summary>
public abstract record CustomWeighting : WeightingMethod
{
    private readonly MethodCall _call;

    /// <summary>Creates the method with its method text (name and parameters), which <see cref="ToString"/> writes.</summary>
    /// <param name="call">The method text, for example <c>MethodCall.Create("inverse-variance")</c>.</param>
    protected CustomWeighting(MethodCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _call = call;
    }

    /// <inheritdoc/>
    public sealed override string Name => _call.Name;

    /// <summary>The method text given to the constructor.</summary>
    /// <returns>The call.</returns>
    public MethodCall ToMethodCall() => _call;

    /// <inheritdoc/>
    public sealed override string ToString() => _call.ToString();

    /// <summary>The rule: the weights of one aggregate's children (see the class's contract).</summary>
    /// <param name="nodeCode">The aggregate.</param>
    /// <param name="childCodes">Its children, in framework order.</param>
    /// <param name="childScores">Each child's scores over all units, parallel to <paramref name="childCodes"/>.</param>
    /// <returns>One weight per child.</returns>
    protected abstract IReadOnlyList<double> Weigh(string nodeCode, IReadOnlyList<string> childCodes, IReadOnlyList<double[]> childScores);

    /// <inheritdoc/>
    internal sealed override DerivedWeights? Derive(CompiledIndex index, string nodeCode)
    {
        var (codes, positions, signs) = Children(index, nodeCode);
        var ws = index.CreateWorkspace();
        index.Run(ws);
        var columns = positions.Select((p, i) => ws.NodeScores(p).ToArray().Select(x => signs[i] * x).ToArray()).ToArray();
        var weights = Weigh(nodeCode, codes, columns) ?? throw Problem(nodeCode, null, double.NaN, new ProblemText("Calc_CustomNoWeights"));
        if (weights.Count != codes.Length)
        {
            throw Problem(nodeCode, null, weights.Count, new ProblemText("Calc_CustomWeightCount", weights.Count.ToString(CultureInfo.InvariantCulture), codes.Length.ToString(CultureInfo.InvariantCulture)));
        }

        for (var i = 0; i < codes.Length; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < 0)
            {
                throw Problem(nodeCode, codes[i], weights[i], new ProblemText("Calc_CustomBadWeight", codes[i], Number(weights[i])));
            }
        }

        if (!(weights.Sum() > 0) || !double.IsFinite(weights.Sum()))
        {
            throw Problem(nodeCode, null, weights.Sum(), new ProblemText("Calc_CustomBadSum"));
        }

        return new DerivedWeights(nodeCode, this, codes, [.. weights], string.Empty);
    }

    private CalculationException Problem(string nodeCode, string? child, double value, ProblemText what) =>
        new(ProblemCode.InvalidParameter, new ProblemText("Calc_CustomWeighting", ToString(), nodeCode, what), nodeCode, childCode: child, value: value);
}
