using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Treatment;
using ProvinceIct.Indicators.Weighting;

namespace ProvinceIct.Indicators.Methods;

/// <summary>
/// The one map from method names to methods, for normalisers, aggregators, treatment steps
/// (<see cref="TreatmentStep"/>), imputers (<see cref="Imputer"/>), outlier treatments (<see cref="OutlierTreatment"/>) and
/// weighting methods (<see cref="WeightingMethod"/>): the JSON reader, the CLI and uncertainty choices read every method
/// through it, so <c>x.ToString()</c> parses back to an equal <c>x</c>.
/// Immutable: <see cref="Default"/> holds the built-in methods; <see cref="WithNormaliser"/>,
/// <see cref="WithAggregator"/>, <see cref="WithImputer"/>, <see cref="WithWeighting"/> and <see cref="WithPlugin"/>
/// return a new registry with user methods added (treatment steps and outlier treatments are the built-in ones). Names are
/// compared in lower case. No reflection: a method is a name and a factory delegate (trimming- and AOT-safe).
/// </summary>
public sealed class MethodRegistry
{
    private readonly ImmutableSortedDictionary<string, Func<MethodArguments, Normaliser>> _normalisers;
    private readonly ImmutableSortedDictionary<string, Func<MethodArguments, Aggregator>> _aggregators;
    private readonly ImmutableSortedDictionary<string, Func<MethodArguments, Imputer>> _imputers;
    private readonly ImmutableSortedDictionary<string, Func<MethodArguments, OutlierTreatment>> _outlierTreatments;
    private readonly ImmutableSortedDictionary<string, Func<MethodArguments, WeightingMethod>> _weightings;
    private readonly ImmutableSortedDictionary<string, Func<MethodArguments, TreatmentStep>> _steps;

    private MethodRegistry(
        ImmutableSortedDictionary<string, Func<MethodArguments, Normaliser>> normalisers,
        ImmutableSortedDictionary<string, Func<MethodArguments, Aggregator>> aggregators,
        ImmutableSortedDictionary<string, Func<MethodArguments, Imputer>> imputers,
        ImmutableSortedDictionary<string, Func<MethodArguments, OutlierTreatment>> outlierTreatments,
        ImmutableSortedDictionary<string, Func<MethodArguments, WeightingMethod>> weightings)
    {
        _normalisers = normalisers;
        _aggregators = aggregators;
        _imputers = imputers;
        _outlierTreatments = outlierTreatments;
        _weightings = weightings;

        // A step names an inner method (impute(group-mean,region)): it is read with this registry's imputers.
        _steps = Sorted(TreatmentStep.BuiltIns(call => Create(call, _imputers, Kind<Imputer>(), "imputer").GetValueOrThrow()));
    }

    /// <summary>The built-in methods (with the old aliases, such as <c>log-goalposts</c>, <c>power</c> and <c>winsorize</c>).</summary>
    public static MethodRegistry Default { get; } = new(
        Sorted(Normaliser.BuiltIns), Sorted(Aggregator.BuiltIns), Sorted(Imputer.BuiltIns), Sorted(OutlierTreatment.BuiltIns), Sorted(WeightingText.BuiltIns));

    /// <summary>The normaliser names known, sorted (aliases included).</summary>
    public IEnumerable<string> NormaliserNames => _normalisers.Keys;

    /// <summary>The aggregator names known, sorted (aliases included).</summary>
    public IEnumerable<string> AggregatorNames => _aggregators.Keys;

    /// <summary>The names known for a kind of method, sorted (aliases included).</summary>
    /// <typeparam name="T">One of the kinds the registry reads (see the type's summary).</typeparam>
    /// <returns>The names.</returns>
    public IEnumerable<string> Names<T>()
        where T : class => Keys<T>();

    /// <summary>Returns a registry with one more normaliser.</summary>
    /// <param name="name">The method's name (letters, digits, '-'; lower case). It must not be known yet.</param>
    /// <param name="factory">Creates the normaliser from its arguments; it reads them with <see cref="MethodArguments"/> (which throws <see cref="ValidationException"/>) and should end with <see cref="MethodArguments.EnsureAllRead"/>. A parameter out of range should be refused with <see cref="ValidationException.InvalidParameter(string, string, string, string)"/>, as the built-in methods do; an <see cref="ArgumentException"/> is still reported as an invalid parameter, from its <see cref="ArgumentException.ParamName"/> and <see cref="ArgumentOutOfRangeException.ActualValue"/>.</param>
    /// <returns>The new registry.</returns>
    /// <exception cref="ArgumentException">When the name is not a method name or is already registered.</exception>
    public MethodRegistry WithNormaliser(string name, Func<MethodArguments, Normaliser> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var key = Key(name, _normalisers.ContainsKey, "normaliser");
        return new MethodRegistry(_normalisers.Add(key, factory), _aggregators, _imputers, _outlierTreatments, _weightings);
    }

