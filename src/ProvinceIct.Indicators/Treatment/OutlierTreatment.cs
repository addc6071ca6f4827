using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Outlier treatment, COINr's <c>Treat</c> with its defaults (<c>f1 = winsorise</c>, <c>winmax = 5</c>,
/// <c>skew_thresh = 2</c>, <c>kurt_thresh = 3.5</c>, <c>f2 = log_CT</c>, <c>combine_treat = FALSE</c>), one indicator at
/// a time; direction is ignored. Immutable; start from <see cref="Default"/>.
/// <list type="number">
/// <item>An indicator that passes the <see cref="Rule"/> is left unchanged (also when G1 or G2 cannot be computed: fewer
/// than 4 values, or no spread).</item>
/// <item>Otherwise it is winsorised: while it fails and fewer than <see cref="WinMax"/> points are winsorised, if
/// G1 &gt;= 0 every value equal to the current maximum is set to the largest remaining value, else every value equal to
/// the current minimum is set to the smallest remaining value; the count is the number of points now at the high end
/// plus those at the low end (values tied at the extreme count, so with ties the count can step past
/// <see cref="WinMax"/> on the last step, as in COINr); then the rule is checked again.</item>
/// <item>If winsorisation would leave every value equal, it stops and counts as failed (COINr stops with an error).</item>
/// <item>If the winsorised column passes, it is kept. Otherwise the winsorisation is discarded and the ORIGINAL column is
/// log-transformed: <c>log(x - min + 0.01 (max - min))</c>; it is kept even if it still fails (reported in
/// <see cref="IndicatorTreatment.PassesAfter"/>).</item>
/// </list>
/// Missing values (NaN) are left out of every statistic and stay missing. Every changed value is logged.
/// </summary>
public sealed record OutlierTreatment
{
    private OutlierTreatment(int winMax, SkewKurtosisRule rule)
    {
        WinMax = winMax;
        Rule = rule;
    }

    /// <summary>COINr's defaults: at most 5 points winsorised, rule <see cref="SkewKurtosisRule.Default"/>, log fallback.</summary>
    public static OutlierTreatment Default { get; } = new(5, SkewKurtosisRule.Default);

    /// <summary>Creates a treatment with other parameters.</summary>
    /// <param name="winMax">The most points winsorised per indicator before falling back to the log transform (0: straight to the log transform).</param>
    /// <param name="rule">The rule, or null for <see cref="SkewKurtosisRule.Default"/>.</param>
    /// <returns>The treatment.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="winMax"/> is negative.</exception>
    public static OutlierTreatment Create(int winMax = 5, SkewKurtosisRule? rule = null) =>
        new(Internal.Preconditions.NonNegative(winMax), rule ?? SkewKurtosisRule.Default);

    /// <summary>The most points winsorised per indicator (COINr <c>winmax</c>).</summary>
    public int WinMax { get; }

    /// <summary>The skew/kurtosis rule that decides whether an indicator needs (more) treatment.</summary>
    public SkewKurtosisRule Rule { get; }

    /// <summary>Treats the chosen indicators.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="indicatorCodes">The columns to treat, or null for every column.</param>
    /// <returns>The treated dataset, a line per treated indicator and every changed value.</returns>
    /// <exception cref="KeyNotFoundException">When a code is not a column of the dataset.</exception>
    public OutlierTreatmentResult Apply(Dataset dataset, IEnumerable<string>? indicatorCodes = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var codes = (indicatorCodes ?? dataset.IndicatorCodes).Distinct(StringComparer.Ordinal).ToList();
        var treated = new Dictionary<int, double[]>();
        var lines = ImmutableArray.CreateBuilder<IndicatorTreatment>(codes.Count);
        var log = ImmutableArray.CreateBuilder<TreatedValue>();
        foreach (var code in codes)
        {
            var j = dataset.IndexOfIndicator(code);
            var original = dataset.Column(j).ToArray();
            double[] result;
            IndicatorTreatmentOutcome outcome;
            var count = 0;
            var present = ColumnMath.Present(original);
            var g1 = ColumnMath.Skewness(present);
            var g2 = ColumnMath.Kurtosis(present);
            if (!Rule.Fails(g1, g2))
            {
                // Unchanged: the statistics after are the statistics before, computed once.
                treated[j] = original;
                lines.Add(new IndicatorTreatment(code, IndicatorTreatmentOutcome.Unchanged, 0, g1, g2, g1, g2, Rule));
                continue;
            }

            var win = Winsorise(original, WinMax, Rule);
            count = win.Count;
            if (win.Passes)
            {
                result = win.Values;
                outcome = IndicatorTreatmentOutcome.Winsorised;
                for (var i = 0; i < result.Length; i++)
                {
                    if (result[i] != original[i] && !double.IsNaN(original[i]))
                    {
                        log.Add(new TreatedValue(dataset.Units[i].Code, code, original[i], result[i], result[i] < original[i] ? TreatmentAction.WinsorisedHigh : TreatmentAction.WinsorisedLow));
                    }
                }
            }
            else
            {
                result = LogCt(original);
                outcome = IndicatorTreatmentOutcome.LogTransformed;
                LogAll(dataset, code, original, result, TreatmentAction.LogTransform, log);
            }

            treated[j] = result;
            var after = ColumnMath.Present(result);
            lines.Add(new IndicatorTreatment(code, outcome, count, g1, g2, ColumnMath.Skewness(after), ColumnMath.Kurtosis(after), Rule));
        }

        return new OutlierTreatmentResult(Replace(dataset, treated), lines.MoveToImmutable(), log.ToImmutable());
    }

