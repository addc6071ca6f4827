using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>
/// A normalisation method with its parameters: an immutable value that belongs to a methodology and round-trips
/// through JSON. Create with the named factories. Missing values (NaN) stay missing; every column statistic
/// (min, max, mean, sd, ranks) is computed over the non-missing values only. A negative-direction indicator is
/// multiplied by -1 first, except for <see cref="GoalpostsNormaliser"/>, which handles direction itself.
/// <para>
/// A closed hierarchy: one sealed case per method (<see cref="MinMaxNormaliser"/>, <see cref="ZScoreNormaliser"/>, ...),
/// each in its own file with its parameters (validated once, in its constructor: a <c>with</c> cannot bypass them),
/// its <see cref="Validate"/>, its name and its method text (<see cref="ToMethodCall"/>, <see cref="ToString"/>). Users
/// add methods by deriving from <see cref="CustomNormaliser"/>; the registry in <c>Methods</c> reads every method by name.
/// </para>
/// </summary>
public abstract record Normaliser
{
    private protected Normaliser(NormalisationMethod method, double lower = double.NaN, double upper = double.NaN,
        DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
    {
        Method = method;
        Lower = lower;
        Upper = upper;
        Degenerate = degenerate;
    }

    /// <summary>Values unchanged (for data already on a common scale, such as published sub-indices). Direction still flips the sign.</summary>
    public static Normaliser Identity { get; } = new IdentityNormaliser();

    /// <summary>Rank among the non-missing values, ascending (best value gets n), ties share the smallest rank (COINr <c>n_rank</c>).</summary>
    public static Normaliser Rank { get; } = new RankNormaliser();

    /// <summary>Min-max: <c>(x - min) / (max - min) * (u - l) + l</c>.</summary>
    /// <param name="lower">l, the output minimum (default 0).</param>
    /// <param name="upper">u, the output maximum (default 100).</param>
    /// <param name="degenerate">What to do with a constant column (default: error).</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ValidationException">When a parameter is out of range (<see cref="ProblemCode.InvalidParameter"/>: the method, the parameter, what was expected and what was found), as the registry reports it for the same method text.</exception>
    public static Normaliser MinMax(double lower = 0, double upper = 100, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error) =>
        new MinMaxNormaliser(lower, upper, degenerate);

    /// <summary>Z-score: <c>(x - mean) / sd * s + m</c>, with the sample standard deviation (n - 1).</summary>
    /// <param name="mean">m, the output mean (default 0).</param>
    /// <param name="sd">s, the output standard deviation (default 1); positive.</param>
    /// <param name="degenerate">What to do when sd = 0 or fewer than two values (default: error).</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ValidationException">When a parameter is out of range (<see cref="ProblemCode.InvalidParameter"/>: the method, the parameter, what was expected and what was found), as the registry reports it for the same method text.</exception>
    public static Normaliser ZScore(double mean = 0, double sd = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error) =>
        new ZScoreNormaliser(mean, sd, degenerate);

    /// <summary>Percentile rank: <c>(rank - 1) / (n - 1) * (u - l) + l</c>, rank as in <see cref="Rank"/>.</summary>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1).</param>
    /// <param name="degenerate">What to do with a single non-missing value (default: error).</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ValidationException">When a parameter is out of range (<see cref="ProblemCode.InvalidParameter"/>: the method, the parameter, what was expected and what was found), as the registry reports it for the same method text.</exception>
    public static Normaliser PercentileRank(double lower = 0, double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error) =>
        new PercentileRankNormaliser(lower, upper, degenerate);

    /// <summary>Distance to the maximum: <c>1 - (max - x) / (max - min)</c>, mapped to [l, u] (COINr <c>n_dist2max</c> with a range).</summary>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1).</param>
    /// <param name="degenerate">What to do with a constant column (default: error).</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ValidationException">When a parameter is out of range (<see cref="ProblemCode.InvalidParameter"/>: the method, the parameter, what was expected and what was found), as the registry reports it for the same method text.</exception>
    public static Normaliser DistanceToMax(double lower = 0, double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error) =>
        new DistanceToMaxNormaliser(lower, upper, degenerate);

    /// <summary>Fraction of the maximum: <c>x / max * u</c> (COINr <c>n_fracmax</c> when u = 1).</summary>
    /// <param name="upper">u, the value the maximum maps to (default 1).</param>
    /// <param name="degenerate">What to do when max = 0 (default: error).</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ValidationException">When a parameter is out of range (<see cref="ProblemCode.InvalidParameter"/>: the method, the parameter, what was expected and what was found), as the registry reports it for the same method text.</exception>
    public static Normaliser FractionOfMax(double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error) =>
        new FractionOfMaxNormaliser(upper, degenerate);

    /// <summary>
    /// Goalposts: <c>t = (x - L) / (U - L)</c> (negative direction: <c>(U - x) / (U - L)</c>), truncated to [0, 1],
    /// then <c>t * (u - l) + l</c>. L and U are the indicator's <see cref="Definitions.IndicatorDefinition.Goalposts"/>;
    /// an indicator without goalposts is a validation error.
    /// </summary>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1; COINr's <c>scale</c>).</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ValidationException">When a parameter is out of range (<see cref="ProblemCode.InvalidParameter"/>: the method, the parameter, what was expected and what was found), as the registry reports it for the same method text.</exception>
    public static Normaliser Goalposts(double lower = 0, double upper = 1) =>
        new GoalpostsNormaliser(lower, upper);

    /// <summary>
    /// Reference value (capped ratio): <c>min(x / ref, 1) * (u - l) + l</c>, ref the indicator's
    /// <see cref="Definitions.IndicatorDefinition.ReferenceValue"/> (ITU IDI 2017). Needs a positive-direction indicator
    /// with a reference value; anything else is a validation error.
    /// </summary>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1).</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ValidationException">When a parameter is out of range (<see cref="ProblemCode.InvalidParameter"/>: the method, the parameter, what was expected and what was found), as the registry reports it for the same method text.</exception>
    public static Normaliser ReferenceValue(double lower = 0, double upper = 1) =>
        new ReferenceValueNormaliser(lower, upper);

    /// <summary>
    /// Log goalposts (capped log ratio): <c>t = min(log10(x) / log10(ref), 1)</c>, then <c>t * (u - l) + l</c>, ref the
    /// indicator's <see cref="Definitions.IndicatorDefinition.ReferenceValue"/> (ITU IDI 2017 normalises international
    /// bandwidth per Internet user this way, with ref = 2,158,212 bit/s, so log10(ref) = 6.33). Only the upper end is
    /// capped, as in the ITU formula: a value in (0, 1) gives t below 0. Needs a positive-direction indicator with a
    /// reference value above 1. Missing values (NaN) stay missing; a value at or below zero has no logarithm and is an
    /// error naming the indicator and the row.
    /// </summary>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1).</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ValidationException">When a parameter is out of range (<see cref="ProblemCode.InvalidParameter"/>: the method, the parameter, what was expected and what was found), as the registry reports it for the same method text.</exception>
    public static Normaliser LogReference(double lower = 0, double upper = 1) =>
        new LogReferenceNormaliser(lower, upper);

    /// <summary>
    /// Borda score: <c>rank - 1</c>, rank as in <see cref="Rank"/> (ascending, the best value gets n - 1, ties share the
    /// smallest; COINr <c>n_borda</c>). Missing values stay missing and are not counted.
    /// </summary>
    public static Normaliser Borda { get; } = new BordaNormaliser();

    /// <summary>
    /// Distance to a reference unit: <c>t = 1 - (x_ref - x) / (x_ref - min)</c>, optionally capped at 1, then
    /// <c>t * (u - l) + l</c> (COINr <c>n_dist2ref</c> when [l, u] = [0, 1]). x_ref is the value of the unit with code
    /// <paramref name="unitCode"/> on the same indicator; min is over the non-missing values. The reference unit scores
    /// 1 (u), the minimum 0 (l); a unit above the reference scores above 1 unless capped. A negative-direction indicator
    /// is multiplied by -1 first. An unknown unit code is a validation error of the dataset; a missing reference value is
    /// an error naming unit and indicator; x_ref = min is a column without spread (see <paramref name="degenerate"/>).
    /// Missing values stay missing.
    /// </summary>
    /// <param name="unitCode">The reference unit's code.</param>
    /// <param name="cap">Whether to cap t at 1 (default: no cap).</param>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1).</param>
    /// <param name="degenerate">What to do when the reference value is the minimum (default: error).</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ValidationException">When a parameter is out of range (<see cref="ProblemCode.InvalidParameter"/>: the method, the parameter, what was expected and what was found), as the registry reports it for the same method text.</exception>
    public static Normaliser DistanceToReference(string unitCode, CapPolicy cap = CapPolicy.None, double lower = 0, double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error) =>
        new DistanceToReferenceNormaliser(unitCode, cap, lower, upper, degenerate);

    /// <summary>
    /// Distance to target: <c>t = (x - min) / (target - min)</c>; for a negative-direction indicator
    /// <c>t = (max - x) / (max - target)</c>; optionally capped at 1, no lower cap; then <c>t * (u - l) + l</c>
    /// (COINr <c>n_dist2targ</c> when [l, u] = [0, 1]). The target is the indicator's
    /// <see cref="Definitions.IndicatorDefinition.Target"/> (none is a validation error); min and max are over the non-missing
    /// values. Direction is handled here, not by the -1 flip. A target equal to min (max for a negative indicator) is a
    /// column without spread (see <paramref name="degenerate"/>); a target on the wrong side of it (below min, above max
    /// for a negative indicator) is an error naming the indicator. Missing values stay missing.
    /// </summary>
    /// <param name="cap">Whether to cap t at 1 (default: no cap).</param>
    /// <param name="lower">l (default 0).</param>
    /// <param name="upper">u (default 1).</param>
    /// <param name="degenerate">What to do when the target equals the worst value (default: error).</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ValidationException">When a parameter is out of range (<see cref="ProblemCode.InvalidParameter"/>: the method, the parameter, what was expected and what was found), as the registry reports it for the same method text.</exception>
    public static Normaliser DistanceToTarget(CapPolicy cap = CapPolicy.None, double lower = 0, double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error) =>
        new DistanceToTargetNormaliser(cap, lower, upper, degenerate);

    /// <summary>
    /// Categorical scale (OECD/JRC Handbook): the category c is the number of the percentiles P15, P25, P65, P85, P95 of
    /// the column at or below x (so c is 0 below P15, 1 in [P15, P25), ..., 5 at or above P95: a value equal to a band
    /// edge goes to the upper band, as R's <c>findInterval</c>), then <c>c / 5 * (u - l) + l</c>, which is 0, 20, 40, 60,
    /// 80, 100 with the default range. Percentiles are R's <c>quantile(type = 7)</c> (R's and COINr's default) over the
    /// non-missing values: with the sorted values v_1..v_n, h = 1 + (n - 1) p, P = v_floor(h) + (h - floor(h)) (v_ceil(h) - v_floor(h)).
    /// A negative-direction indicator is multiplied by -1 first. Missing values stay missing; a column whose values are
    /// all equal has no bands (see <paramref name="degenerate"/>).
    /// </summary>
    /// <param name="lower">l, the value of category 0 (default 0).</param>
    /// <param name="upper">u, the value of category 5 (default 100).</param>
    /// <param name="degenerate">What to do with a constant column (default: error).</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ValidationException">When a parameter is out of range (<see cref="ProblemCode.InvalidParameter"/>: the method, the parameter, what was expected and what was found), as the registry reports it for the same method text.</exception>
    public static Normaliser Categorical(double lower = 0, double upper = 100, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error) =>
        new CategoricalNormaliser(lower, upper, degenerate);

    /// <summary>
    /// The case's tag, for the compiled kernels' dispatch and the object form of methodology JSON (format 1) only; users
    /// tell the cases apart by their types (<c>n is MinMaxNormaliser</c>) and name them by <see cref="Name"/>.
    /// </summary>
    internal NormalisationMethod Method { get; }

    /// <summary>l, the lower end of the output range (NaN for methods without a range: identity, rank, z-score).</summary>
    public double Lower { get; }

    /// <summary>u, the upper end of the output range (NaN for methods without a range).</summary>
    public double Upper { get; }

    /// <summary>What to do with a column that has no spread.</summary>
    public DegenerateColumnPolicy Degenerate { get; }

    /// <summary>True when the method maps onto the range [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
    public bool HasRange => this is MinMaxNormaliser or PercentileRankNormaliser or DistanceToMaxNormaliser or FractionOfMaxNormaliser
        or GoalpostsNormaliser or ReferenceValueNormaliser or LogReferenceNormaliser or DistanceToReferenceNormaliser or DistanceToTargetNormaliser
        or CategoricalNormaliser;

    /// <summary>Returns a copy with the output range [l, u] (only for methods with a range).</summary>
    /// <param name="lower">l.</param>
    /// <param name="upper">u, strictly above l.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ValidationException">When l and u are not finite with l &lt; u (<see cref="ProblemCode.InvalidParameter"/>).</exception>
    /// <exception cref="InvalidOperationException">When the method has no output range.</exception>
    public Normaliser WithRange(double lower, double upper)
    {
        Errors.ParameterCheck.Range(Name, lower, upper);
        if (this is ZScoreNormaliser)
        {
            throw new InvalidOperationException("A z-score has a mean and standard deviation, not a range: use Normaliser.ZScore(mean, sd).");
        }

        if (!HasRange)
        {
            throw new InvalidOperationException("The " + Name + " normaliser has no output range.");
        }

        if (this is FractionOfMaxNormaliser && lower != 0)
        {
            throw new InvalidOperationException("Fraction of max maps 0 to 0: only the upper end can be set.");
        }

        return WithRangeCore(lower, upper);
    }

    /// <summary>
    /// Normalises one column of values (for notebooks and tests; the compiled pipeline uses the same formulas).
    /// NaN stays NaN; statistics are computed over the non-missing values. The indicator supplies the direction
    /// and, where the method needs them, the goalposts or reference value; null means a positive indicator
    /// named <c>x</c> without references.
    /// </summary>
    /// <param name="values">The raw values.</param>
    /// <param name="indicator">The indicator, or null.</param>
    /// <returns>The normalised values, in the same order.</returns>
    /// <exception cref="Errors.CalculationException">For a column without spread under <see cref="DegenerateColumnPolicy.Error"/>, a negative value under fraction of max, or a value at or below zero (or a reference value at or below 1) under log reference.</exception>
    /// <exception cref="InvalidOperationException">When the method needs goalposts, a reference value or a target the indicator lacks, or is a distance to a reference unit (use the overload with unit codes).</exception>
    public double[] Apply(IReadOnlyList<double> values, Definitions.IndicatorDefinition? indicator = null)
    {
        if (this is DistanceToReferenceNormaliser)
        {
            throw new InvalidOperationException("Distance to a reference unit needs the unit codes: use Apply(values, indicator, unitCodes).");
        }

        return Apply(values, indicator, null);
    }

    /// <summary>
    /// Normalises one column of values whose units are named, as <see cref="Apply(IReadOnlyList{double}, Definitions.IndicatorDefinition?)"/>;
    /// needed by <see cref="DistanceToReferenceNormaliser"/>, which finds its reference unit among
    /// <paramref name="unitCodes"/>.
    /// </summary>
    /// <param name="values">The raw values.</param>
    /// <param name="indicator">The indicator, or null.</param>
    /// <param name="unitCodes">The units' codes, parallel to <paramref name="values"/> (null when no method needs them).</param>
    /// <returns>The normalised values, in the same order.</returns>
    /// <exception cref="Errors.CalculationException">As the other overload; also when the reference unit's value is missing.</exception>
    /// <exception cref="ArgumentException">When the reference unit is not among <paramref name="unitCodes"/>, or the lengths differ.</exception>
    /// <exception cref="InvalidOperationException">When the method needs goalposts, a reference value or a target the indicator lacks.</exception>
    public double[] Apply(IReadOnlyList<double> values, Definitions.IndicatorDefinition? indicator, IReadOnlyList<string>? unitCodes)
    {
        ArgumentNullException.ThrowIfNull(values);
        var row = -1;
        if (this is DistanceToReferenceNormaliser { ReferenceUnit: var referenceUnit })
        {
            ArgumentNullException.ThrowIfNull(unitCodes);
            Internal.Preconditions.SameLength(values.Count, unitCodes.Count, nameof(unitCodes));
            for (var i = 0; i < unitCodes.Count && row < 0; i++)
            {
                row = string.Equals(unitCodes[i], referenceUnit, StringComparison.Ordinal) ? i : -1;
            }

            if (row < 0)
            {
                throw new ArgumentException($"The reference unit '{referenceUnit}' is not among the unit codes.", nameof(unitCodes));
            }
        }

        var def = indicator ?? Definitions.IndicatorDefinition.Create("x", "x", Definitions.IndicatorKind.Real);
        if (Validate(def).FirstOrDefault() is { } problem)
        {
            throw new InvalidOperationException(problem.Message);
        }

        var x = values.ToArray();
        var y = new double[x.Length];
        NormaliserKernel.Apply(new NormaliserPlan(this, def, row), x, y, new double[x.Length], new int[x.Length], unitCodes);
        return y;
    }

    /// <summary>The built-in methods' readers by name (aliases included), composed by <c>Methods.MethodRegistry.Default</c>.</summary>
    internal static IReadOnlyList<KeyValuePair<string, Func<MethodArguments, Normaliser>>> BuiltIns { get; } =
    [
        new(IdentityNormaliser.MethodName, IdentityNormaliser.Read),
        new(MinMaxNormaliser.MethodName, MinMaxNormaliser.Read),
        new(ZScoreNormaliser.MethodName, ZScoreNormaliser.Read),
        new(RankNormaliser.MethodName, RankNormaliser.Read),
        new(PercentileRankNormaliser.MethodName, PercentileRankNormaliser.Read),
        new(DistanceToMaxNormaliser.MethodName, DistanceToMaxNormaliser.Read),
        new(FractionOfMaxNormaliser.MethodName, FractionOfMaxNormaliser.Read),
        new(GoalpostsNormaliser.MethodName, GoalpostsNormaliser.Read),
        new(ReferenceValueNormaliser.MethodName, ReferenceValueNormaliser.Read),
        new(LogReferenceNormaliser.MethodName, LogReferenceNormaliser.Read),
        new("log-goalposts", LogReferenceNormaliser.Read),
        new(BordaNormaliser.MethodName, BordaNormaliser.Read),
        new(DistanceToReferenceNormaliser.MethodName, DistanceToReferenceNormaliser.Read),
        new(DistanceToTargetNormaliser.MethodName, DistanceToTargetNormaliser.Read),
        new(CategoricalNormaliser.MethodName, CategoricalNormaliser.Read),
    ];

    /// <summary>The method's canonical name in method text (for example <c>minmax</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The method text of this normaliser: its name and every parameter, for example <c>minmax(0,100)</c>.</summary>
    /// <returns>The call; <c>Methods.MethodRegistry</c> parses it back to an equal normaliser.</returns>
    public abstract MethodCall ToMethodCall();

    /// <summary>
    /// The problems of using this normaliser on an indicator (for example goalposts normalisation of an indicator
    /// without goalposts), checked by <c>Methodology.Create</c>, <c>Methodology.Validate</c>, the JSON reader and the
    /// workspace, so that they all agree. Empty when it fits.
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>The problems, each naming the indicator.</returns>
    public virtual IEnumerable<ValidationProblem> Validate(Definitions.IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return [];
    }

    /// <summary>The canonical method text, for example <c>minmax(0,100)</c>, <c>zscore(0,1)</c>, <c>rank</c>, <c>dist-to-ref(HN,0,1,cap=at-one)</c>; invariant, round-trip numbers.</summary>
    /// <returns>The text.</returns>
    public sealed override string ToString() => ToMethodCall().ToString();

    /// <summary>Runs the formula over one column (the compiled pipeline's kernel; allocation-free).</summary>
    internal abstract void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items);

