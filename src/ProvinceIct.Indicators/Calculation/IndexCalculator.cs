using System.Collections.Immutable;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>
/// Computes composite indices: validates a dataset against a methodology, compiles the two into a reusable
/// <see cref="CompiledIndex"/>, and runs it.
/// </summary>
public static class IndexCalculator
{
    /// <summary>
    /// Checks that a dataset fits a methodology, reporting every problem at once: indicators without a column,
    /// values outside their kind's range, methods that do not fit their indicators, reference units (of distance
    /// to a reference unit) that are not in the dataset, and treatment steps that name a denominator column, a forced
    /// unit or a group name the dataset does not have. Kinds are checked on the data as given, before the treatment
    /// steps (a denomination or a log transform may take a value out of its kind's range on purpose).
    /// </summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The report.</returns>
    public static ValidationReport Validate(Methodology methodology, Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(dataset);
        // The methodology's own report is made once per methodology, the data's once per framework (both immutable).
        var structure = IndexStructure.For(methodology);
        var report = structure.Validation.Concat(dataset.ValidateOnce(methodology.Framework));
        if (structure.HasReferenceUnit)
        {
            report = report.Concat(ValidateReferenceUnits(methodology, dataset));
        }

        return methodology.Treatment.IsEmpty ? report : report.Concat(ValidationReport.Of(TreatmentRunner.Validate(methodology.Treatment, dataset, methodology.Framework)));
    }

    private static ValidationReport ValidateReferenceUnits(Methodology methodology, Dataset dataset)
    {
        HashSet<string>? codes = null; // made only when a normaliser names a reference unit
        var problems = new List<ValidationProblem>();
        foreach (var node in methodology.Framework.Nodes.Where(n => n.IsIndicator))
        {
            var norm = methodology.NormaliserFor(node.Code);
            if (norm is Normalisation.DistanceToReferenceNormaliser { ReferenceUnit: var unit }
                && !(codes ??= dataset.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal)).Contains(unit))
            {
                problems.Add(new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Calc_ReferenceUnit", node.Code, unit))
                {
                    IndicatorCode = node.Code,
                    UnitCode = unit,
                    ExpectedText = new ProblemText("Calc_ExpectedUnit"),
                    Found = unit,
                });
            }
        }

