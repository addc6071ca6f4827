using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Denominates chosen indicators, each by its own denominator column and scale (COINr <c>Denominate</c>):
/// <c>x = scale * x / denominator</c>. Method text: <c>denominate(i1/pop,i2/area*10)</c>, one argument per rule
/// (<c>indicator/denominator</c>, then <c>*scale</c> when the scale is not 1). Created by <see cref="TreatmentStep.Denominate"/>.
/// </summary>
public sealed record DenominateStep : TreatmentStep
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "denominate";

    /// <summary>Creates the step, validating the rules.</summary>
    /// <param name="rules">The rules; at least one, at most one per indicator.</param>
    /// <exception cref="ArgumentException">When there is no rule, a null rule, or two rules for one indicator.</exception>
    public DenominateStep(IEnumerable<DenominationRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.Select(r => r ?? throw new ArgumentException("Rules must not be null.", nameof(rules))).ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("Give at least one denomination rule.", nameof(rules));
        }

        if (list.Select(r => r.IndicatorCode).Distinct(StringComparer.Ordinal).Count() != list.Length)
        {
            throw new ArgumentException("Give at most one denomination rule per indicator.", nameof(rules));
        }

        Denominators = list;
    }

    /// <summary>The rules, in the order given.</summary>
    public ImmutableArray<DenominationRule> Denominators { get; }

    /// <inheritdoc/>
    public override TreatmentStepKind Kind => TreatmentStepKind.Denominate;

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() =>
        Denominators.Aggregate(MethodCall.Create(MethodName), (call, r) => call.With(r.IndicatorCode + "/" + r.DenominatorCode + (r.Scale == 1 ? string.Empty : "*" + MethodCall.Number(r.Scale))));

    /// <inheritdoc/>
    private protected override string RawArguments => string.Join("; ", Denominators);

    /// <summary>Value equality: the same rules in the same order.</summary>
    /// <param name="other">The other step.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(DenominateStep? other) => other is not null && Denominators.SequenceEqual(other.Denominators);

    /// <summary>A hash consistent with <see cref="Equals(DenominateStep?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Kind, Denominators.Length, Denominators[0]);

    /// <inheritdoc/>
    internal override IEnumerable<ValidationProblem> Validate(Framework framework) =>
        Denominators.Where(r => !framework.Contains(r.IndicatorCode) || !framework[r.IndicatorCode].IsIndicator)
            .Select(r => new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Denominate_NotIndicator", r.IndicatorCode)) { IndicatorCode = r.IndicatorCode, ExpectedText = new ProblemText("Expected_FrameworkIndicator"), Found = r.IndicatorCode });

    /// <inheritdoc/>
    internal override void Validate(Dataset dataset, Framework framework, List<ValidationProblem> problems)
    {
        foreach (var r in Denominators.Where(r => !dataset.HasIndicator(r.DenominatorCode)))
        {
            problems.Add(MissingDenominator(r.IndicatorCode, r.DenominatorCode));
        }
    }

    /// <inheritdoc/>
    internal override Dataset Apply(Dataset current, TreatmentContext context) => Apply(current, [.. Denominators], context, Kind);

    /// <summary>Applies rules (grouped by denominator and scale) and logs every value that changed.</summary>
    internal static Dataset Apply(Dataset current, DenominationRule[] rules, TreatmentContext context, TreatmentStepKind kind)
    {
        var next = current;
        foreach (var group in rules.GroupBy(r => (r.DenominatorCode, r.Scale)))
        {
            next = Denomination.Apply(next, group.Select(r => r.IndicatorCode), group.Key.DenominatorCode, group.Key.Scale);
        }

        foreach (var r in rules)
        {
            var before = current.Column(r.IndicatorCode);
            var after = next.Column(r.IndicatorCode);
            for (var i = 0; i < before.Length; i++)
            {
                if (!before[i].Equals(after[i]))
                {
                    context.Changed(kind, current.Units[i].Code, r.IndicatorCode, before[i], after[i], TreatmentAction.Denominated);
                }
            }
        }

        return next;
    }

    /// <summary>The problem of a denominator that is not a column.</summary>
    internal static ValidationProblem MissingDenominator(string indicator, string denominator) =>
        new(ProblemCode.MissingColumn, new ProblemText("Denominate_MissingDenominator", indicator, denominator))
        { IndicatorCode = indicator, ExpectedText = new ProblemText("Expected_ColumnNamed", denominator), FoundText = new ProblemText("Found_None") };

    /// <summary>Reads the method text's arguments (the registry's entry for <c>denominate</c>): each is <c>indicator/denominator[*scale]</c>.</summary>
    internal static DenominateStep Read(MethodArguments arguments)
    {
        var rules = new List<DenominationRule>();
        for (var i = 0; i < arguments.Call.Positional.Length; i++)
        {
            var text = arguments.Text(i, "rule" + (i + 1).ToString(CultureInfo.InvariantCulture), null)!;
            var scale = 1.0;
            var star = text.LastIndexOf('*');
            if (star > 0 && double.TryParse(text[(star + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
            {
                scale = s;
                text = text[..star];
            }

            var slash = text.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == text.Length - 1)
            {
                throw arguments.Fail(new ProblemText("Denominate_Argument", (i + 1).ToString(CultureInfo.InvariantCulture), arguments.Call.Positional[i]), ProblemText.Verbatim("indicator/denominator[*scale]"), ProblemText.Verbatim(arguments.Call.Positional[i]));
            }

            rules.Add(DenominationRule.Create(text[..slash].Trim(), text[(slash + 1)..].Trim(), scale));
        }

        arguments.EnsureAllRead();
        return new DenominateStep(rules);
    }
}
