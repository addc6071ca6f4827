using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>
/// Computes composite indices: validates a dataset against a methodology, compiles the two into a reusable
/// <see cref="CompiledIndex"/>, and runs it.
/// </summary>
public static class IndexCalculator
{
    /// <summary>
    /// Checks that a dataset fits a methodology, reporting every problem at once: indicators without a column,
    /// values outside their kind's range, methods that do not fit their indicators, and reference units (of distance
    /// to a reference unit) that are not in the dataset.
    /// </summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The report.</returns>
    public static ValidationReport Validate(Methodology methodology, Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(dataset);
        return methodology.Validate().Concat(dataset.Validate(methodology.Framework)).Concat(ValidateReferenceUnits(methodology, dataset));
    }

    private static ValidationReport ValidateReferenceUnits(Methodology methodology, Dataset dataset)
    {
        var codes = dataset.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var problems = new List<ValidationProblem>();
        foreach (var node in methodology.Framework.Nodes.Where(n => n.IsIndicator))
        {
            var norm = methodology.NormaliserFor(node.Code);
            if (norm.Method == Normalisation.NormalisationMethod.DistanceToReference && norm.ReferenceUnit is { } unit && !codes.Contains(unit))
            {
                problems.Add(new ValidationProblem(ProblemCode.UnknownValue, $"Indicator '{node.Code}' is normalised by distance to reference unit '{unit}', which is not in the dataset.")
                {
                    IndicatorCode = node.Code,
                    UnitCode = unit,
                    Expected = "the code of a unit in the dataset",
                    Found = unit,
                });
            }
        }

        return ValidationReport.Of(problems);
    }

    /// <summary>Validates and compiles a methodology against a dataset.</summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The dataset (units x indicators; it may have extra columns).</param>
    /// <returns>The compiled index.</returns>
    /// <exception cref="ValidationException">With every problem found by <see cref="Validate"/>.</exception>
    public static CompiledIndex Compile(Methodology methodology, Dataset dataset)
    {
        Validate(methodology, dataset).ThrowIfInvalid("data for " + methodology.Code);
        return new CompiledIndex(methodology, dataset);
    }

    /// <summary>Validates, compiles and runs: the score and rank of every unit at every node.</summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ValidationException">With every problem found by <see cref="Validate"/>.</exception>
    /// <exception cref="CalculationException">When a method meets data it cannot compute on (a constant column under min-max, a zero under a geometric mean...).</exception>
    public static IndexResult Compute(Methodology methodology, Dataset dataset) => Compile(methodology, dataset).Run();
}
