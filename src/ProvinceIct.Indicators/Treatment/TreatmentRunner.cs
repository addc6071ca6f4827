using System.Collections.Immutable;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>Applies a methodology's treatment steps to a dataset, in order, collecting the log (see <see cref="TreatmentStep"/>).</summary>
internal static class TreatmentRunner
{
    /// <summary>Every problem that would stop the steps on this dataset: unknown denominator columns, forced units and group names.</summary>
    public static List<ValidationProblem> Validate(ImmutableArray<TreatmentStep> steps, Dataset dataset, Framework framework)
    {
        var problems = new List<ValidationProblem>();
        var units = dataset.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case TreatmentStepKind.Denominate:
                    foreach (var r in step.Denominators.Where(r => !dataset.HasIndicator(r.DenominatorCode)))
                    {
                        problems.Add(MissingDenominator(r.IndicatorCode, r.DenominatorCode));
                    }

                    break;
                case TreatmentStepKind.DenominateByDefinitions:
                    foreach (var d in framework.Indicators.Where(d => d.DenominatorCode is { } c && !dataset.HasIndicator(c)))
                    {
                        problems.Add(MissingDenominator(d.Code, d.DenominatorCode!));
                    }

                    break;
                case TreatmentStepKind.Screen:
                    foreach (var c in step.Screening!.ForceInclude.Concat(step.Screening.ForceExclude).Where(c => !units.Contains(c)))
                    {
                        problems.Add(new ValidationProblem(ProblemCode.UnknownValue, $"Screening forces unit '{c}', which is not in the dataset.") { UnitCode = c, Expected = "a unit code of the dataset", Found = c });
                    }

                    break;
                case TreatmentStepKind.Impute when step.Imputer!.GroupName is { } g && !dataset.Units.Any(u => u.Group(g) is not null):
                    problems.Add(new ValidationProblem(ProblemCode.UnknownValue, $"Imputation by group '{g}', but no unit of the dataset belongs to a group of that name.") { Expected = "a group name of the units (a Group_ column)", Found = g });
                    break;
            }
        }

        return problems;
    }

    private static ValidationProblem MissingDenominator(string indicator, string denominator) =>
        new(ProblemCode.MissingColumn, $"Indicator '{indicator}' is denominated by '{denominator}', which is not a column of the dataset.")
        { IndicatorCode = indicator, Expected = "a column named " + denominator, Found = "none" };

    /// <summary>Applies the steps in order. The dataset keeps every column; only framework indicators change.</summary>
    /// <exception cref="ValidationException">From a step (a zero denominator, an unknown column).</exception>
    /// <exception cref="CalculationException">From a Box-Cox step meeting a value at or below zero.</exception>
    public static (Dataset Dataset, TreatmentLog Log) Apply(ImmutableArray<TreatmentStep> steps, Dataset dataset, Framework framework)
    {
        if (steps.IsDefaultOrEmpty)
        {
            return (dataset, TreatmentLog.Empty);
        }

        var indicators = framework.Indicators.Select(d => d.Code).Where(dataset.HasIndicator).ToArray();
        var changes = ImmutableArray.CreateBuilder<TreatmentLogEntry>();
        var screened = ImmutableArray.CreateBuilder<ScreenedUnit>();
        var current = dataset;
        for (var s = 0; s < steps.Length; s++)
        {
            var step = steps[s];
            switch (step.Kind)
            {
                case TreatmentStepKind.Denominate:
                case TreatmentStepKind.DenominateByDefinitions:
                {
                    var rules = step.Kind == TreatmentStepKind.Denominate
                        ? step.Denominators.ToArray()
                        : framework.Indicators.Where(d => d.DenominatorCode is not null && dataset.HasIndicator(d.Code))
                            .Select(d => DenominationRule.Create(d.Code, d.DenominatorCode!, step.Scale)).ToArray();
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
                                changes.Add(new TreatmentLogEntry(s, step.Kind, current.Units[i].Code, r.IndicatorCode, before[i], after[i], TreatmentAction.Denominated));
                            }
                        }
                    }

                    current = next;
                    break;
                }

                case TreatmentStepKind.Screen:
                {
                    var result = step.Screening!.Apply(current, indicators);
                    screened.AddRange(result.Removed);
                    current = result.Dataset;
                    break;
                }

                case TreatmentStepKind.Impute:
                {
                    var result = step.Imputer!.Apply(current, indicators);
                    foreach (var e in result.Imputed)
                    {
                        changes.Add(new TreatmentLogEntry(s, step.Kind, e.UnitCode, e.IndicatorCode, double.NaN, e.NewValue, TreatmentAction.Imputed));
                    }

                    current = result.Dataset;
                    break;
                }

                default:
                {
                    var result = step.Kind == TreatmentStepKind.Treat
                        ? step.OutlierTreatment!.Apply(current, indicators)
                        : OutlierTreatment.BoxCox(current, step.Lambda, indicators);
                    foreach (var v in result.Log)
                    {
                        changes.Add(new TreatmentLogEntry(s, step.Kind, v.UnitCode, v.IndicatorCode, v.OldValue, v.NewValue, v.Action));
                    }

                    current = result.Dataset;
                    break;
                }
            }
        }

        return (current, new TreatmentLog(steps, changes.ToImmutable(), screened.ToImmutable()));
    }
}
