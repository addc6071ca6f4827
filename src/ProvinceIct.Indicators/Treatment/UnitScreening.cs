using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Screening of units by data availability (COINr <c>Screen</c> with <c>unit_screen = "byNA"</c>): a unit is kept when
/// its share of present (non-NaN) values over the screened indicators is at least the threshold, removed when it is
/// strictly below. Force-included units are kept and force-excluded units removed whatever their availability.
/// Immutable; create with <see cref="ByAvailability"/>.
/// </summary>
public sealed record UnitScreening
{
    private UnitScreening(double threshold)
    {
        Threshold = threshold;
    }

    /// <summary>The default screening: keep units with at least 2/3 of the values present (COINr's <c>dat_thresh</c>).</summary>
    public static UnitScreening Default { get; } = new(2.0 / 3.0);

    /// <summary>A screening with a threshold.</summary>
    /// <param name="threshold">The smallest share of present values a unit needs, in [0, 1] (0 keeps every unit).</param>
    /// <returns>The screening, with no forced units.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When outside [0, 1].</exception>
    public static UnitScreening ByAvailability(double threshold) => new(Internal.Preconditions.InRange(threshold, 0, 1));

    /// <summary>The smallest share of present values a unit needs to be kept.</summary>
    public double Threshold { get; private init; }

    /// <summary>Units kept whatever their availability (ordinal codes, sorted).</summary>
    public ImmutableSortedSet<string> ForceInclude { get; private init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Units removed whatever their availability (ordinal codes, sorted).</summary>
    public ImmutableSortedSet<string> ForceExclude { get; private init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Returns a copy that also keeps these units whatever their availability.</summary>
    /// <param name="unitCodes">The unit codes.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException">When a code is also force-excluded.</exception>
    public UnitScreening WithForceInclude(params IEnumerable<string> unitCodes)
    {
        ArgumentNullException.ThrowIfNull(unitCodes);
        var set = ForceInclude.Union(unitCodes.Select(c => Internal.Preconditions.NotBlank(c)));
        if (set.Overlaps(ForceExclude))
        {
            throw new ArgumentException("A unit cannot be both force-included and force-excluded.", nameof(unitCodes));
        }

        return this with { ForceInclude = set };
    }

    /// <summary>Returns a copy that also removes these units whatever their availability.</summary>
    /// <param name="unitCodes">The unit codes.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException">When a code is also force-included.</exception>
    public UnitScreening WithForceExclude(params IEnumerable<string> unitCodes)
    {
        ArgumentNullException.ThrowIfNull(unitCodes);
        var set = ForceExclude.Union(unitCodes.Select(c => Internal.Preconditions.NotBlank(c)));
        if (set.Overlaps(ForceInclude))
        {
            throw new ArgumentException("A unit cannot be both force-included and force-excluded.", nameof(unitCodes));
        }

        return this with { ForceExclude = set };
    }

    /// <summary>
    /// Screens the units. Availability of a unit = present values / number of screened indicators. With no screened
    /// indicator every unit's availability is NaN and only forced exclusions remove units.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="indicatorCodes">The indicators that count, or null for every column.</param>
    /// <returns>The kept dataset (all columns) and the line of every unit.</returns>
    /// <exception cref="ValidationException">When a forced unit code is not in the dataset (every such code reported).</exception>
    /// <exception cref="KeyNotFoundException">When an indicator code is not a column.</exception>
    public ScreeningResult Apply(Dataset dataset, IEnumerable<string>? indicatorCodes = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var problems = ForceInclude.Concat(ForceExclude).Where(c => !dataset.Units.Any(u => u.Code == c))
            .Select(c => new ValidationProblem(ProblemCode.UnknownValue, $"Forced unit '{c}' is not in the dataset.") { UnitCode = c, Expected = "a unit code of the dataset", Found = c })
            .ToList();
        ValidationReport.Of(problems).ThrowIfInvalid("unit screening");
        var columns = (indicatorCodes ?? dataset.IndicatorCodes).Select(dataset.IndexOfIndicator).ToArray();
        var lines = ImmutableArray.CreateBuilder<ScreenedUnit>(dataset.UnitCount);
        for (var i = 0; i < dataset.UnitCount; i++)
        {
            var present = columns.Count(j => !double.IsNaN(dataset[i, j]));
            var code = dataset.Units[i].Code;
            var meets = columns.Length == 0 || ScreenedUnit.Share(present, columns.Length) >= Threshold;
            var decision = ForceExclude.Contains(code) ? ScreeningDecision.ForceExcluded
                : meets ? ScreeningDecision.Kept
                : ForceInclude.Contains(code) ? ScreeningDecision.ForceIncluded
                : ScreeningDecision.Removed;
            lines.Add(new ScreenedUnit(code, present, columns.Length, decision));
        }

        var units = lines.MoveToImmutable();
        var keep = Enumerable.Range(0, dataset.UnitCount).Where(i => units[i].IsKept).ToArray();
        return new ScreeningResult(Rows(dataset, keep), units);
    }

    /// <summary>Formats as <c>UnitScreening: availability >= 0.667, 1 forced in, 0 forced out</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"UnitScreening: availability >= {Threshold:0.###}, {ForceInclude.Count} forced in, {ForceExclude.Count} forced out");

    internal static Dataset Rows(Dataset dataset, int[] rows)
    {
        var columns = new List<KeyValuePair<string, double[]>>(dataset.IndicatorCount);
        for (var j = 0; j < dataset.IndicatorCount; j++)
        {
            var col = dataset.Column(j);
            var values = new double[rows.Length];
            for (var k = 0; k < rows.Length; k++)
            {
                values[k] = col[rows[k]];
            }

            columns.Add(KeyValuePair.Create(dataset.IndicatorCodes[j], values));
        }

        return Dataset.FromColumns(rows.Select(i => dataset.Units[i]), columns);
    }
}
