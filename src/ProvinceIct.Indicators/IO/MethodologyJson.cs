using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.IO.Json;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Methods;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Ranking;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// Saves and loads a <see cref="Methodology"/> as JSON, exactly: serialise, deserialise and serialise again gives the
/// same text, and every double comes back bit for bit (the shortest round-trip form is written).
/// <para>The format: indented with two spaces, LF line ends, properties in a fixed order, camelCase names, enums as
/// camelCase strings (<c>"minMax"</c>, <c>"powerMean"</c>, <c>"competition"</c>, <c>"negative"</c>), non-ASCII text
/// (Vietnamese diacritics) written as is, absent optional values omitted. An indicator kind is an object such as
/// <c>{"category": "rate", "per": 10000}</c>. Treatment steps are a list <c>"treatment"</c> (omitted when empty) of
/// objects such as <c>{"step": "impute", "imputer": "groupMean", "group": "region"}</c>,
/// <c>{"step": "screen", "threshold": 0.6666666666666666}</c> (a zero test adds <c>"unitScreen": "byZeros"</c> or
/// <c>"byMissingOrZeros"</c> and <c>"nonZeroThreshold"</c>) or <c>{"step": "treat", "winMax": 5, "skewnessThreshold": 2,
/// "kurtosisThreshold": 3.5}</c>; a step may also be given as its method text alone, <c>{"step": "screen(0.5,out=A)"}</c>,
/// read through the method registry (the object form is what is written). A normaliser's range, mean and sd are written only when the method has
/// them (NaN in the domain type means "not used" and is omitted); a missing number on reading takes the factory's
/// default. Comments are allowed on reading; unknown properties are errors.</para>
/// <para>Reading never throws a raw <see cref="JsonException"/>: malformed JSON, a missing or unknown property, an
/// unknown enum name and every invalid value (checked by the domain factories and by <see cref="Framework.Validate"/> and
/// <see cref="Methodology.Validate"/>) become problems with the JSON path and, for syntax errors, the line and column.</para>
/// </summary>
public static class MethodologyJson
{
    private const string Input = "<json>";
    private const int FormatVersion = 1;

    private static readonly MethodologyJsonContext Context = new(new JsonSerializerOptions(MethodologyJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        AllowDuplicateProperties = false,
    });

