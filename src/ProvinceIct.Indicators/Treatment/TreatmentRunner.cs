using System.Collections.Immutable;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>Applies a methodology's treatment steps to a dataset, in order, collecting the log (see <see cref="TreatmentStep"/>); each step's case does its own work.</summary>
internal static class TreatmentRunner
{
    /// <summary>Every problem that would stop the steps on this dataset: unknown denominator columns, forced units and group names.</summary>
    public static List<ValidationProblem> Validate(ImmutableArray<TreatmentStep> steps, Dataset dataset, Framework framework)
    {
        var problems = new List<ValidationProblem>();
        foreach (var step in steps)
        {
            step.Validate(dataset, framework, problems);
        }

        return problems;
    }

    /// <summary>Applies the steps in order. The dataset keeps every column; only framework indicators change.</summary>
    /// <exception cref="ValidationException">From a step (a zero denominator, an unknown column).</exception>
    /// <exception cref="CalculationException">From a Box-Cox step meeting a value at or below zero.</exception>
    public static (Dataset Dataset, TreatmentLog Log) Apply(ImmutableArray<TreatmentStep> steps, Dataset dataset, Framework framework)
    {
        if (steps.IsDefaultOrEmpty)
        {
            return (dataset, TreatmentLog.Empty);
        }

        var context = new TreatmentContext(dataset, framework, framework.Indicators.Select(d => d.Code).Where(dataset.HasIndicator).ToArray());
        var current = dataset;
        for (var s = 0; s < steps.Length; s++)
        {
            context.StepIndex = s;
            current = steps[s].Apply(current, context);
        }

        return (current, new TreatmentLog(steps, context.Changes.ToImmutable(), context.Screened.ToImmutable()));
    }
}
