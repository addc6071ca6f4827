using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Screening of units by data availability, by zeros, or by both (COINr <c>Screen</c> with <c>unit_screen = "byNA"</c>,
/// <c>"byzeros"</c> or <c>"byNAandzeros"</c>). Over the screened indicators, a unit's availability is its share of
/// present (non-NaN) values, <c>1 - missing / indicators</c>, and its non-zero share is <c>1 - zeros / present</c>
/// (zeros counted among present values only). A unit is removed when a share its <see cref="Rule"/> tests is strictly
/// below its threshold, kept otherwise; a unit with no present value has a NaN non-zero share, which never meets the
/// zero test. Force-included units are kept and force-excluded units removed whatever their shares. Immutable; create
/// with <see cref="ByAvailability"/>, <see cref="ByZeros"/> or <see cref="ByMissingOrZeros"/>.
/// </summary>
public sealed record UnitScreening
{
    /// <summary>COINr's default <c>nonzero_thresh</c>: a unit needs at least 5 % non-zero values.</summary>
    public const double DefaultNonZeroThreshold = 0.05;

    private UnitScreening(UnitScreenRule rule, double threshold, double nonZeroThreshold)
    {
        Rule = rule;
        Threshold = threshold;
        NonZeroThreshold = nonZeroThreshold;
    }

    /// <summary>The default screening: keep units with at least 2/3 of the values present (COINr's <c>dat_thresh</c>).</summary>
    public static UnitScreening Default { get; } = new(UnitScreenRule.ByMissing, 2.0 / 3.0, DefaultNonZeroThreshold);

    /// <summary>A screening by data availability (COINr <c>"byNA"</c>).</summary>
    /// <param name="threshold">The smallest share of present values a unit needs, in [0, 1] (0 keeps every unit).</param>
    /// <returns>The screening, with no forced units.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When outside [0, 1].</exception>
    public static UnitScreening ByAvailability(double threshold) =>
        new(UnitScreenRule.ByMissing, Internal.Preconditions.InRange(threshold, 0, 1), DefaultNonZeroThreshold);

    /// <summary>A screening by zeros (COINr <c>"byzeros"</c>): keeps a unit whose non-zero share of its present values is at least the threshold.</summary>
    /// <param name="nonZeroThreshold">The smallest share of non-zero values among the present ones, in [0, 1] (COINr's default 0.05).</param>
    /// <returns>The screening, with no forced units (<see cref="Threshold"/> is COINr's default 2/3 and not tested).</returns>
    /// <exception cref="ArgumentOutOfRangeException">When outside [0, 1].</exception>
    public static UnitScreening ByZeros(double nonZeroThreshold = DefaultNonZeroThreshold) =>
        new(UnitScreenRule.ByZeros, 2.0 / 3.0, Internal.Preconditions.InRange(nonZeroThreshold, 0, 1));

    /// <summary>A screening by availability and zeros (COINr <c>"byNAandzeros"</c>): a unit failing either test is removed.</summary>
    /// <param name="threshold">The smallest share of present values, in [0, 1] (COINr's default 2/3).</param>
    /// <param name="nonZeroThreshold">The smallest share of non-zero values among the present ones, in [0, 1] (COINr's default 0.05).</param>
    /// <returns>The screening, with no forced units.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When a threshold is outside [0, 1].</exception>
    public static UnitScreening ByMissingOrZeros(double threshold = 2.0 / 3.0, double nonZeroThreshold = DefaultNonZeroThreshold) =>
        new(UnitScreenRule.ByMissingOrZeros, Internal.Preconditions.InRange(threshold, 0, 1), Internal.Preconditions.InRange(nonZeroThreshold, 0, 1));

    /// <summary>What the screening tests: availability, zeros, or both.</summary>
    public UnitScreenRule Rule { get; }

    /// <summary>The smallest share of present values a unit needs to be kept (tested by <see cref="UnitScreenRule.ByMissing"/> and <see cref="UnitScreenRule.ByMissingOrZeros"/>).</summary>
    public double Threshold { get; }

    /// <summary>The smallest share of non-zero values among the present ones a unit needs to be kept (tested by <see cref="UnitScreenRule.ByZeros"/> and <see cref="UnitScreenRule.ByMissingOrZeros"/>).</summary>
    public double NonZeroThreshold { get; }

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
    /// Screens the units over the framework's indicators that are columns of the dataset; other columns, such as
    /// denominators, are never counted.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="framework">The framework whose indicators count.</param>
    /// <returns>The kept dataset (all columns) and the line of every unit.</returns>
    /// <exception cref="ValidationException">When a forced unit code is not in the dataset (every such code reported).</exception>
    public ScreeningResult Apply(Dataset dataset, Framework framework)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(framework);
        return Apply(dataset, framework.Indicators.Select(d => d.Code).Where(dataset.HasIndicator));
    }

    /// <summary>
    /// Screens the units. Availability of a unit = 1 - missing / screened indicators; non-zero share = 1 - zeros /
    /// present values. With no screened indicator every unit's shares are NaN and only forced exclusions remove units.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="indicatorCodes">
    /// The indicators that count, or null for every column of the dataset (denominators included: prefer
    /// <see cref="Apply(Dataset, Framework)"/> when the dataset holds other columns).
    /// </param>
    /// <returns>The kept dataset (all columns) and the line of every unit.</returns>
    /// <exception cref="ValidationException">When a forced unit code is not in the dataset (every such code reported).</exception>
    /// <exception cref="KeyNotFoundException">When an indicator code is not a column.</exception>
    public ScreeningResult Apply(Dataset dataset, IEnumerable<string>? indicatorCodes = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var problems = ForceInclude.Concat(ForceExclude).Where(c => !dataset.Units.Any(u => u.Code == c))
            .Select(c => new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Screen_ForcedUnit", c)) { UnitCode = c, ExpectedText = new ProblemText("Expected_DatasetUnit"), Found = c })
            .ToList();
        ValidationReport.Of(problems).ThrowIfInvalid("unit screening");
        var columns = (indicatorCodes ?? dataset.IndicatorCodes).Select(dataset.IndexOfIndicator).ToArray();
        var lines = ImmutableArray.CreateBuilder<ScreenedUnit>(dataset.UnitCount);
        for (var i = 0; i < dataset.UnitCount; i++)
        {
            var present = columns.Count(j => !double.IsNaN(dataset[i, j]));
            var zeros = columns.Count(j => dataset[i, j] == 0);
            var code = dataset.Units[i].Code;
            var meets = columns.Length == 0 || Meets(present, zeros, columns.Length);
            var decision = ForceExclude.Contains(code) ? ScreeningDecision.ForceExcluded
                : meets ? ScreeningDecision.Kept
                : ForceInclude.Contains(code) ? ScreeningDecision.ForceIncluded
                : ScreeningDecision.Removed;
            lines.Add(new ScreenedUnit(code, present, zeros, columns.Length, decision));
        }

        var units = lines.MoveToImmutable();
        var keep = Enumerable.Range(0, dataset.UnitCount).Where(i => units[i].IsKept).ToArray();
        return new ScreeningResult(Rows(dataset, keep), units);
    }

    /// <summary>
    /// Formats as <c>UnitScreening: availability >= 0.667, 1 forced in, 0 forced out</c>; the zero test reads
    /// <c>non-zero >= 0.05</c> (both joined by <c>and</c> for <see cref="UnitScreenRule.ByMissingOrZeros"/>).
    /// </summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var test = Rule switch
        {
            UnitScreenRule.ByMissing => string.Create(CultureInfo.InvariantCulture, $"availability >= {Threshold:0.###}"),
            UnitScreenRule.ByZeros => string.Create(CultureInfo.InvariantCulture, $"non-zero >= {NonZeroThreshold:0.###}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"availability >= {Threshold:0.###} and non-zero >= {NonZeroThreshold:0.###}"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"UnitScreening: {test}, {ForceInclude.Count} forced in, {ForceExclude.Count} forced out");
    }

    /// <summary>Value equality: same rule, thresholds and forced units (as sets).</summary>
    /// <param name="other">The other screening.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(UnitScreening? other) =>
        other is not null && Rule == other.Rule && Threshold.Equals(other.Threshold) && NonZeroThreshold.Equals(other.NonZeroThreshold)
        && ForceInclude.SetEquals(other.ForceInclude) && ForceExclude.SetEquals(other.ForceExclude);

    /// <summary>A hash consistent with <see cref="Equals(UnitScreening?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Rule, Threshold, NonZeroThreshold, ForceInclude.Count, ForceExclude.Count);

    private bool Meets(int present, int zeros, int total)
    {
        var data = ScreenedUnit.Share(present, total) >= Threshold;
        var nonZero = ScreenedUnit.NonZero(zeros, present) >= NonZeroThreshold;
        return Rule switch
        {
            UnitScreenRule.ByMissing => data,
            UnitScreenRule.ByZeros => nonZero,
            _ => data && nonZero,
        };
    }

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