    /// <summary>The copy with another output range; only cases with a range override it.</summary>
    private protected virtual Normaliser WithRangeCore(double lower, double upper) =>
        throw new InvalidOperationException("The " + Name + " normaliser has no output range.");

    /// <summary>Appends the output range and the policies that differ from their defaults.</summary>
    private protected MethodCall WithRangeText(MethodCall call, CapPolicy cap = CapPolicy.None)
    {
        call = call.With(Lower).With(Upper);
        call = cap == CapPolicy.AtOne ? call.With("cap", "at-one") : call;
        return Degenerate == DegenerateColumnPolicy.Midpoint ? call.With("degenerate", "midpoint") : call;
    }

    /// <summary>Reads the output range [l, u] at a position: both or neither (then the defaults).</summary>
    private protected static (double Lower, double Upper) ReadRange(MethodArguments arguments, int position, double lower, double upper)
    {
        var hasLower = arguments.Text(position, "lower", null) is not null;
        var hasUpper = arguments.Text(position + 1, "upper", null) is not null;
        if (hasLower != hasUpper)
        {
            throw arguments.Fail(new ProblemText("Norm_BothEnds", arguments.Call.Name, arguments.Call.ToString()), new ProblemText("Norm_ExpectedBothEnds"), ProblemText.Verbatim(arguments.Call.ToString()));
        }

        return (arguments.Number(position, "lower", lower), arguments.Number(position + 1, "upper", upper));
    }