    /// <summary>Serialises a methodology to indented JSON text (see the type's summary for the format).</summary>
    /// <param name="methodology">The methodology.</param>
    /// <returns>The JSON text, without a trailing line break.</returns>
    public static string Serialize(Methodology methodology)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        return JsonSerializer.Serialize(ToDto(methodology), Context.MethodologyDto);
    }

    /// <summary>Deserialises a methodology, throwing on any problem.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The methodology.</returns>
    /// <param name="registry">The methods a <c>"method": "name(args)"</c> text may name (default: the built-in ones, <see cref="MethodRegistry.Default"/>).</param>
    /// <exception cref="ValidationException">With every problem found (JSON path, and line and column for syntax errors).</exception>
    public static Methodology Deserialize(string json, MethodRegistry? registry = null) => Read(json, null, registry).GetValueOrThrow();

    /// <summary>Reads a methodology from JSON text, reporting every problem instead of throwing.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The source name in problems (default <c>&lt;json&gt;</c>).</param>
    /// <param name="registry">The methods a <c>"method": "name(args)"</c> text may name, user methods included (default: <see cref="MethodRegistry.Default"/>).</param>
    /// <returns>The methodology or the problems.</returns>
    public static ReadResult<Methodology> Read(string json, string? sourceName = null, MethodRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var source = sourceName ?? Input;
        MethodologyDto? dto;
        if (DatasetJson.LoneSurrogate(json, source) is { } bad)
        {
            return ReadResult<Methodology>.ForFailure(ValidationReport.Of([bad]), source);
        }

        try
        {
            dto = JsonSerializer.Deserialize(json, Context.MethodologyDto);
        }
        catch (JsonException ex)
        {
            var p = new ValidationProblem(ProblemCode.MalformedInput, new ProblemText("Json_NotMethodology", JsonFailure.Describe(ex)))
            {
                Source = source,
                Row = ex.LineNumber is { } l ? (int)l + 1 : null,
                Column = ex.BytePositionInLine is { } b ? (int)b + 1 : null,
                Path = ex.Path,
            };
            return ReadResult<Methodology>.ForFailure(ValidationReport.Of([p]), source);
        }

        if (dto is null)
        {
            return ReadResult<Methodology>.ForFailure(ValidationReport.Of([new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("Json_NullMethodology")) { Source = source, Path = "$" }]), source);
        }

        return new Reader(source, registry ?? MethodRegistry.Default).Map(dto);
    }

    /// <summary>Loads a methodology from a JSON file (UTF-8), throwing on any problem.</summary>
    /// <param name="path">The path; also the source name in problems.</param>
    /// <returns>The methodology.</returns>
    /// <exception cref="ValidationException">With every problem found.</exception>
    /// <param name="registry">The methods a <c>"method": "name(args)"</c> text may name (default: <see cref="MethodRegistry.Default"/>).</param>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static Methodology Load(string path, MethodRegistry? registry = null)
    {
        Internal.Preconditions.NotBlank(path);
        return Read(DatasetJson.ReadFileText(path), path, registry).GetValueOrThrow();
    }

    /// <summary>Saves a methodology as a JSON file (UTF-8 without byte order mark, ending with a line break).</summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="path">The path; an existing file is replaced only once the new content is complete and flushed to disk (written to a temporary file in the same folder, then renamed over it), so a failure leaves it exactly as it was and no temporary file behind.</param>
    /// <exception cref="IOException">When the file cannot be written (folder missing, disk full, target is a folder); the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public static void Save(Methodology methodology, string path)
    {
        Internal.Preconditions.NotBlank(path);
        Internal.AtomicFile.WriteAllText(path, Serialize(methodology) + "\n");
    }

    // ---- domain -> DTO ----

    /// <summary>The JSON shape of a methodology (also embedded in a result by <see cref="ResultJson"/>).</summary>
    internal static MethodologyDto ToDto(Methodology m) => new()
    {
        FormatVersion = FormatVersion,
        Code = m.Code,
        Name = m.Name,
        Description = m.Description,
        Treatment = m.Treatment.IsDefaultOrEmpty ? null : m.Treatment.Select(ToDto).ToList(),
        Weighting = m.Weighting is null && m.NodeWeighting.IsEmpty ? null
            : (m.Weighting is null ? Array.Empty<WeightingDto>() : new[] { new WeightingDto { Method = m.Weighting.ToString() } })
                .Concat(m.NodeWeighting.Select(kv => new WeightingDto { Node = kv.Key, Method = kv.Value.ToString() })).ToList(),
        Normaliser = ToDto(m.Normaliser),
        Aggregator = ToDto(m.Aggregator),
        Ties = Name(m.Ties),
        AvailabilityThreshold = m.AvailabilityThreshold,
        Nodes = m.Framework.Nodes.Select(ToDto).ToList(),
    };

    /// <summary>The object form of a built-in step (format version 1); a step the object form cannot hold is written as its method text.</summary>
    private static TreatmentStepDto ToDto(TreatmentStep t) => t switch
    {
        DenominateStep d => new() { Step = Name(t.Kind), Denominators = d.Denominators.Select(r => new DenominationRuleDto { Indicator = r.IndicatorCode, Denominator = r.DenominatorCode, Scale = r.Scale }).ToList() },
        DenominateByDefinitionsStep d => new() { Step = Name(t.Kind), Scale = d.Scale },
        ScreenStep { Screening: var s } => new()
        {
            Step = Name(t.Kind),
            Threshold = s.Rule != UnitScreenRule.ByZeros ? s.Threshold : null,
            UnitScreen = s.Rule != UnitScreenRule.ByMissing ? Name(s.Rule) : null,
            NonZeroThreshold = s.Rule != UnitScreenRule.ByMissing ? s.NonZeroThreshold : null,
            ForceInclude = s.ForceInclude.Count > 0 ? [.. s.ForceInclude] : null,
            ForceExclude = s.ForceExclude.Count > 0 ? [.. s.ForceExclude] : null,
        },
        ImputeStep { Imputer: MeanImputer } => new() { Step = Name(t.Kind), Imputer = Name(ImputationMethod.Mean) },
        ImputeStep { Imputer: MedianImputer } => new() { Step = Name(t.Kind), Imputer = Name(ImputationMethod.Median) },
        ImputeStep { Imputer: GroupMeanImputer g } => new() { Step = Name(t.Kind), Imputer = Name(ImputationMethod.GroupMean), Group = g.GroupName },
        ImputeStep { Imputer: GroupMedianImputer g } => new() { Step = Name(t.Kind), Imputer = Name(ImputationMethod.GroupMedian), Group = g.GroupName },
        ImputeStep i => new() { Step = i.ToString() },
        TreatStep o => new() { Step = Name(t.Kind), WinMax = o.OutlierTreatment.WinMax, SkewnessThreshold = o.OutlierTreatment.Rule.SkewnessThreshold, KurtosisThreshold = o.OutlierTreatment.Rule.KurtosisThreshold },
        BoxCoxStep b => new() { Step = Name(t.Kind), Lambda = b.Lambda },
        _ => new() { Step = t.ToString() },
    };

    /// <summary>The methods written in the object form of format version 1 (readable by older versions); any other, a user method included, is written as its method text.</summary>
    private static bool HasObjectForm(NormalisationMethod method) => method is not NormalisationMethod.Custom && method <= NormalisationMethod.Categorical;

    private static bool HasObjectForm(AggregationMethod method) => method is not AggregationMethod.Custom && method <= AggregationMethod.BenefitOfTheDoubt;

    private static NormaliserDto ToDto(Normaliser n) => !HasObjectForm(n.Method) ? new() { Method = n.ToString() } : new()
    {
        Method = Name(n.Method),
        Lower = OrNull(n.Lower),
        Upper = OrNull(n.Upper),
        Mean = n is ZScoreNormaliser z ? z.Mean : null,
        Sd = n is ZScoreNormaliser s ? s.StandardDeviation : null,
        ReferenceUnit = (n as DistanceToReferenceNormaliser)?.ReferenceUnit,
        Cap = n switch { DistanceToReferenceNormaliser { Cap: CapPolicy.AtOne } or DistanceToTargetNormaliser { Cap: CapPolicy.AtOne } => Name(CapPolicy.AtOne), _ => null },
        Degenerate = n.Degenerate == DegenerateColumnPolicy.Error ? null : Name(n.Degenerate),
    };

    private static AggregatorDto ToDto(Aggregator a) => !HasObjectForm(a.Method) || a is CopelandAggregator { Missing: CopelandMissingPolicy.Coinr } ? new() { Method = a.ToString() } : new()
    {
        Method = Name(a.Method),
        Power = (a as PowerMeanAggregator)?.Power,
        Alpha = (a as MeanMinAggregator)?.Alpha,
        Beta = (a as MeanMinAggregator)?.Beta,
        Penalty = a switch { MazziottaParetoAggregator m => Name(m.Penalty), AdjustedMazziottaParetoAggregator am => Name(am.Penalty), _ => null },
        Reference = a is AdjustedMazziottaParetoAggregator { Reference: var r } ? OrNull(r) : null,
        NonPositive = a is ShiftableMeanAggregator { NonPositive: NonPositivePolicy.Shift } ? Name(NonPositivePolicy.Shift) : null,
        Epsilon = a is ShiftableMeanAggregator { NonPositive: NonPositivePolicy.Shift } sm ? sm.Epsilon : null,
        LowerBound = a is BenefitOfTheDoubtAggregator { LowerBound: not 0 } lb ? lb.LowerBound : null,
        UpperBound = a is BenefitOfTheDoubtAggregator { UpperBound: var ub } && double.IsFinite(ub) ? ub : null,
    };

    private static NodeDto ToDto(FrameworkNode n) => new()
    {
        Code = n.Code,
        Name = n.Name,
        NameVi = n.NameVi,
        Parent = n.ParentCode,
        Weight = n.Weight,
        Direction = Name(n.Direction),
        Indicator = n.Indicator is { } d ? ToDto(d, n) : null,
        Normaliser = n.Normaliser is { } norm ? ToDto(norm) : null,
        Aggregator = n.Aggregator is { } agg ? ToDto(agg) : null,
        AvailabilityThreshold = n.AvailabilityThreshold,
    };

    private static IndicatorDto ToDto(IndicatorDefinition d, FrameworkNode n) => new()
    {
        NameEn = d.NameEn == n.Name ? null : d.NameEn,
        NameVi = d.NameVi == n.NameVi ? null : d.NameVi ?? string.Empty, // "" = none, where the node has a name

        Kind = new KindDto
        {
            Category = Name(d.Kind.Category),
            Per = d.Kind.Category == KindCategory.Rate ? d.Kind.PerPeople : null,
            Currency = d.Kind.Currency,
            Min = d.Kind.Category == KindCategory.BoundedScore ? d.Kind.Minimum : null,
            Max = d.Kind.Category == KindCategory.BoundedScore ? d.Kind.Maximum : null,
        },
        Unit = d.Unit,
        Goalposts = d.Goalposts is { } g ? new GoalpostsDto { Lower = g.Lower, Upper = g.Upper } : null,
        Target = d.Target,
        ReferenceValue = d.ReferenceValue,
        Denominator = d.DenominatorCode,
    };

    private static double? OrNull(double x) => double.IsNaN(x) ? null : x;

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Maps a methodology's JSON shape to the domain type, collecting every problem (paths start at <c>$</c>).</summary>
    internal static ReadResult<Methodology> FromDto(MethodologyDto dto, string source) => new Reader(source, MethodRegistry.Default).Map(dto);

    // ---- DTO -> domain, collecting every problem ----

    private sealed class Reader(string source, MethodRegistry registry)
    {
        private readonly List<ValidationProblem> _problems = [];

        public ReadResult<Methodology> Map(MethodologyDto dto)
        {
            if (dto.FormatVersion is { } version && version != FormatVersion)
            {
                Problem(ProblemCode.UnsupportedInput, "$.formatVersion", new ProblemText("Json_FormatVersion"), ProblemText.Verbatim(FormatVersion.ToString(CultureInfo.InvariantCulture)), version.ToString(CultureInfo.InvariantCulture));
            }

            if (!(dto.AvailabilityThreshold >= 0 && dto.AvailabilityThreshold <= 1))
            {
                Problem(ProblemCode.InvalidParameter, "$.availabilityThreshold", new ProblemText("Method_DefaultAvailability"), new ProblemText("Kind_Share"), dto.AvailabilityThreshold.ToString("R", CultureInfo.InvariantCulture));
            }

            if (string.IsNullOrWhiteSpace(dto.Code))
            {
                Problem(ProblemCode.MissingValue, "$.code", new ProblemText("Json_EmptyCode"), new ProblemText("Json_ExpectedAsciiCode"), "\"" + dto.Code + "\"");
            }

            var normaliser = Normaliser(dto.Normaliser, "$.normaliser");
            var aggregator = Aggregator(dto.Aggregator, "$.aggregator");
            var ties = Enum<TiePolicy>(dto.Ties, "$.ties");
            var steps = new List<TreatmentStep>();
            for (var i = 0; i < (dto.Treatment?.Count ?? 0); i++)
            {
                var path = "$.treatment[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (dto.Treatment![i] is not { } sd)
                {
                    Problem(ProblemCode.MalformedInput, path, new ProblemText("Json_NullStep"), new ProblemText("Json_ExpectedStep"), "null");
                }
                else if (Step(sd, path) is { } step)
                {
                    steps.Add(step);
                }
            }

            var nodes = new List<FrameworkNode>();
            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < dto.Nodes.Count; i++)
            {
                var path = "$.nodes[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (dto.Nodes[i] is null)
                {
                    Problem(ProblemCode.MalformedInput, path, new ProblemText("Json_NullNode"), new ProblemText("Json_ExpectedNode"), "null");
                    continue;
                }

                if (Node(dto.Nodes[i], path) is { } node)
                {
                    nodes.Add(node);
                    paths.TryAdd(node.Code, path);
                }
            }

            var fwReport = Framework.Validate(nodes);
            foreach (var p in fwReport.Problems)
            {
                _problems.Add(p with { Source = source, Path = p.IndicatorCode is { } c && paths.TryGetValue(c, out var np) ? np : "$.nodes", Row = null, Column = null, UnitCode = null, Parameter = null });
            }

            if (_problems.Count > 0 || normaliser is null || aggregator is null || ties is null || !fwReport.IsValid)
            {
                return Failure();
            }

            try
            {
                var m = Methodology.Create(dto.Code, dto.Name, Framework.Create(nodes), normaliser, aggregator, ties.Value, dto.AvailabilityThreshold) with { Description = dto.Description };
                m = steps.Count == 0 ? m : m.WithTreatment(steps);
                return ApplyWeighting(m, dto.Weighting) is { } weighted ? ReadResult<Methodology>.ForValue(weighted, source) : Failure();
            }
            catch (ValidationException ex)
            {
                foreach (var p in ex.Report.Problems)
                {
                    _problems.Add(p with
                    {
                        Source = source,
                        Path = p.IndicatorCode is { } c && paths.TryGetValue(c, out var np) ? np
                            : p.IndicatorCode is not null ? "$.treatment"
                            : p.Code == ProblemCode.InvalidParameter ? "$.availabilityThreshold" : "$",
                        Row = null,
                        Column = null,
                        UnitCode = null,
                        Parameter = null,
                    });
                }
            }
            catch (ArgumentException ex)
            {
                Problem(ProblemCode.InvalidParameter, "$.code", new ProblemText("Json_NotValid", ex.Message), new ProblemText("Json_ExpectedNonBlankCode"), dto.Code);
            }

            return Failure();
        }

        /// <summary>Applies the <c>"weighting"</c> entries (absent in older files: the framework's weights); null after recording problems.</summary>
        private Methodology? ApplyWeighting(Methodology m, List<WeightingDto>? entries)
        {
            var ok = true;
            for (var i = 0; i < (entries?.Count ?? 0); i++)
            {
                var path = "$.weighting[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (entries![i] is not WeightingDto e)
                {
                    Problem(ProblemCode.MalformedInput, path, new ProblemText("Json_NullWeighting"), new ProblemText("Json_ExpectedWeighting"), "null");
                    ok = false;
                    continue;
                }

                var read = registry.Read<WeightingMethod>(e.Method ?? string.Empty, source);
                if (!read.TryGetValue(out var method))
                {
                    foreach (var p in read.Report.Problems)
                    {
                        _problems.Add(p with { Source = source, Path = path + ".method", Row = null, Column = null, UnitCode = null, IndicatorCode = null });
                    }

                    ok = false;
                    continue;
                }

                try
                {
                    m = e.Node is null ? m.WithWeighting(method) : m.WithWeighting(e.Node, method);
                }
                catch (ValidationException ex)
                {
                    foreach (var p in ex.Report.Problems)
                    {
                        _problems.Add(p with { Source = source, Path = path, Row = null, Column = null, UnitCode = null, Parameter = null });
                    }

                    ok = false;
                }
            }

            return ok ? m : null;
        }

        private ReadResult<Methodology> Failure() => ReadResult<Methodology>.ForFailure(ValidationReport.Of(_problems), source);

        private void Problem(ProblemCode code, string path, string message, string? expected = null, string? found = null, string? node = null) =>
            _problems.Add(new ValidationProblem(code, message) { Source = source, Path = path, Expected = expected, Found = found, IndicatorCode = node });

        private void Problem(ProblemCode code, string path, ProblemText message, ProblemText expected, string? found) =>
            _problems.Add(new ValidationProblem(code, message) { Source = source, Path = path, ExpectedText = expected, Found = found });

        private void Problem(ProblemCode code, string path, ProblemText message, ProblemText expected, ProblemText found) =>
            _problems.Add(new ValidationProblem(code, message) { Source = source, Path = path, ExpectedText = expected, FoundText = found });

        private static bool IsEnumName<T>(string? text, T excluded)
            where T : struct, Enum =>
            System.Enum.GetValues<T>().Any(v => !v.Equals(excluded) && string.Equals(Name(v), text, StringComparison.Ordinal));

        /// <summary>A method given as method text (<c>"minmax(0,100)"</c>, or a user method), read through the registry.</summary>
        private T? ByName<T>(string? text, string path)
            where T : class
        {
            var result = registry.Read<T>(text ?? string.Empty, source);
            if (result.TryGetValue(out var value))
            {
                return value;
            }

            foreach (var p in result.Report.Problems)
            {
                _problems.Add(p with { Source = source, Path = path });
            }

            return null;
        }

        private T? Enum<T>(string text, string path)
            where T : struct, Enum
        {
            foreach (var v in System.Enum.GetValues<T>())
            {
                if (string.Equals(Name(v), text, StringComparison.Ordinal))
                {
                    return v;
                }
            }

            Problem(ProblemCode.UnknownValue, path, new ProblemText("Json_UnknownValue", text), ProblemText.Verbatim(string.Join(", ", System.Enum.GetValues<T>().Select(Name))), text);
            return null;
        }

        /// <summary>What <see cref="Build"/> builds, as a resource text (a name without one stays as written).</summary>
        private static ProblemText WhatText(string what) => what switch
        {
            "normaliser" => new ProblemText("Json_WhatNormaliser"),
            "impute step" => new ProblemText("Json_WhatImpute"),
            "screen step" => new ProblemText("Json_WhatScreen"),
            "treat step" => new ProblemText("Json_WhatTreat"),
            "Box-Cox step" => new ProblemText("Json_WhatBoxCox"),
            "denominate step" => new ProblemText("Json_WhatDenominate"),
            "denomination rule" => new ProblemText("Json_WhatDenominationRule"),
            _ => ProblemText.Verbatim(what),
        };

        private T? Build<T>(Func<T> factory, string path, string what)
            where T : class
        {
            try
            {
                return factory();
            }
            catch (ValidationException ex)
            {
                // A method's parameter (or another domain check): the same problems as from the factory, located here.
                foreach (var p in ex.Report.Problems)
                {
                    _problems.Add(p with { Source = source, Path = path });
                }

                return null;
            }
            catch (ArgumentException ex)
            {
                // Built from the exception's properties (parameter, value, what the check expected), not from its message text.
                var parameter = string.IsNullOrEmpty(ex.ParamName) ? null : ex.ParamName;
                var expected = ex.Data[Internal.Preconditions.ExpectedKey] as string;
                var found = ex is ArgumentOutOfRangeException { ActualValue: { } v } ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
                ProblemText name = parameter is null ? new ProblemText("Json_AValue") : ProblemText.Verbatim(parameter);
                var message = expected is not null
                    ? found is null ? new ProblemText("Json_InvalidMustBe", WhatText(what), name, expected) : new ProblemText("Json_InvalidMustBeFound", WhatText(what), name, expected, found)
                    : found is not null ? new ProblemText("Json_InvalidOutOfRange", WhatText(what), name, found)
                    : new ProblemText("Json_InvalidMessage", WhatText(what), ex.Message);
                _problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, message) { Source = source, Path = path, Parameter = parameter, Expected = expected, Found = found });
                return null;
            }
        }

        private Normaliser? Normaliser(NormaliserDto d, string path)
        {
            if (!IsEnumName<NormalisationMethod>(d.Method, NormalisationMethod.Custom) || !HasObjectForm(System.Enum.GetValues<NormalisationMethod>().First(v => Name(v) == d.Method)))
            {
                var byName = ByName<Normaliser>(d.Method, path + ".method");
                if (byName is not null && (d.Lower is not null || d.Upper is not null || d.Mean is not null || d.Sd is not null || d.ReferenceUnit is not null || d.Cap is not null || d.Degenerate is not null))
                {
                    Problem(ProblemCode.InvalidParameter, path, new ProblemText("Json_NormaliserText", d.Method), ProblemText.Verbatim("only \"method\": \"name(args)\""), new ProblemText("Json_FoundOtherProperties"));
                    return null;
                }

                return byName;
            }

            var method = Enum<NormalisationMethod>(d.Method, path + ".method");
            var degenerate = d.Degenerate is null ? DegenerateColumnPolicy.Error : Enum<DegenerateColumnPolicy>(d.Degenerate, path + ".degenerate");
            var cap = d.Cap is null ? CapPolicy.None : Enum<CapPolicy>(d.Cap, path + ".cap");
            if (method is null || degenerate is null || cap is null)
            {
                return null;
            }

            if (method == NormalisationMethod.DistanceToReference && string.IsNullOrWhiteSpace(d.ReferenceUnit))
            {
                Problem(ProblemCode.MissingValue, path + ".referenceUnit", new ProblemText("Json_ReferenceUnit"), new ProblemText("Json_ExpectedUnitCode"), new ProblemText("Found_None"));
                return null;
            }

            var deg = degenerate.Value;
            if (method == NormalisationMethod.FractionOfMax && d.Lower is { } fl && fl != 0)
            {
                Problem(ProblemCode.InvalidParameter, path + ".lower", new ProblemText("Json_FractionOfMax"), new ProblemText("Json_ExpectedZeroOrAbsent"), fl.ToString("R", CultureInfo.InvariantCulture));
                return null;
            }

            return Build(
                () => (method.Value switch
                {
                    NormalisationMethod.Identity => Normalisation.Normaliser.Identity,
                    NormalisationMethod.Rank => Normalisation.Normaliser.Rank,
                    NormalisationMethod.MinMax => Normalisation.Normaliser.MinMax(d.Lower ?? 0, d.Upper ?? 100, deg),
                    NormalisationMethod.ZScore => Normalisation.Normaliser.ZScore(d.Mean ?? 0, d.Sd ?? 1, deg),
                    NormalisationMethod.PercentileRank => Normalisation.Normaliser.PercentileRank(d.Lower ?? 0, d.Upper ?? 1, deg),
                    NormalisationMethod.DistanceToMax => Normalisation.Normaliser.DistanceToMax(d.Lower ?? 0, d.Upper ?? 1, deg),
                    NormalisationMethod.FractionOfMax => Normalisation.Normaliser.FractionOfMax(d.Upper ?? 1, deg),
                    NormalisationMethod.Goalposts => Normalisation.Normaliser.Goalposts(d.Lower ?? 0, d.Upper ?? 1),
                    NormalisationMethod.ReferenceValue => Normalisation.Normaliser.ReferenceValue(d.Lower ?? 0, d.Upper ?? 1),
                    NormalisationMethod.LogReference => Normalisation.Normaliser.LogReference(d.Lower ?? 0, d.Upper ?? 1),
                    NormalisationMethod.Borda => Normalisation.Normaliser.Borda,
                    NormalisationMethod.DistanceToReference => Normalisation.Normaliser.DistanceToReference(d.ReferenceUnit!, cap.Value, d.Lower ?? 0, d.Upper ?? 1, deg),
                    NormalisationMethod.DistanceToTarget => Normalisation.Normaliser.DistanceToTarget(cap.Value, d.Lower ?? 0, d.Upper ?? 1, deg),
                    NormalisationMethod.Categorical => Normalisation.Normaliser.Categorical(d.Lower ?? 0, d.Upper ?? 100, deg),
                    _ => throw new ArgumentException("Unsupported normalisation method."),
                }),
                path,
                "normaliser");
        }

        private TreatmentStep? Step(TreatmentStepDto d, string path)
        {
            if (!IsEnumName<TreatmentStepKind>(d.Step, (TreatmentStepKind)(-1)))
            {
                // The method text of a step, for example "screen(0.5)" or "impute(group-mean,region)".
                var byName = ByName<TreatmentStep>(d.Step, path + ".step");
                if (byName is not null && (d.Denominators is not null || d.Scale is not null || d.Threshold is not null || d.UnitScreen is not null || d.NonZeroThreshold is not null || d.ForceInclude is not null || d.ForceExclude is not null || d.Imputer is not null || d.Group is not null || d.WinMax is not null || d.SkewnessThreshold is not null || d.KurtosisThreshold is not null || d.Lambda is not null))
                {
                    Problem(ProblemCode.InvalidParameter, path, new ProblemText("Json_StepText", d.Step), ProblemText.Verbatim("only \"step\": \"name(args)\""), new ProblemText("Json_FoundOtherProperties"));
                    return null;
                }

                return byName;
            }

            var kind = Enum<TreatmentStepKind>(d.Step, path + ".step");
            switch (kind)
            {
                case null:
                    return null;
                case TreatmentStepKind.Denominate:
                {
                    if (d.Denominators is null || d.Denominators.Count == 0)
                    {
                        Problem(ProblemCode.MissingValue, path + ".denominators", new ProblemText("Json_DenominateRules"), new ProblemText("Json_ExpectedRules"), new ProblemText("Found_None"));
                        return null;
                    }

                    var rules = new List<DenominationRule>();
                    for (var i = 0; i < d.Denominators.Count; i++)
                    {
                        var r = d.Denominators[i];
                        var rp = path + ".denominators[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                        if (r is null)
                        {
                            Problem(ProblemCode.MalformedInput, rp, new ProblemText("Json_NullRule"), new ProblemText("Json_ExpectedRule"), "null");
                        }
                        else if (Build(() => DenominationRule.Create(r.Indicator, r.Denominator, r.Scale ?? 1), rp, "denomination rule") is { } rule)
                        {
                            rules.Add(rule);
                        }
                    }

                    return rules.Count == d.Denominators.Count ? Build(() => TreatmentStep.Denominate(rules), path, "denominate step") : null;
                }

                case TreatmentStepKind.DenominateByDefinitions:
                    return Build(() => TreatmentStep.DenominateByDefinitions(d.Scale ?? 1), path, "denominate step");
                case TreatmentStepKind.Screen:
                {
                    var rule = d.UnitScreen is null ? UnitScreenRule.ByMissing : Enum<UnitScreenRule>(d.UnitScreen, path + ".unitScreen");
                    if (rule is null)
                    {
                        return null;
                    }

                    if (d.Threshold is not { } threshold && rule != UnitScreenRule.ByZeros)
                    {
                        Problem(ProblemCode.MissingValue, path + ".threshold", new ProblemText("Json_ScreenThreshold"), new ProblemText("Kind_Share"), new ProblemText("Found_None"));
                        return null;
                    }

                    var nonZero = d.NonZeroThreshold ?? UnitScreening.DefaultNonZeroThreshold;
                    return Build(
                        () =>
                        {
                            var s = rule switch
                            {
                                UnitScreenRule.ByMissing => UnitScreening.ByAvailability(d.Threshold!.Value),
                                UnitScreenRule.ByZeros => UnitScreening.ByZeros(nonZero),
                                _ => UnitScreening.ByMissingOrZeros(d.Threshold!.Value, nonZero),
                            };
                            s = d.ForceInclude is null ? s : s.WithForceInclude(d.ForceInclude);
                            s = d.ForceExclude is null ? s : s.WithForceExclude(d.ForceExclude);
                            return TreatmentStep.Screen(s);
                        },
                        path,
                        "screen step");
                }
                case TreatmentStepKind.Impute:
                {
                    var method = d.Imputer is null ? null : Enum<ImputationMethod>(d.Imputer, path + ".imputer");
                    if (d.Imputer is null)
                    {
                        Problem(ProblemCode.MissingValue, path + ".imputer", new ProblemText("Json_ImputeImputer"), ProblemText.Verbatim("mean, median, groupMean or groupMedian"), new ProblemText("Found_None"));
                    }

                    if (method is null)
                    {
                        return null;
                    }

                    if (method is ImputationMethod.GroupMean or ImputationMethod.GroupMedian && string.IsNullOrWhiteSpace(d.Group))
                    {
                        Problem(ProblemCode.MissingValue, path + ".group", new ProblemText("Json_GroupName"), new ProblemText("Json_ExpectedGroupName"), new ProblemText("Found_None"));
                        return null;
                    }

                    return Build(
                        () => TreatmentStep.Impute(method.Value switch
                        {
                            ImputationMethod.Mean => Treatment.Imputer.Mean,
                            ImputationMethod.Median => Treatment.Imputer.Median,
                            ImputationMethod.GroupMean => Treatment.Imputer.GroupMean(d.Group!),
                            ImputationMethod.GroupMedian => Treatment.Imputer.GroupMedian(d.Group!),
                            _ => throw new ArgumentException("Only mean, median, groupMean and groupMedian imputation can be a treatment step (within-pillar imputation needs normalised data; panel imputation needs several years)."),
                        }),
                        path + ".imputer",
                        "impute step");
                }

                case TreatmentStepKind.Treat:
                    return Build(
                        () => TreatmentStep.Treat(OutlierTreatment.Create(d.WinMax ?? 5, SkewKurtosisRule.Create(d.SkewnessThreshold ?? 2, d.KurtosisThreshold ?? 3.5))),
                        path,
                        "treat step");
                default:
                    if (d.Lambda is not { } lambda)
                    {
                        Problem(ProblemCode.MissingValue, path + ".lambda", new ProblemText("Json_BoxCoxLambda"), new ProblemText("Kind_Real"), new ProblemText("Found_None"));
                        return null;
                    }

                    return Build(() => TreatmentStep.BoxCox(lambda), path, "Box-Cox step");
            }
        }

        private Aggregator? Aggregator(AggregatorDto d, string path)
        {
            if (!IsEnumName<AggregationMethod>(d.Method, AggregationMethod.Custom) || !HasObjectForm(System.Enum.GetValues<AggregationMethod>().First(v => Name(v) == d.Method)))
            {
                var byName = ByName<Aggregator>(d.Method, path + ".method");
                if (byName is not null && (d.Power is not null || d.Alpha is not null || d.Beta is not null || d.Penalty is not null || d.Reference is not null || d.NonPositive is not null || d.Epsilon is not null || d.LowerBound is not null || d.UpperBound is not null))
                {
                    Problem(ProblemCode.InvalidParameter, path, new ProblemText("Json_AggregatorText", d.Method), ProblemText.Verbatim("only \"method\": \"name(args)\""), new ProblemText("Json_FoundOtherProperties"));
                    return null;
                }

                return byName;
            }

            var method = Enum<AggregationMethod>(d.Method, path + ".method");
            if (method is null)
            {
                return null;
            }

            if (method == AggregationMethod.PowerMean && d.Power is null)
            {
                Problem(ProblemCode.MissingValue, path + ".power", new ProblemText("Json_PowerP"), new ProblemText("Kind_Real"), new ProblemText("Json_FoundNoPower"));
                return null;
            }

            if (method == AggregationMethod.MeanMin && (d.Alpha is null || d.Beta is null))
            {
                Problem(ProblemCode.MissingValue, path + (d.Alpha is null ? ".alpha" : ".beta"), new ProblemText("Json_MeanMin"), new ProblemText("Json_ExpectedAlphaBeta"), new ProblemText("Found_None"));
                return null;
            }

            var penalty = d.Penalty is null ? MpiPenalty.Negative : Enum<MpiPenalty>(d.Penalty, path + ".penalty");
            if (penalty is null)
            {
                return null;
            }

            var nonPositive = d.NonPositive is null ? NonPositivePolicy.Error : Enum<NonPositivePolicy>(d.NonPositive, path + ".nonPositive");
            if (nonPositive is null)
            {
                return null;
            }

            if (nonPositive == NonPositivePolicy.Shift && (d.Epsilon is null || method is not (AggregationMethod.GeometricMean or AggregationMethod.HarmonicMean)))
            {
                Problem(ProblemCode.InvalidParameter, path + ".nonPositive", "The shift policy needs epsilon and applies to the geometric and harmonic means only.", "a geometric or harmonic mean with epsilon > 0", d.Method + (d.Epsilon is null ? " without epsilon" : string.Empty));
                return null;
            }

            var shifted = nonPositive == NonPositivePolicy.Shift;

            return Build(
                () => method.Value switch
                {
                    AggregationMethod.ArithmeticMean => Aggregation.Aggregator.ArithmeticMean,
                    AggregationMethod.GeometricMean => shifted ? Aggregation.Aggregator.GeometricMeanShifted(d.Epsilon!.Value) : Aggregation.Aggregator.GeometricMean,
                    AggregationMethod.HarmonicMean => shifted ? Aggregation.Aggregator.HarmonicMeanShifted(d.Epsilon!.Value) : Aggregation.Aggregator.HarmonicMean,
                    AggregationMethod.Minimum => Aggregation.Aggregator.Minimum,
                    AggregationMethod.PowerMean => Aggregation.Aggregator.PowerMean(d.Power!.Value),
                    AggregationMethod.Median => Aggregation.Aggregator.Median,
                    AggregationMethod.MeanMin => Aggregation.Aggregator.MeanMin(d.Alpha!.Value, d.Beta!.Value),
                    AggregationMethod.MazziottaPareto => Aggregation.Aggregator.MazziottaPareto(penalty.Value),
                    AggregationMethod.AdjustedMazziottaPareto => Aggregation.Aggregator.AdjustedMazziottaPareto(penalty.Value, d.Reference ?? double.NaN),
                    AggregationMethod.Copeland => Aggregation.Aggregator.Copeland,
                    AggregationMethod.BenefitOfTheDoubt => Aggregation.Aggregator.BenefitOfTheDoubt(d.LowerBound ?? 0, d.UpperBound ?? double.PositiveInfinity),
                    _ => throw new ArgumentException("Unsupported aggregation method."),
                },
                path,
                "aggregator");
        }

        private IndicatorKind? Kind(KindDto d, string path)
        {
            var category = Enum<KindCategory>(d.Category, path + ".category");
            if (category is null)
            {
                return null;
            }

            double Need(double? x, string name)
            {
                if (x is null)
                {
                    Problem(ProblemCode.MissingValue, path + "." + name, new ProblemText("Json_KindNeeds", d.Category, name), new ProblemText("Args_ANumber"), new ProblemText("Found_Nothing"));
                    throw new InvalidOperationException("missing");
                }

                return x.Value;
            }

            try
            {
                return category.Value switch
                {
                    KindCategory.Count => IndicatorKind.Count,
                    KindCategory.Share => IndicatorKind.Share,
                    KindCategory.Percent => IndicatorKind.Percent,
                    KindCategory.YesNo => IndicatorKind.YesNo,
                    KindCategory.ServiceLevel => IndicatorKind.ServiceLevel,
                    KindCategory.Real => IndicatorKind.Real,
                    KindCategory.Rate => Build(() => IndicatorKind.RatePer(Need(d.Per, "per")), path, "rate kind"),
                    KindCategory.Money => d.Currency is null
                        ? Fail(path + ".currency", "A 'money' kind needs 'currency'.")
                        : Build(() => IndicatorKind.Money(d.Currency), path, "money kind"),
                    KindCategory.BoundedScore => Build(() => IndicatorKind.BoundedScore(Need(d.Min, "min"), Need(d.Max, "max")), path, "score kind"),
                    _ => null,
                };
            }
            catch (InvalidOperationException)
            {
                return null; // already reported by Need
            }
        }

        private IndicatorKind? Fail(string path, string message)
        {
            Problem(ProblemCode.MissingValue, path, message);
            return null;
        }

        private FrameworkNode? Node(NodeDto d, string path)
        {
            // A part that fails is reported and left out (the node itself is kept without that part), so that the tree checks
            // that follow report real problems instead of a cascade of missing parents.
            var direction = Enum<Direction>(d.Direction ?? "positive", path + ".direction") ?? Direction.Positive;
            var weight = d.Weight ?? 1;
            var normaliser = d.Normaliser is { } nd ? Normaliser(nd, path + ".normaliser") : null;
            var aggregator = d.Aggregator is { } ad ? Aggregator(ad, path + ".aggregator") : null;
            if (d.Indicator is not { } ind)
            {
                return Build(() => FrameworkNode.Aggregate(d.Code, d.Name, d.Parent, weight, aggregator, d.NameVi) with { AggregateDirection = direction, AvailabilityThreshold = d.AvailabilityThreshold, Normaliser = normaliser, Name = d.Name }, path, "node");
            }

            var kind = Kind(ind.Kind, path + ".indicator.kind") ?? IndicatorKind.Real;
            var def = Build(() => IndicatorDefinition.Create(d.Code, ind.NameEn ?? d.Name, kind, direction, ind.NameVi is null ? d.NameVi : ind.NameVi.Length == 0 ? null : ind.NameVi, ind.Unit) with { DenominatorCode = ind.Denominator }, path + ".indicator", "indicator");
            if (def is null)
            {
                return null;
            }

            if (ind.Goalposts is { } g)
            {
                def = Build(() => def.WithGoalposts(g.Lower, g.Upper), path + ".indicator.goalposts", "goalposts") ?? def;
            }

            if (ind.Target is { } t)
            {
                def = Build(() => def.WithTarget(t), path + ".indicator.target", "target") ?? def;
            }

            if (ind.ReferenceValue is { } r)
            {
                def = Build(() => def.WithReferenceValue(r), path + ".indicator.referenceValue", "reference value") ?? def;
            }

            return Build(
                () => FrameworkNode.ForIndicator(def, d.Parent ?? "-", weight, normaliser) with { ParentCode = d.Parent, Name = d.Name, NameVi = d.NameVi, Aggregator = aggregator, AvailabilityThreshold = d.AvailabilityThreshold },
                path,
                "node");
        }
    }
}
