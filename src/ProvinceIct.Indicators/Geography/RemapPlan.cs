using System.Collections.Frozen;
using System.Collections.Immutable;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Geography;

/// <summary>
/// A <see cref="RemapRule"/> for each column of a dataset, by column code (ordinal): what
/// <see cref="BoundaryRemapper.Remap"/> does with every column. Immutable. Build it explicitly with
/// <see cref="Create"/> or <see cref="ForAll"/>, or from indicator kinds with <see cref="Defaults(Dataset, IEnumerable{IndicatorDefinition}, string?, IEnumerable{KeyValuePair{string, RemapRule}}?)"/>.
/// </summary>
public sealed class RemapPlan
{
    private readonly FrozenDictionary<string, RemapRule> byColumn;

    private RemapPlan(ImmutableArray<KeyValuePair<string, RemapRule>> rules)
    {
        Rules = rules;
        byColumn = rules.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A plan with no rule.</summary>
    public static RemapPlan Empty { get; } = new([]);

    /// <summary>Creates a plan from a rule per column.</summary>
    /// <param name="rules">Column code and rule pairs; each column once.</param>
    /// <returns>The plan, with the rules in the order given.</returns>
    /// <exception cref="ArgumentException">When a column code is blank, a rule is null, or a column appears twice.</exception>
    public static RemapPlan Create(IEnumerable<KeyValuePair<string, RemapRule>> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = new List<KeyValuePair<string, RemapRule>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (column, rule) in rules)
        {
            if (string.IsNullOrWhiteSpace(column) || rule is null)
            {
                throw new ArgumentException("Every rule needs a non-blank column code and a rule.", nameof(rules));
            }

            if (!seen.Add(column))
            {
                throw new ArgumentException($"Column '{column}' has more than one rule.", nameof(rules));
            }

            list.Add(KeyValuePair.Create(column, rule));
        }

        return new RemapPlan([.. list]);
    }