    /// <summary>Reads the <c>degenerate=error|midpoint</c> argument.</summary>
    private protected static DegenerateColumnPolicy ReadDegenerate(MethodArguments arguments) =>
        arguments.Text(-1, "degenerate", null)?.ToLowerInvariant() switch
        {
            null or "error" => DegenerateColumnPolicy.Error,
            "midpoint" => DegenerateColumnPolicy.Midpoint,
            { } other => throw arguments.Fail(new ProblemText("Norm_Degenerate", arguments.Call.Name, other), new ProblemText("Norm_ExpectedDegenerate"), ProblemText.Verbatim(other)),
        };

    /// <summary>Reads the <c>cap=none|at-one</c> argument (or the bare word <c>cap</c>).</summary>
    private protected static CapPolicy ReadCap(MethodArguments arguments)
    {
        if (arguments.Flag("cap"))
        {
            return CapPolicy.AtOne;
        }

        return arguments.Text(-1, "cap", null)?.ToLowerInvariant() switch
        {
            null or "none" or "no" or "false" => CapPolicy.None,
            "at-one" or "atone" or "1" or "yes" or "true" => CapPolicy.AtOne,
            { } other => throw arguments.Fail(new ProblemText("Norm_Cap", arguments.Call.Name, other), new ProblemText("Norm_ExpectedCap"), ProblemText.Verbatim(other)),
        };
    }

