using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Geography;

/// <summary>
/// Carries data across Vietnam's 1 July 2025 reorganisation: from the 63 units of
/// <see cref="ProvinceGeography.Provinces2016"/> to the 34 units of <see cref="ProvinceGeography.Provinces2025"/>,
/// each the union of its predecessors (resolution 202/2025/QH15). Counts and money are summed, rates and shares
/// weighted by their denominator, published main indices averaged (the DTI 2024 rule); see <see cref="RemapRule"/>.
/// </summary>
/// <remarks>
/// <para>Input rows are matched by <see cref="Unit.Code"/> as 2016 GSO codes (<see cref="ProvinceCatalog.Get"/>).
/// The output always has the 34 units in GSO code order, built with <see cref="Province.ToUnit"/>. A dataset may lack
/// some of the 63 units: their successors' values follow each rule's <see cref="RemapMissingPolicy"/> and the log
/// names the absent predecessors.</para>
/// <para>A 2025 unit formed from one 2016 unit (kept or renamed) takes its values unchanged under every rule.</para>
/// </remarks>
public static class BoundaryRemapper
{
    private const string What = "boundary remap";

    /// <summary>
    /// Remaps a dataset of 2016 units to the 34 units from 1 July 2025, column by column as <paramref name="plan"/> says.
    /// </summary>
    /// <param name="dataset63">The dataset; unit codes are 2016 GSO codes (all 63 or some of them).</param>
    /// <param name="plan">A rule for every column of the dataset (<see cref="RemapRule.Drop"/> to leave one out).</param>
    /// <param name="catalog">The catalogue giving the succession, or null for <see cref="ProvinceCatalog.Default"/>.</param>
    /// <returns>The 34-unit dataset and the log.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="dataset63"/> or <paramref name="plan"/> is null.</exception>
    /// <exception cref="ValidationException">With every problem at once: unit codes that are not 2016 codes (with a
    /// suggestion when the code or name matches a 2016 unit), a unit whose name names another 2016 unit, a dataset
    /// that already has exactly the 34 codes of 2025, columns without a rule, rules or weight columns for columns the
    /// dataset lacks, negative weights, and merged units whose weights sum to zero (naming the unit).</exception>
    public static RemapResult Remap(Dataset dataset63, RemapPlan plan, ProvinceCatalog? catalog = null)
    {
        var report = Check(dataset63, plan, catalog, out var result);
        report.ThrowIfInvalid(What);
        return result!;
    }

    /// <summary>Remaps like <see cref="Remap"/>, returning every problem instead of throwing.</summary>
    /// <param name="dataset63">The dataset; unit codes are 2016 GSO codes.</param>
    /// <param name="plan">A rule for every column of the dataset.</param>
    /// <param name="catalog">The catalogue, or null for <see cref="ProvinceCatalog.Default"/>.</param>
    /// <returns>The result, or the report of every problem (never both).</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="dataset63"/> or <paramref name="plan"/> is null.</exception>
    public static ReadResult<RemapResult> TryRemap(Dataset dataset63, RemapPlan plan, ProvinceCatalog? catalog = null)
    {
        var report = Check(dataset63, plan, catalog, out var result);
        return result is null ? ReadResult<RemapResult>.ForFailure(report, What) : ReadResult<RemapResult>.ForValue(result, What);
    }

