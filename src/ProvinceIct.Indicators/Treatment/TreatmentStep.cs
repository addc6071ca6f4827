using System.Collections.Immutable;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// One data-treatment step of a methodology, applied to the raw dataset once, when the methodology is compiled
/// (<c>IndexCalculator.Compile</c>), before normalisation. The steps run in the order given; COINr's
/// default workflow order is denominate, screen, impute, treat (then normalise and aggregate), and that is the order
/// to use unless there is a reason not to. Every step acts on the framework's indicators only (other columns, such as
/// denominators, are left as they are) and is one of the pure functions of this namespace: <see cref="Denomination"/>,
/// <see cref="UnitScreening"/>, <see cref="Imputer"/>, <see cref="OutlierTreatment"/>. Immutable; create with the named
/// factories.
/// <para>
/// A closed hierarchy: one sealed case per step (<see cref="DenominateStep"/>, <see cref="DenominateByDefinitionsStep"/>,
/// <see cref="ScreenStep"/>, <see cref="ImputeStep"/>, <see cref="TreatStep"/>, <see cref="BoxCoxStep"/>), each in its
/// own file with its parameters (get-only, validated once in its constructor, so a <c>with</c> cannot bypass them), its
/// checks against a dataset, its behaviour and its method text (<see cref="ToMethodCall"/>, <see cref="ToString"/>), for
/// example <c>screen(0.6666666666666666)</c>, <c>impute(group-mean,region)</c> or <c>treat(winsorise,5,2,3.5)</c>; the
/// registry in <c>Methods</c> reads each back by name.
/// </para>
/// <para>Within-pillar imputation is not a step: it averages a unit's other indicators of the pillar, which only makes
/// sense on normalised (common-scale) values, while the steps run on raw data.</para>
/// </summary>
public abstract record TreatmentStep
{
    private protected TreatmentStep()
    {
    }

    /// <summary>Denominates chosen indicators, each by its own denominator column and scale (COINr <c>Denominate</c>).</summary>
    /// <param name="rules">The rules; at least one, at most one per indicator.</param>
    /// <returns>The step (a <see cref="DenominateStep"/>).</returns>
    /// <exception cref="ArgumentException">When there is no rule, or two rules for one indicator.</exception>
    public static TreatmentStep Denominate(IEnumerable<DenominationRule> rules) => new DenominateStep(rules);

    /// <summary>
    /// Denominates every indicator of the framework that names a denominator column
    /// (<see cref="Definitions.IndicatorDefinition.DenominatorCode"/>, COINr's <c>Denominator</c> column of <c>iMeta</c>) by that
    /// column, times <paramref name="scale"/>; indicators without one are left as they are.
    /// </summary>
    /// <param name="scale">The factor applied to every ratio; finite and non-zero (default 1, as COINr).</param>
    /// <returns>The step (a <see cref="DenominateByDefinitionsStep"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the scale is zero or not finite.</exception>
    public static TreatmentStep DenominateByDefinitions(double scale = 1) => new DenominateByDefinitionsStep(scale);

    /// <summary>Screens units by data availability, zeros or both over the framework's indicators, never the denominators (COINr <c>Screen</c>).</summary>
    /// <param name="screening">The screening.</param>
    /// <returns>The step (a <see cref="ScreenStep"/>).</returns>
    public static TreatmentStep Screen(UnitScreening screening) => new ScreenStep(screening);

    /// <summary>Screens units by data availability: keeps a unit whose share of present values is at least <paramref name="threshold"/>.</summary>
    /// <param name="threshold">The smallest share of present values, in [0, 1] (COINr's default is 2/3).</param>
    /// <param name="forceInclude">Units kept whatever their availability, or null.</param>
    /// <param name="forceExclude">Units removed whatever their availability, or null.</param>
    /// <returns>The step (a <see cref="ScreenStep"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the threshold is outside [0, 1].</exception>
    /// <exception cref="ArgumentException">When a unit is both force-included and force-excluded.</exception>
    public static TreatmentStep Screen(double threshold, IEnumerable<string>? forceInclude = null, IEnumerable<string>? forceExclude = null)
    {
        var s = UnitScreening.ByAvailability(threshold);
        s = forceInclude is null ? s : s.WithForceInclude(forceInclude);
        s = forceExclude is null ? s : s.WithForceExclude(forceExclude);
        return Screen(s);
    }

    /// <summary>Imputes the missing values of the framework's indicators: mean, median, group mean or group median.</summary>
    /// <param name="imputer">The imputer.</param>
    /// <returns>The step (an <see cref="ImputeStep"/>).</returns>
    /// <exception cref="ArgumentException">When the imputer is within-pillar (it needs normalised data; see the type's remarks).</exception>
    public static TreatmentStep Impute(Imputer imputer) => new ImputeStep(imputer);

    /// <summary>Treats outliers of the framework's indicators: winsorise up to <see cref="OutlierTreatment.WinMax"/> points, else log-transform (COINr <c>Treat</c>).</summary>
    /// <param name="treatment">The treatment, or null for <see cref="OutlierTreatment.Default"/>.</param>
    /// <returns>The step (a <see cref="TreatStep"/>).</returns>
    public static TreatmentStep Treat(OutlierTreatment? treatment = null) => new TreatStep(treatment);