    /// <summary>
    /// Box-Cox transform of the chosen indicators, with a fixed λ (no optimisation, no shift):
    /// <c>(x^λ - 1) / λ</c>, or <c>log x</c> for λ = 0. Missing values stay missing. Unlike COINr's <c>boxcox</c>
    /// (which shifts by <c>min - 1</c> by default) every present value must be strictly positive.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="lambda">λ, finite.</param>
    /// <param name="indicatorCodes">The columns to transform, or null for every column.</param>
    /// <returns>The transformed dataset, a line per indicator and every changed value.</returns>
    /// <exception cref="CalculationException">
    /// <see cref="ProblemCode.NonPositiveValue"/> for the first value at or below zero (in column, then unit order), naming the unit, the indicator and the value.
    /// </exception>
    /// <exception cref="KeyNotFoundException">When a code is not a column of the dataset.</exception>
    public static OutlierTreatmentResult BoxCox(Dataset dataset, double lambda, IEnumerable<string>? indicatorCodes = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Internal.Preconditions.Finite(lambda);
        var codes = (indicatorCodes ?? dataset.IndicatorCodes).Distinct(StringComparer.Ordinal).ToList();
        var treated = new Dictionary<int, double[]>();
        var lines = ImmutableArray.CreateBuilder<IndicatorTreatment>(codes.Count);
        var log = ImmutableArray.CreateBuilder<TreatedValue>();
        foreach (var code in codes)
        {
            var j = dataset.IndexOfIndicator(code);
            var original = dataset.Column(j).ToArray();
            var result = new double[original.Length];
            for (var i = 0; i < original.Length; i++)
            {
                var x = original[i];
                if (x <= 0)
                {
                    throw new CalculationException(
                        ProblemCode.NonPositiveValue,
                        new ProblemText("Calc_BoxCoxNonPositive", dataset.Units[i].Code, x.ToString("R", CultureInfo.InvariantCulture), code),
                        code,
                        dataset.Units[i].Code,
                        value: x);
                }

                result[i] = double.IsNaN(x) ? double.NaN : lambda == 0 ? Math.Log(x) : (Math.Pow(x, lambda) - 1) / lambda;
            }

            LogAll(dataset, code, original, result, TreatmentAction.BoxCox, log);
            treated[j] = result;
            lines.Add(new IndicatorTreatment(code, IndicatorTreatmentOutcome.BoxCoxTransformed, 0, original, result, SkewKurtosisRule.Default));
        }

        return new OutlierTreatmentResult(Replace(dataset, treated), lines.MoveToImmutable(), log.ToImmutable());
    }

    /// <summary>The name in method text.</summary>
    public const string MethodName = "winsorise";

    /// <summary>The method text: <c>winsorise(WINMAX,SKEWNESS,KURTOSIS)</c>, for example <c>winsorise(5,2,3.5)</c> (COINr's defaults).</summary>
    /// <returns>The call; <c>Methods.MethodRegistry</c> parses it back to an equal treatment.</returns>
    public MethodCall ToMethodCall() =>
        MethodCall.Create(MethodName).With(WinMax).With(Rule.SkewnessThreshold).With(Rule.KurtosisThreshold);

    /// <summary>The canonical method text, for example <c>winsorise(5,2,3.5)</c>: at most 5 points winsorised while |G1| &gt;= 2 and G2 &gt;= 3.5, else log.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => ToMethodCall().ToString();

    /// <summary>The readers by name (<c>winsorise</c>, and <c>winsorize</c>), composed by <c>Methods.MethodRegistry.Default</c>.</summary>
    internal static IReadOnlyList<KeyValuePair<string, Func<MethodArguments, OutlierTreatment>>> BuiltIns { get; } =
    [
        new(MethodName, Read),
        new("winsorize", Read),
    ];