    private static ValidationReport Check(Dataset dataset63, RemapPlan plan, ProvinceCatalog? catalog, out RemapResult? result)
    {
        ArgumentNullException.ThrowIfNull(dataset63);
        ArgumentNullException.ThrowIfNull(plan);
        catalog ??= ProvinceCatalog.Default;
        result = null;

        var problems = new List<ValidationProblem>();
        var rowOf = MatchUnits(dataset63, catalog, problems);
        CheckColumns(dataset63, plan, problems);
        if (problems.Count > 0)
        {
            return ValidationReport.Of(problems);
        }

        var units2025 = catalog.Provinces(ProvinceGeography.Provinces2025);
        var kept = Enumerable.Range(0, dataset63.IndicatorCount).Where(j => plan[dataset63.IndicatorCodes[j]].Method != RemapMethod.Drop).ToArray();
        var columns = kept.Select(_ => new double[units2025.Length]).ToArray();
        var unitLogs = new List<RemapUnitLog>(units2025.Length);
        for (var u = 0; u < units2025.Length; u++)
        {
            var unit = units2025[u];
            var preds = catalog.Predecessors(unit.Code);
            var rows = preds.Select(p => rowOf.TryGetValue(p.Code, out var r) ? r : -1).ToArray();
            var x = new double[preds.Length];
            var w = new double[preds.Length];
            var cells = new List<RemapCellLog>(kept.Length);
            for (var k = 0; k < kept.Length; k++)
            {
                var code = dataset63.IndicatorCodes[kept[k]];
                var rule = plan[code];
                var weightColumn = rule.Method == RemapMethod.WeightedMean ? dataset63.IndexOfIndicator(rule.WeightColumn!) : -1;
                for (var i = 0; i < preds.Length; i++)
                {
                    x[i] = rows[i] < 0 ? double.NaN : dataset63[rows[i], kept[k]];
                    w[i] = rows[i] < 0 || weightColumn < 0 ? double.NaN : dataset63[rows[i], weightColumn];
                }

                columns[k][u] = rule.Combine(x, w, out var outcome, out var zeroWeightSum);
                if (zeroWeightSum)
                {
                    problems.Add(new ValidationProblem(ProblemCode.ZeroWeightSum,
                        new ProblemText("Remap_ZeroWeights", rule.WeightColumn, unit.ToString(), string.Join(", ", preds), code))
                    { UnitCode = unit.Code, IndicatorCode = code, ExpectedText = new ProblemText("Remap_ExpectedPositiveSum"), Found = "0" });
                }

                var weighted = weightColumn >= 0 && preds.Length > 1;
                var missing = preds.Where((_, i) => double.IsNaN(x[i]) || (weighted && double.IsNaN(w[i]))).Select(p => p.Code).ToImmutableArray();
                cells.Add(new RemapCellLog(unit.Code, code, rule, outcome, missing));
            }

            unitLogs.Add(new RemapUnitLog(unit, preds, [.. preds.Where((_, i) => rows[i] < 0)], [.. cells]));
        }

        if (problems.Count > 0)
        {
            return ValidationReport.Of(problems);
        }

        var dataset = Dataset.FromColumns(
            units2025.Select(p => p.ToUnit()),
            kept.Select((j, k) => KeyValuePair.Create(dataset63.IndicatorCodes[j], columns[k])));
        var dropped = dataset63.IndicatorCodes.Where(c => plan[c].Method == RemapMethod.Drop).ToImmutableArray();
        var carried = unitLogs.SelectMany(u => u.Predecessors).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var unmapped = rowOf.OrderBy(e => e.Value).Where(e => !carried.Contains(e.Key)).Select(e => dataset63.Units[e.Value].Code).ToImmutableArray();
        result = new RemapResult(dataset, new RemapLog(dataset63.UnitCount, plan, dropped, [.. unitLogs], unmapped));
        return ValidationReport.Empty;
    }

    /// <summary>
    /// Applies the DTI 2024 rule to published values of 2016 units: each 2025 unit gets the plain mean of its
    /// predecessors' values (<see cref="RemapRule.Mean"/>) in every column (for example the eight main indices).
    /// Because the DTI is a weighted sum of its main indices, averaging the main indices and then weighting gives the
    /// same value as averaging the predecessors' DTI values when every predecessor has every value.
    /// </summary>
    /// <param name="scores2016">The published values, one row per 2016 unit (by 2016 GSO code); NaN for missing.</param>
    /// <param name="missingPolicy">What to do when a predecessor has no value: missing (default) or the mean of those that have one.</param>
    /// <param name="catalog">The catalogue, or null for <see cref="ProvinceCatalog.Default"/>.</param>
    /// <returns>The 34-unit values and the log.</returns>
    /// <exception cref="ValidationException">When unit codes are not 2016 codes, as in <see cref="Remap"/>.</exception>
    public static RemapResult RemapScores(Dataset scores2016, RemapMissingPolicy missingPolicy = RemapMissingPolicy.Propagate, ProvinceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(scores2016);
        return Remap(scores2016, RemapPlan.ForAll(scores2016.IndicatorCodes, RemapRule.Mean.WithMissingPolicy(missingPolicy)), catalog);
    }