    /// <summary>Box-Cox transforms every framework indicator with a fixed λ (see <see cref="OutlierTreatment.BoxCox"/>; every present value must be above zero).</summary>
    /// <param name="lambda">λ, finite.</param>
    /// <returns>The step (a <see cref="BoxCoxStep"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">When λ is not finite.</exception>
    public static TreatmentStep BoxCox(double lambda) => new BoxCoxStep(lambda);

    /// <summary>What the step does: the tag of its case, used for the default order (<see cref="TreatmentOrder"/>) and in the log.</summary>
    public abstract TreatmentStepKind Kind { get; }

    /// <summary>The step's canonical name in method text (for example <c>screen</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The method text of this step: its name and every parameter, for example <c>screen(0.5,in=A)</c>.</summary>
    /// <returns>The call; <c>Methods.MethodRegistry</c> parses it back to an equal step.</returns>
    /// <exception cref="ArgumentException">When a unit, group or indicator code of the step has a character method text cannot hold (<c>, ( ) = [ ]</c>, or <c>;</c> among forced units).</exception>
    public abstract MethodCall ToMethodCall();

    /// <summary>
    /// The canonical method text, for example <c>denominate(i1/pop*10)</c>, <c>denominate-by-definitions(1)</c>,
    /// <c>screen(0.6666666666666666)</c>, <c>screen(zeros,0.05,out=A)</c>, <c>impute(group-median,region)</c>,
    /// <c>treat(winsorise,5,2,3.5)</c> or <c>box-cox(0.5)</c>; invariant, round-trip numbers.
    /// </summary>
    /// <returns>The text. A code that method text cannot hold (one with <c>, ( ) = [ ]</c>, or <c>;</c> among forced units) makes <see cref="ToMethodCall"/> throw; this then writes the step readably instead, as text that is not read back.</returns>
    public sealed override string ToString()
    {
        try
        {
            return ToMethodCall().ToString();
        }
        catch (ArgumentException)
        {
            return Name + "(" + RawArguments + ")";
        }
    }

    /// <summary>The step's arguments as plain text, for <see cref="ToString"/> when a code cannot be written in method text.</summary>
    private protected virtual string RawArguments => string.Empty;

    /// <summary>
    /// The built-in steps' readers by name, composed by <c>Methods.MethodRegistry</c>: <c>impute</c> reads its imputer
    /// with <paramref name="readImputer"/>, so that a registry's user imputers can be named in a step.
    /// </summary>
    internal static IReadOnlyList<KeyValuePair<string, Func<MethodArguments, TreatmentStep>>> BuiltIns(Func<MethodCall, Imputer> readImputer) =>
    [
        new(DenominateStep.MethodName, DenominateStep.Read),
        new(DenominateByDefinitionsStep.MethodName, DenominateByDefinitionsStep.Read),
        new(ScreenStep.MethodName, ScreenStep.Read),
        new(ImputeStep.MethodName, a => ImputeStep.Read(a, readImputer)),
        new(TreatStep.MethodName, TreatStep.Read),
        new(BoxCoxStep.MethodName, BoxCoxStep.Read),
    ];

    /// <summary>The problems of this step in a framework (for example a denomination rule naming no indicator of it); none by default.</summary>
    internal virtual IEnumerable<ValidationProblem> Validate(Framework framework) => [];

    /// <summary>Adds every problem that would stop this step on the dataset (unknown columns, units or groups); none by default.</summary>
    internal virtual void Validate(Dataset dataset, Framework framework, List<ValidationProblem> problems)
    {
    }

    /// <summary>Applies the step to the current data, recording what it changed in <paramref name="context"/>.</summary>
    /// <exception cref="ValidationException">From a step (a zero denominator, an unknown column).</exception>
    /// <exception cref="CalculationException">From a step meeting a value it cannot transform.</exception>
    internal abstract Dataset Apply(Dataset current, TreatmentContext context);

    /// <summary>The method text of an inner method (an imputer, an outlier treatment) flattened into this step's call: its name, then its arguments.</summary>
    private protected static MethodCall Flatten(MethodCall call, MethodCall inner)
    {
        call = call.With(inner.Name);
        foreach (var p in inner.Positional)
        {
            call = call.With(p);
        }

        foreach (var (k, v) in inner.Named)
        {
            call = call.With(k, v);
        }

        return call;
    }

    /// <summary>The inner method's call from a step's call: the first positional argument is its name, the rest are its arguments.</summary>
    private protected static MethodCall Unflatten(MethodArguments arguments, string expected)
    {
        var call = arguments.Call;
        if (call.Positional.IsEmpty)
        {
            throw arguments.Fail(new ProblemText("Step_FirstArgument", call.Name, expected), ProblemText.Verbatim(expected), new ProblemText("Found_Nothing"));
        }

        var inner = MethodCall.Create(call.Positional[0]);
        foreach (var p in call.Positional.Skip(1))
        {
            inner = inner.With(p);
        }

        foreach (var (k, v) in call.Named)
        {
            inner = inner.With(k, v);
        }

        return inner;
    }
}