    /// <summary>Returns a registry with one more aggregator.</summary>
    /// <param name="name">The method's name. It must not be known yet.</param>
    /// <param name="factory">Creates the aggregator from its arguments.</param>
    /// <returns>The new registry.</returns>
    /// <exception cref="ArgumentException">When the name is not a method name or is already registered.</exception>
    public MethodRegistry WithAggregator(string name, Func<MethodArguments, Aggregator> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var key = Key(name, _aggregators.ContainsKey, "aggregator");
        return new MethodRegistry(_normalisers, _aggregators.Add(key, factory), _imputers, _outlierTreatments, _weightings);
    }

    /// <summary>
    /// Returns a registry with one more imputer (a <see cref="CustomImputer"/>), which a treatment step then names:
    /// <c>impute(name,args)</c> in a methodology's JSON, the CLI's <c>--steps</c> and <c>--impute</c>.
    /// </summary>
    /// <param name="name">The method's name. It must not be known yet.</param>
    /// <param name="factory">Creates the imputer from its arguments (see <see cref="WithNormaliser"/> for how to read and refuse them).</param>
    /// <returns>The new registry.</returns>
    /// <exception cref="ArgumentException">When the name is not a method name or is already registered.</exception>
    public MethodRegistry WithImputer(string name, Func<MethodArguments, Imputer> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var key = Key(name, _imputers.ContainsKey, "imputer");
        return new MethodRegistry(_normalisers, _aggregators, _imputers.Add(key, factory), _outlierTreatments, _weightings);
    }

    /// <summary>
    /// Returns a registry with one more weighting method (a <see cref="CustomWeighting"/>), which a methodology's JSON
    /// (<c>"weighting": [{"method": "name(args)"}]</c>) and the CLI's <c>--weights</c> then name.
    /// </summary>
    /// <param name="name">The method's name. It must not be known yet.</param>
    /// <param name="factory">Creates the method from its arguments (see <see cref="WithNormaliser"/> for how to read and refuse them).</param>
    /// <returns>The new registry.</returns>
    /// <exception cref="ArgumentException">When the name is not a method name or is already registered.</exception>
    public MethodRegistry WithWeighting(string name, Func<MethodArguments, WeightingMethod> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var key = Key(name, _weightings.ContainsKey, "weighting method");
        return new MethodRegistry(_normalisers, _aggregators, _imputers, _outlierTreatments, _weightings.Add(key, factory));
    }

    /// <summary>Returns the registry with a plugin's methods added.</summary>
    /// <param name="plugin">The plugin.</param>
    /// <returns>The new registry.</returns>
    public MethodRegistry WithPlugin(IMethodPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        return plugin.Register(this) ?? throw new InvalidOperationException("The plugin " + plugin.GetType().Name + " returned no registry.");
    }

    /// <summary>True when a normaliser (for <typeparamref name="T"/> = <see cref="Normaliser"/>) or aggregator of that name is known.</summary>
    /// <typeparam name="T">One of the kinds the registry reads (see the type's summary).</typeparam>
    /// <param name="name">The name.</param>
    /// <returns>True when known.</returns>
    public bool Contains<T>(string name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(name);
        return Keys<T>().Contains(name.Trim().ToLowerInvariant());
    }

    /// <summary>Reads a method's text, or throws.</summary>
    /// <typeparam name="T">One of the kinds the registry reads (see the type's summary).</typeparam>
    /// <param name="text">The text, for example <c>minmax(0,100)</c> or <c>generalised-mean(2)</c>.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ValidationException">When the text is malformed, names an unknown method or has wrong arguments.</exception>
    public T Parse<T>(string text)
        where T : class => Read<T>(text).GetValueOrThrow();

    /// <summary>
    /// Reads a method's text without throwing: the method, or the problem (malformed text with its column, an unknown
    /// name with the known ones, or a wrong argument: <see cref="ProblemCode.InvalidParameter"/>).
    /// </summary>
    /// <typeparam name="T">One of the kinds the registry reads (see the type's summary).</typeparam>
    /// <param name="text">The text.</param>
    /// <param name="source">What the text is, for messages (default "method").</param>
    /// <returns>The result.</returns>
    public ReadResult<T> Read<T>(string text, string source = "method")
        where T : class
    {
        ArgumentNullException.ThrowIfNull(text);
        var call = MethodCall.Read(text, source);
        if (!call.TryGetValue(out var c))
        {
            return ReadResult<T>.ForFailure(call.Report, source);
        }

        return Map<T>() is { } map ? Create(c, map, Kind<T>(), source) : throw Unsupported<T>();
    }