    /// <summary>Creates a plan that applies one rule to every given column, for example <see cref="RemapRule.Mean"/> to published main indices.</summary>
    /// <param name="columns">The column codes; each once.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">When a column code is blank or appears twice.</exception>
    public static RemapPlan ForAll(IEnumerable<string> columns, RemapRule rule)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rule);
        return Create(columns.Select(c => KeyValuePair.Create(c, rule)));
    }

    /// <summary>
    /// Builds a complete plan for <paramref name="dataset"/> from the indicator kinds, reporting every column it cannot
    /// decide at once. Per column, in order: an explicit rule in <paramref name="overrides"/>; otherwise by the kind of
    /// its definition: <see cref="KindCategory.Count"/> and <see cref="KindCategory.Money"/> give
    /// <see cref="RemapRule.Sum"/>; <see cref="KindCategory.Share"/>, <see cref="KindCategory.Percent"/> and
    /// <see cref="KindCategory.Rate"/> give <see cref="RemapRule.WeightedMean"/> by the definition's
    /// <see cref="IndicatorDefinition.DenominatorCode"/> when it has one, else by <paramref name="defaultWeightColumn"/>;
    /// with neither there is no silent default and the column is reported. Bounded scores, service levels, yes/no and
    /// real values have no default (a union has no single obvious value for them) and are reported, as are columns
    /// with no definition. Definitions of indicators the dataset lacks are ignored.
    /// </summary>
    /// <param name="dataset">The 2016 dataset whose columns need rules.</param>
    /// <param name="definitions">The indicator definitions (for example <see cref="Framework.Indicators"/>); codes unique.</param>
    /// <param name="defaultWeightColumn">The weight for rates, shares and percents without a denominator (for example
    /// <c>population_avg_thousand</c>), or null to require a denominator or an override for each.</param>
    /// <param name="overrides">Explicit rules that take precedence (for example <see cref="RemapRule.Drop"/> for a rank
    /// column, <see cref="RemapRule.Sum"/> for a population in thousands), or null.</param>
    /// <returns>The plan, one rule per dataset column in dataset order.</returns>
    /// <exception cref="ValidationException">Listing every column without a rule (code <see cref="ProblemCode.InvalidParameter"/>)
    /// and every weight column the dataset lacks (<see cref="ProblemCode.MissingColumn"/>).</exception>
    /// <exception cref="ArgumentException">When two definitions share a code, or an override is invalid as in <see cref="Create"/>.</exception>
    public static RemapPlan Defaults(Dataset dataset, IEnumerable<IndicatorDefinition> definitions, string? defaultWeightColumn, IEnumerable<KeyValuePair<string, RemapRule>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(definitions);
        var defs = definitions.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var explicitRules = overrides is null ? Empty : Create(overrides);
        var problems = new List<ValidationProblem>();
        var rules = new List<KeyValuePair<string, RemapRule>>(dataset.IndicatorCount);
        for (var j = 0; j < dataset.IndicatorCount; j++)
        {
            var code = dataset.IndicatorCodes[j];
            if (explicitRules.TryGetRule(code, out var given))
            {
                rules.Add(KeyValuePair.Create(code, given));
                continue;
            }

            if (!defs.TryGetValue(code, out var def))
            {
                problems.Add(NoRule(code, j, "no indicator definition and no explicit rule"));
                continue;
            }

            switch (def.Kind.Category)
            {
                case KindCategory.Count or KindCategory.Money:
                    rules.Add(KeyValuePair.Create(code, RemapRule.Sum));
                    break;
                case KindCategory.Share or KindCategory.Percent or KindCategory.Rate:
                    var weight = def.DenominatorCode ?? defaultWeightColumn;
                    if (string.IsNullOrWhiteSpace(weight))
                    {
                        problems.Add(NoRule(code, j, $"a {def.Kind} with no denominator, no default weight column and no explicit rule"));
                    }
                    else if (!dataset.HasIndicator(weight))
                    {
                        problems.Add(new ValidationProblem(ProblemCode.MissingColumn, new ProblemText("Remap_WeightedByMissing", code, weight))
                        { Column = j + 1, IndicatorCode = code, ExpectedText = new ProblemText("Remap_ExpectedWeightColumn", weight), FoundText = new ProblemText("Found_NoSuchColumn") });
                    }
                    else
                    {
                        rules.Add(KeyValuePair.Create(code, RemapRule.WeightedMean(weight)));
                    }

                    break;
                default:
                    problems.Add(NoRule(code, j, $"a {def.Kind}, which has no default rule"));
                    break;
            }
        }

        ValidationReport.Of(problems).ThrowIfInvalid("remap plan");
        return new RemapPlan([.. rules]);
    }

    /// <summary>
    /// Builds a complete plan from the indicators of a framework; see
    /// <see cref="Defaults(Dataset, IEnumerable{IndicatorDefinition}, string?, IEnumerable{KeyValuePair{string, RemapRule}}?)"/> for the rules.
    /// </summary>
    /// <param name="dataset">The 2016 dataset whose columns need rules.</param>
    /// <param name="framework">The framework whose indicator definitions decide the defaults.</param>
    /// <param name="defaultWeightColumn">The weight for rates, shares and percents without a denominator, or null.</param>
    /// <param name="overrides">Explicit rules that take precedence, or null.</param>
    /// <returns>The plan, one rule per dataset column in dataset order.</returns>
    /// <exception cref="ValidationException">Listing every column without a rule and every missing weight column.</exception>
    public static RemapPlan Defaults(Dataset dataset, Framework framework, string? defaultWeightColumn, IEnumerable<KeyValuePair<string, RemapRule>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return Defaults(dataset, framework.Indicators, defaultWeightColumn, overrides);
    }

    /// <summary>The rules, column code first, in the order given.</summary>
    public ImmutableArray<KeyValuePair<string, RemapRule>> Rules { get; }

    /// <summary>The number of columns with a rule.</summary>
    public int Count => Rules.Length;

    /// <summary>The rule for a column.</summary>
    /// <param name="column">The column code.</param>
    /// <exception cref="KeyNotFoundException">When the plan has no rule for the column.</exception>
    public RemapRule this[string column] =>
        byColumn.TryGetValue(column, out var rule) ? rule : throw new KeyNotFoundException($"The plan has no rule for column '{column}'.");

    /// <summary>The rule for a column, without throwing.</summary>
    /// <param name="column">The column code.</param>
    /// <param name="rule">The rule, or null.</param>
    /// <returns>True when the plan has a rule for the column.</returns>
    public bool TryGetRule(string column, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RemapRule? rule) =>
        byColumn.TryGetValue(column, out rule);

    /// <summary>Returns a copy with a column's rule added, or replaced in place if the column has one.</summary>
    /// <param name="column">The column code.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The new plan.</returns>
    public RemapPlan With(string column, RemapRule rule)
    {
        Internal.Preconditions.NotBlank(column);
        ArgumentNullException.ThrowIfNull(rule);
        var pair = KeyValuePair.Create(column, rule);
        for (var i = 0; i < Rules.Length; i++)
        {
            if (Rules[i].Key == column)
            {
                return new RemapPlan(Rules.SetItem(i, pair));
            }
        }

        return new RemapPlan(Rules.Add(pair));
    }

    /// <summary>Returns a copy in which every rule has the given missing-value policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The new plan.</returns>
    public RemapPlan WithMissingPolicy(RemapMissingPolicy policy) =>
        new([.. Rules.Select(r => KeyValuePair.Create(r.Key, r.Value.WithMissingPolicy(policy)))]);

    /// <summary>Formats as <c>RemapPlan: population=sum, urban_pct=weighted-mean[population]</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        Rules.IsEmpty ? "RemapPlan: no rules" : "RemapPlan: " + string.Join(", ", Rules.Select(r => r.Key + "=" + r.Value));

    private static ValidationProblem NoRule(string code, int column, string found) =>
        new(ProblemCode.InvalidParameter, new ProblemText("Remap_NoRule", code))
        { Column = column + 1, IndicatorCode = code, ExpectedText = new ProblemText("Remap_ExpectedExplicitRule"), Found = found };
}