    /// <summary>
    /// Applies the DTI 2024 rule (plain mean of the predecessors' values) to one published value per 2016 unit.
    /// </summary>
    /// <param name="scores2016ByCode">Values by 2016 GSO code (all 63 or some); NaN for missing.</param>
    /// <param name="missingPolicy">What to do when a predecessor has no value: missing (default) or the mean of those that have one.</param>
    /// <param name="catalog">The catalogue, or null for <see cref="ProvinceCatalog.Default"/>.</param>
    /// <returns>The values of all 34 units by 2025 GSO code (ordinal order); NaN where missing.</returns>
    /// <exception cref="ValidationException">When a key is not a 2016 code (all listed at once) or a value is infinite.</exception>
    /// <exception cref="ArgumentException">When a key is blank.</exception>
    public static ImmutableSortedDictionary<string, double> RemapScores(IReadOnlyDictionary<string, double> scores2016ByCode, RemapMissingPolicy missingPolicy = RemapMissingPolicy.Propagate, ProvinceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(scores2016ByCode);
        const string column = "score";
        var entries = scores2016ByCode.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        var dataset = Dataset.FromColumns(entries.Select(e => Unit.Create(e.Key)), [KeyValuePair.Create(column, entries.Select(e => e.Value).ToArray())]);
        var result = RemapScores(dataset, missingPolicy, catalog);
        return result.Dataset.Units.Select((u, i) => KeyValuePair.Create(u.Code, result.Dataset[i, 0])).ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    private static Dictionary<string, int> MatchUnits(Dataset dataset, ProvinceCatalog catalog, List<ValidationProblem> problems)
    {
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < dataset.UnitCount; i++)
        {
            var unit = dataset.Units[i];
            if (!catalog.TryGet(unit.Code, ProvinceGeography.Provinces2016, out var p))
            {
                var hint = Suggest(unit, catalog);
                problems.Add(new ValidationProblem(ProblemCode.UnknownValue, hint is null ? new ProblemText("Remap_NotGso", unit.Code) : new ProblemText("Remap_NotGsoHint", unit.Code, hint.ToString()))
                { Row = i + 1, UnitCode = unit.Code, ExpectedText = new ProblemText("Remap_ExpectedGso2016"), Found = unit.Code });
                continue;
            }

            if (!rowOf.TryAdd(p.Code, i))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateUnit, new ProblemText("Remap_DuplicateRows", (rowOf[p.Code] + 1).ToString(CultureInfo.InvariantCulture), (i + 1).ToString(CultureInfo.InvariantCulture), p.ToString()))
                { Row = i + 1, UnitCode = unit.Code, ExpectedText = new ProblemText("Remap_ExpectedOneRow"), Found = unit.Code });
                continue;
            }

            if (unit.Name != unit.Code && catalog.TryMatch(unit.Name, ProvinceGeography.Provinces2016, out var named) && named.Code != p.Code)
            {
                problems.Add(new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Remap_NameMismatch", unit.Code, p.ToString(), unit.Name, named.ToString()))
                { Row = i + 1, UnitCode = unit.Code, ExpectedText = new ProblemText("Remap_ExpectedNameOf", p.ToString()), Found = unit.Name });
            }
        }

        var codes2025 = catalog.Provinces(ProvinceGeography.Provinces2025).Select(p => p.Code);
        if (rowOf.Count > 0 && rowOf.Count == dataset.UnitCount && rowOf.Keys.ToHashSet(StringComparer.Ordinal).SetEquals(codes2025))
        {
            problems.Add(new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Remap_Already2025"))
            { ExpectedText = new ProblemText("Remap_Expected63"), FoundText = new ProblemText("Remap_Found34") });
        }

        return rowOf;
    }

    private static string? Suggest(Unit unit, ProvinceCatalog catalog)
    {
        var code = unit.Code.Trim();
        if (code.Length == 1 && char.IsAsciiDigit(code[0]) && catalog.TryGet("0" + code, ProvinceGeography.Provinces2016, out var padded))
        {
            return padded.ToString();
        }

        return catalog.TryMatch(unit.Code, ProvinceGeography.Provinces2016, out var p) || catalog.TryMatch(unit.Name, ProvinceGeography.Provinces2016, out p)
            ? p.ToString()
            : null;
    }

    private static void CheckColumns(Dataset dataset, RemapPlan plan, List<ValidationProblem> problems)
    {
        for (var j = 0; j < dataset.IndicatorCount; j++)
        {
            var code = dataset.IndicatorCodes[j];
            if (!plan.TryGetRule(code, out _))
            {
                problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, new ProblemText("Remap_NoRule", code))
                { Column = j + 1, IndicatorCode = code, ExpectedText = new ProblemText("Remap_ExpectedRule"), FoundText = new ProblemText("Remap_FoundNoRule") });
            }
        }

        var checkedWeights = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, rule) in plan.Rules)
        {
            if (!dataset.HasIndicator(code))
            {
                problems.Add(new ValidationProblem(ProblemCode.MissingColumn, new ProblemText("Remap_RuleWithoutColumn", code))
                { IndicatorCode = code, ExpectedText = new ProblemText("Expected_ColumnNamed", code), FoundText = new ProblemText("Found_NoSuchColumn") });
            }

            if (rule.Method != RemapMethod.WeightedMean || !checkedWeights.Add(rule.WeightColumn!))
            {
                continue;
            }

            if (!dataset.HasIndicator(rule.WeightColumn!))
            {
                problems.Add(new ValidationProblem(ProblemCode.MissingColumn, new ProblemText("Remap_NoWeightColumn", rule.WeightColumn, code))
                { IndicatorCode = rule.WeightColumn, ExpectedText = new ProblemText("Expected_ColumnNamed", rule.WeightColumn), FoundText = new ProblemText("Found_NoSuchColumn") });
                continue;
            }

            var j = dataset.IndexOfIndicator(rule.WeightColumn!);
            var weights = dataset.Column(j);
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] < 0)
                {
                    problems.Add(new ValidationProblem(ProblemCode.NegativeWeight, new ProblemText("Remap_NegativeWeight", rule.WeightColumn, dataset.Units[i].Code))
                    { Row = i + 1, Column = j + 1, UnitCode = dataset.Units[i].Code, IndicatorCode = rule.WeightColumn, ExpectedText = new ProblemText("Remap_ExpectedWeight"), Found = weights[i].ToString("R", CultureInfo.InvariantCulture) });
                }
            }
        }
    }
}