    /// <summary>The map of a kind of method, or null for a type the registry does not read.</summary>
    private ImmutableSortedDictionary<string, Func<MethodArguments, T>>? Map<T>()
        where T : class =>
        (typeof(T) == typeof(Normaliser) ? _normalisers
            : typeof(T) == typeof(Aggregator) ? _aggregators
            : typeof(T) == typeof(TreatmentStep) ? _steps
            : typeof(T) == typeof(Imputer) ? _imputers
            : typeof(T) == typeof(OutlierTreatment) ? _outlierTreatments
            : typeof(T) == typeof(WeightingMethod) ? (object)_weightings
            : null) as ImmutableSortedDictionary<string, Func<MethodArguments, T>>;

    private IEnumerable<string> Keys<T>()
        where T : class => Map<T>()?.Keys ?? throw Unsupported<T>();

    private static string Kind<T>() =>
        typeof(T) == typeof(Normaliser) ? "normaliser"
        : typeof(T) == typeof(Aggregator) ? "aggregator"
        : typeof(T) == typeof(TreatmentStep) ? "treatment step"
        : typeof(T) == typeof(Imputer) ? "imputer"
        : typeof(T) == typeof(OutlierTreatment) ? "outlier treatment"
        : "weighting method";

    /// <summary>The name of a kind of method (<see cref="Kind{T}"/>) in any language.</summary>
    private static ProblemText KindText(string kind) => kind switch
    {
        "normaliser" => new ProblemText("Kind_Normaliser"),
        "aggregator" => new ProblemText("Kind_Aggregator"),
        "treatment step" => new ProblemText("Kind_TreatmentStep"),
        "imputer" => new ProblemText("Kind_Imputer"),
        "outlier treatment" => new ProblemText("Kind_OutlierTreatment"),
        "weighting method" => new ProblemText("Kind_WeightingMethod"),
        _ => ProblemText.Verbatim(kind),
    };

    private static ImmutableSortedDictionary<string, Func<MethodArguments, T>> Sorted<T>(IEnumerable<KeyValuePair<string, Func<MethodArguments, T>>> entries) =>
        entries.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    private static ReadResult<TMethod> Create<TMethod>(MethodCall call, ImmutableSortedDictionary<string, Func<MethodArguments, TMethod>> map, string kind, string source)
        where TMethod : class
    {
        if (!map.TryGetValue(call.Name, out var factory))
        {
            var known = string.Join(", ", map.Keys);
            return ReadResult<TMethod>.ForFailure(ValidationReport.Of([new ValidationProblem(ProblemCode.UnknownValue,
                new ProblemText("Registry_Unknown", KindText(kind), call.Name, known)) { Expected = known, Found = call.Name }]), source);
        }

        var arguments = new MethodArguments(call);
        try
        {
            return ReadResult<TMethod>.ForValue(factory(arguments), source);
        }
        catch (ValidationException ex)
        {
            return ReadResult<TMethod>.ForFailure(ex.Report, source);
        }
        catch (ArgumentException ex)
        {
            // A user method whose factory throws an argument exception instead of ValidationException.InvalidParameter:
            // the problem is built from the exception's properties (its message text is not parsed).
            var parameter = string.IsNullOrEmpty(ex.ParamName) ? new ProblemText("Registry_AnArgument") : ProblemText.Verbatim(ex.ParamName);
            var found = ex is ArgumentOutOfRangeException { ActualValue: { } v } ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? call.ToString() : call.ToString();
            return ReadResult<TMethod>.ForFailure(ValidationReport.Of([new ValidationProblem(ProblemCode.InvalidParameter,
                new ProblemText("Registry_NotValid", call.Name, parameter, found)) { Parameter = ex.ParamName, ExpectedText = new ProblemText("Registry_ExpectedValid", parameter), Found = found }]), source);
        }
    }

    private static string Key(string name, Func<string, bool> known, string kind)
    {
        var key = MethodCall.Create(name).Name;
        return known(key) ? throw new ArgumentException($"A {kind} named '{key}' is already registered.", nameof(name)) : key;
    }

    private static NotSupportedException Unsupported<T>() =>
        new("The registry reads normalisers, aggregators, treatment steps, imputers, outlier treatments and weighting methods, not " + typeof(T).Name + ".");
}