    /// <summary>Reads a treatment's method text (<c>winsorise</c>, <c>winsorise(MAX)</c>, <c>winsorise(MAX,SKEW,KURT)</c>).</summary>
    /// <exception cref="ValidationException">When the name is unknown or the arguments are wrong.</exception>
    internal static OutlierTreatment Read(MethodCall call)
    {
        var arguments = new MethodArguments(call);
        return call.Name is MethodName or "winsorize"
            ? Read(arguments)
            : throw arguments.Fail(new ProblemText("Outlier_Unknown", call.Name), ProblemText.Verbatim("winsorise"), ProblemText.Verbatim(call.Name));
    }

    private static OutlierTreatment Read(MethodArguments arguments)
    {
        var winMax = arguments.Number(0, "winmax", 5);
        var skewness = arguments.Number(1, "skewness", 2);
        var kurtosis = arguments.Number(2, "kurtosis", 3.5);
        arguments.EnsureAllRead();
        if (!(winMax >= 0 && winMax <= int.MaxValue && Math.Floor(winMax) == winMax))
        {
            throw arguments.Fail(new ProblemText("Outlier_WinMax", arguments.Call.Name, MethodCall.Number(winMax)), new ProblemText("Outlier_ExpectedWinMax"), ProblemText.Verbatim(MethodCall.Number(winMax)));
        }

        return Create((int)winMax, SkewKurtosisRule.Create(skewness, kurtosis));
    }

    /// <summary>COINr's <c>winsorise</c> on a copy of <paramref name="original"/>.</summary>
    internal static Winsorisation Winsorise(double[] original, int winMax, SkewKurtosisRule rule)
    {
        var x = (double[])original.Clone();
        var high = Array.Empty<int>();
        var low = Array.Empty<int>();
        var count = 0;
        var passes = !rule.Fails(x);
        while (!passes && count < winMax)
        {
            var present = ColumnMath.Present(x);
            if (ColumnMath.Skewness(present) >= 0)
            {
                var max = MinMaxPresent(x).Max;
                high = Indices(x, max);
                var next = RemainingExtreme(x, max, highest: true);
                foreach (var i in high)
                {
                    x[i] = next;
                }
            }
            else
            {
                var min = MinMaxPresent(x).Min;
                low = Indices(x, min);
                var next = RemainingExtreme(x, min, highest: false);
                foreach (var i in low)
                {
                    x[i] = next;
                }
            }

            count = high.Length + low.Length;
            var (afterMin, afterMax) = MinMaxPresent(x);
            if (afterMin == afterMax)
            {
                // Winsorised into a constant column: G1 and G2 no longer exist (COINr stops with an error here). Count it
                // as a failure, so that the original column is log-transformed instead.
                passes = false;
                break;
            }

            passes = !rule.Fails(x);
        }

        return new Winsorisation(x, count, passes);
    }

    /// <summary>COINr's <c>log_CT</c>: <c>log(x - min + 0.01 (max - min))</c> over the present values; NaN stays NaN.</summary>
    internal static double[] LogCt(double[] original)
    {
        var (min, max) = MinMaxPresent(original);
        var shift = -min + (0.01 * (max - min));
        var result = new double[original.Length];
        for (var i = 0; i < original.Length; i++)
        {
            result[i] = Math.Log(original[i] + shift);
        }

        return result;
    }

    private static (double Min, double Max) MinMaxPresent(double[] x)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in x)
        {
            if (v < min)
            {
                min = v;
            }

            if (v > max)
            {
                max = v;
            }
        }

        return (min, max); // NaN compares false, so it never becomes the min or max
    }

    private static int[] Indices(double[] x, double value)
    {
        var found = new List<int>();
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] == value)
            {
                found.Add(i);
            }
        }

        return [.. found];
    }

    /// <summary>The largest (or smallest) present value other than <paramref name="value"/>; NaN when there is none.</summary>
    private static double RemainingExtreme(double[] x, double value, bool highest)
    {
        var best = double.NaN;
        foreach (var v in x)
        {
            if (double.IsNaN(v) || v == value)
            {
                continue;
            }

            if (double.IsNaN(best) || (highest ? v > best : v < best))
            {
                best = v;
            }
        }

        return best;
    }

    private static void LogAll(Dataset dataset, string code, double[] original, double[] result, TreatmentAction action, ImmutableArray<TreatedValue>.Builder log)
    {
        for (var i = 0; i < original.Length; i++)
        {
            if (!double.IsNaN(original[i]))
            {
                log.Add(new TreatedValue(dataset.Units[i].Code, code, original[i], result[i], action));
            }
        }
    }

    private static Dataset Replace(Dataset dataset, Dictionary<int, double[]> treated) =>
        Dataset.FromColumns(dataset.Units, dataset.IndicatorCodes.Select((c, j) => KeyValuePair.Create(c, treated.TryGetValue(j, out var v) ? v : dataset.Column(j).ToArray())));

    /// <summary>The outcome of <see cref="Winsorise"/>: the values, COINr's count <c>nwin</c>, and whether the rule passes.</summary>
    internal sealed record Winsorisation(double[] Values, int Count, bool Passes);
}
