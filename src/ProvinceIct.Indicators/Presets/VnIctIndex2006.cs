using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// The Vietnam ICT Index of the provinces, 2006-2015 editions (the old system): a weighted mean of five component
/// indices, each in [0, 1]: technical infrastructure (<c>htkt</c>), human resources (<c>htnl</c>), IT application
/// (<c>ud</c>), IT production and business (<c>sxkd</c>), organisation and policy environment (<c>mt_tccs</c>).
/// Official: the five components (Ministry of Information and Communications and VAIP reports; the partial published
/// rows of 2006, 2010, 2011 and 2012 in <see cref="PublishedResults"/> give them). Unknown: the official weights, not
/// found in any source we could read; so this preset has none and refuses to build a methodology until the user
/// supplies a weight for every component (<see cref="Create"/>); it never guesses. Assumed here, not published:
/// identity normalisation (the components are given in [0, 1]), competition ranking, every component required.
/// Not in <see cref="PresetCatalog"/>: a catalogue preset must run without arguments.
/// </summary>
public static class VnIctIndex2006
{
    /// <summary>The methodology code.</summary>
    public const string PresetName = "vn-ict-index-2006";

    /// <summary>The index node's code.</summary>
    public const string IndexCode = "ict_index";

    /// <summary>The five component codes, in the order of the reports.</summary>
    public static ImmutableArray<string> ComponentCodes { get; } = ["htkt", "htnl", "ud", "sxkd", "mt_tccs"];

    private static readonly ImmutableDictionary<string, (string En, string Vi)> Names = new Dictionary<string, (string, string)>
    {
        ["htkt"] = ("Technical infrastructure index", "Chỉ số hạ tầng kỹ thuật"),
        ["htnl"] = ("Human resources index", "Chỉ số hạ tầng nhân lực"),
        ["ud"] = ("IT application index", "Chỉ số ứng dụng CNTT"),
        ["sxkd"] = ("IT production and business index", "Chỉ số sản xuất - kinh doanh CNTT"),
        ["mt_tccs"] = ("Organisation and policy environment index", "Chỉ số môi trường tổ chức - chính sách"),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// What is wrong with a set of weights, without throwing: one problem (<see cref="ProblemCode.InvalidParameter"/>,
    /// parameter = the component code) per component without a weight, or with a weight that is negative, NaN or
    /// infinite, and one for a code that is not a component; all zero is a problem too.
    /// </summary>
    /// <param name="weights">The weights by component code; null counts as none given.</param>
    /// <returns>The report; valid when the weights can be used.</returns>
    public static ValidationReport ValidateWeights(IReadOnlyDictionary<string, double>? weights)
    {
        var problems = new List<ValidationProblem>();
        foreach (var code in ComponentCodes)
        {
            if (weights is null || !weights.TryGetValue(code, out var w))
            {
                problems.Add(new ValidationProblem(ProblemCode.InvalidParameter,
                    new ProblemText("Vn2006_NoWeight", PresetName, code, ProblemText.Named(Names[code].En, Names[code].Vi), string.Join(", ", ComponentCodes)))
                { Parameter = code, IndicatorCode = code, ExpectedText = new ProblemText("Vn2006_ExpectedUserWeight"), FoundText = new ProblemText("Found_None") });
            }
            else if (!double.IsFinite(w) || w < 0)
            {
                problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, new ProblemText("Vn2006_BadWeight", PresetName, code, w.ToString(CultureInfo.InvariantCulture)))
                { Parameter = code, IndicatorCode = code, ExpectedText = new ProblemText("Param_NonNegative"), Found = w.ToString(CultureInfo.InvariantCulture) });
            }
        }

        foreach (var extra in (weights?.Keys ?? []).Where(k => !ComponentCodes.Contains(k)).Order(StringComparer.Ordinal))
        {
            problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, new ProblemText("Vn2006_NotComponent", PresetName, extra, string.Join(", ", ComponentCodes)))
            { Parameter = extra, ExpectedText = new ProblemText("Vn2006_ExpectedOneOf", string.Join(", ", ComponentCodes)), Found = extra });
        }

        if (problems.Count == 0 && ComponentCodes.All(c => weights![c] == 0))
        {
            problems.Add(new ValidationProblem(ProblemCode.ZeroWeightSum, new ProblemText("Vn2006_ZeroSum", PresetName)) { ExpectedText = new ProblemText("Vn2006_ExpectedPositiveSum"), Found = "0" });
        }

        return ValidationReport.Of(problems);
    }

    /// <summary>
    /// The methodology with the user's weights: ict_index = sum(w_k * c_k) / sum(w_k) over the five components c_k
    /// (weighted arithmetic mean; identity normalisation; competition ranking; a unit missing a component has no index).
    /// </summary>
    /// <param name="weights">A weight for each of the five components (<see cref="ComponentCodes"/>), relative (they need not sum to one).</param>
    /// <returns>The methodology.</returns>
    /// <exception cref="ValidationException">
    /// When <paramref name="weights"/> is null or lacks a component, or a weight is invalid: the refusal lists every
    /// component without a weight (see <see cref="ValidateWeights"/>).
    /// </exception>
    public static Methodology Create(IReadOnlyDictionary<string, double>? weights)
    {
        var report = ValidateWeights(weights);
        if (!report.IsValid)
        {
            throw new ValidationException("weights of " + PresetName, report);
        }

        var nodes = ComponentCodes.Select(c =>
            FrameworkNode.ForIndicator(IndicatorDefinition.Create(c, Names[c].En, IndicatorKind.Share, nameVi: Names[c].Vi, unit: "index in [0, 1]"), IndexCode, weights![c])).ToList();
        nodes.Add(FrameworkNode.Aggregate(IndexCode, "Vietnam ICT Index (2006-2015 system)", nameVi: "Chỉ số Vietnam ICT Index"));
        return Methodology.Create(PresetName, "Vietnam ICT Index (provinces, 2006-2015), user-supplied weights", Framework.Create(nodes), Normaliser.Identity, availabilityThreshold: 1) with
        {
            Description = "Vietnam ICT Index, 2006-2015 editions: five component indices in [0, 1] (htkt, htnl, ud, sxkd, mt_tccs). The weights are the user's: the official ones were not found. Identity normalisation, competition ranking and every component required are choices of this library, not published.",
        };
    }
}