    /// <summary>
    /// The problems of a normaliser that divides by the indicator's reference value (<see cref="ReferenceValueNormaliser"/>,
    /// <see cref="LogReferenceNormaliser"/>): the indicator needs a reference value and a positive direction.
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="formula">The formula in words, for the messages (for example "a capped ratio to a reference value").</param>
    private protected static IEnumerable<ValidationProblem> ValidateReference(Definitions.IndicatorDefinition indicator, ProblemText formula)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (indicator.ReferenceValue is null)
        {
            yield return Problem(indicator, new ProblemText("Norm_NoReference", indicator.Code, formula), new ProblemText("Norm_ExpectedReference"), new ProblemText("Found_None"));
        }

        if (indicator.Direction == Definitions.Direction.Negative)
        {
            yield return Problem(indicator, new ProblemText("Norm_NegativeDirection", indicator.Code, formula), new ProblemText("Norm_ExpectedPositive"), new ProblemText("Norm_FoundNegative"));
        }
    }

    /// <summary>Reads a method text with only the output range [l, u] (both or neither: then the defaults) and creates the case.</summary>
    private protected static T ReadRangeOnly<T>(MethodArguments arguments, double lower, double upper, Func<double, double, T> create)
    {
        var range = ReadRange(arguments, 0, lower, upper);
        arguments.EnsureAllRead();
        return create(range.Lower, range.Upper);
    }

    /// <summary>Reads a method text without arguments (anything given is an error) and returns the case.</summary>
    private protected static T NoArguments<T>(MethodArguments arguments, T method)
    {
        arguments.EnsureAllRead();
        return method;
    }

    /// <summary>A problem of a normaliser that does not fit an indicator.</summary>
    private protected static ValidationProblem Problem(Definitions.IndicatorDefinition indicator, ProblemText message, ProblemText expected, ProblemText found) =>
        new(ProblemCode.InvalidParameter, message) { IndicatorCode = indicator.Code, ExpectedText = expected, FoundText = found };
}