        return ValidationReport.Of(problems);
    }

    /// <summary>
    /// Compiles as <see cref="Compile"/>, but reports a calculation the treatment steps or the weighting methods cannot
    /// do on these values (a Box-Cox step meeting zero, screening that leaves no unit, PCA on too few complete units,
    /// ...) as a failed result instead of throwing: for searches that try many datasets and expect some to fail. The
    /// problem carries the <see cref="CalculationException"/>'s code, message, node (as
    /// <see cref="ValidationProblem.IndicatorCode"/>), unit and value.
    /// </summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The compiled index, or the problem.</returns>
    /// <exception cref="ValidationException">As <see cref="Compile"/>: the methodology does not fit the dataset (invalid input, not a value to try).</exception>
    public static ReadResult<CompiledIndex> TryCompile(Methodology methodology, Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        try
        {
            return ReadResult<CompiledIndex>.ForValue(Compile(methodology, dataset), methodology.Code);
        }
        catch (CalculationException ex)
        {
            return ReadResult<CompiledIndex>.ForFailure(ValidationReport.Of([ex.ToProblem()]), methodology.Code);
        }
    }

    /// <summary>
    /// Validates a methodology against a dataset, applies the methodology's treatment steps to the dataset (once, in
    /// order: see <see cref="Methodology.Treatment"/>), and compiles the treated dataset. Units removed by a screening
    /// step are not in the compiled index nor in its results; <see cref="CompiledIndex.Treatment"/> lists them with every
    /// value the steps changed.
    /// </summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The dataset (units x indicators; it may have extra columns, such as denominators).</param>
    /// <returns>The compiled index.</returns>
    /// <exception cref="ValidationException">
    /// With every problem found by <see cref="Validate"/>; also when a denominator is zero under a present value, or a
    /// reference unit of distance to a reference unit was screened out.
    /// </exception>
    /// <exception cref="CalculationException">
    /// When a weighting method cannot derive its node's weights (PCA on too few complete units, optimised weights that do
    /// not converge: the message names the node and the reason); when a Box-Cox step meets a value at or below zero; when no unit is left (an empty dataset, or screening removed
    /// every unit); when every value of every indicator is missing.
    /// </exception>
    public static CompiledIndex Compile(Methodology methodology, Dataset dataset)
    {
        Validate(methodology, dataset).ThrowIfInvalid("data for " + methodology.Code);
        var (treated, log) = TreatmentRunner.Apply(methodology.Treatment, dataset, methodology.Framework);
        if (!log.IsEmpty)
        {
            ValidateReferenceUnits(methodology, treated).ThrowIfInvalid("treated data for " + methodology.Code);
        }

        if (treated.UnitCount == 0)
        {
            throw new CalculationException(ProblemCode.EmptyInput,
                new ProblemText(log.IsEmpty ? "Calc_NoUnitsEmptyDataset" : "Calc_NoUnitsScreened", methodology.Code),
                methodology.Framework.IndexCode);
        }

        if (methodology.Framework.Indicators.All(d => AllMissing(treated.Column(d.Code))))
        {
            throw new CalculationException(ProblemCode.EmptyInput,
                new ProblemText(log.IsEmpty ? "Calc_AllMissing" : "Calc_AllMissingAfterTreatment", methodology.Code),
                methodology.Framework.IndexCode);
        }

        return DeriveWeights(new CompiledIndex(methodology, treated, log));
    }

    /// <summary>
    /// Applies the methodology's weighting methods, aggregates in compiled order (lowest level first): each method derives
    /// its node's weights from the index compiled with the weights derived so far, and the index is compiled again with
    /// them. The compiled index returned carries the derived weights in its framework and lists them in <see cref="CompiledIndex.DerivedWeights"/>.
    /// </summary>
    private static CompiledIndex DeriveWeights(CompiledIndex compiled)
    {
        var m = compiled.Methodology;
        if (m.Weighting is null && m.NodeWeighting.IsEmpty)
        {
            return compiled;
        }

        var derived = ImmutableArray.CreateBuilder<DerivedWeights>();
        var codes = compiled.NodeCodes;
        for (var node = compiled.IndicatorCount; node < codes.Length; node++)
        {
            var code = codes[node];
            if (m.WeightingFor(code)?.Derive(compiled, code) is not { } d)
            {
                continue;
            }

            derived.Add(d);
            var fw = compiled.Methodology.Framework;
            var nodes = fw.Nodes.Select(n => n.ParentCode == code ? n with { Weight = d.Weights[d.ChildCodes.IndexOf(n.Code)] } : n);
            compiled = new CompiledIndex(compiled.Methodology with { Framework = Framework.Create(nodes) }, compiled.Dataset, compiled.Treatment);
        }

        compiled.DerivedWeights = derived.ToImmutable();
        return compiled;
    }

    private static bool AllMissing(ReadOnlySpan<double> column)
    {
        foreach (var x in column)
        {
            if (!double.IsNaN(x))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Validates, compiles and runs: the score and rank of every unit at every node.</summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ValidationException">With every problem found by <see cref="Validate"/>.</exception>
    /// <exception cref="CalculationException">
    /// When a method meets data it cannot compute on (a constant column under min-max, a zero under a geometric mean, a
    /// result that would not be a finite number...), or there is nothing to rank (no unit left, every value missing, no
    /// unit with an index score). An indicator missing for every unit is not an error: it is named in
    /// <see cref="CalculationLog.Warnings"/>.
    /// </exception>
    public static IndexResult Compute(Methodology methodology, Dataset dataset) => Compile(methodology, dataset).Run();
}
