using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Internal;

namespace ProvinceIct.Indicators.Geography;

/// <summary>
/// The provincial-level units of Vietnam in both geographies (63 until 30 June 2025, 34 from 1 July 2025),
/// the links between them, and name matching that a person would expect. Immutable and safe to share.
/// </summary>
/// <remarks>
/// <para>Matching (<see cref="Match"/>, <see cref="TryMatch"/>) accepts, within one geography: the exact GSO code
/// (two digits, <c>70</c>), the ISO 3166-2 code (<c>VN-58</c>) and the HASC code (<c>VN.BP</c>), compared after
/// trimming and ignoring case; and any of the Vietnamese, ASCII, English and full names and the published
/// spelling variants, compared on a folded key: case, diacritics (NFC or NFD), đ/d, spaces, hyphens, dots and other
/// punctuation are ignored, as are a leading <c>Tỉnh</c>, <c>Thành phố</c> or <c>TP</c> and a trailing English
/// <c>province</c> or <c>city</c>. The letter part of a letter ISO code is a name too (<c>HN</c>, <c>SG</c>).</para>
/// <para>No guess is ever made: a key shared by two units throws <see cref="AmbiguousProvinceException"/>; an
/// unknown text throws <see cref="ProvinceNotFoundException"/> with the closest units (edit distance on the folded
/// key). In <see cref="ProvinceGeography.Provinces2025"/> a unit keeps the names, spellings and letter codes of the 2016 unit
/// whose name it kept, and all names and codes of its predecessor when it was formed from exactly one (Thừa Thiên Huế
/// became the city of Huế); the name of a 2016 unit that was merged away is an error that names its successor.
/// Use <see cref="MatchSuccessor"/> to map 2016 names to 2025 units on purpose.</para>
/// </remarks>
public sealed class ProvinceCatalog
{
    private const string Source2016 = "provinces.csv";
    private const string Source2025 = "provinces_2025.csv";
    private const int MaxCandidates = 5;

    private static readonly Lazy<ProvinceCatalog> DefaultCatalog = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ImmutableArray<Province> provinces2016;
    private readonly ImmutableArray<Province> provinces2025;
    private readonly FrozenDictionary<string, Province> byCode2016;
    private readonly FrozenDictionary<string, Province> byCode2025;
    private readonly Lazy<KeyIndex> index2016;
    private readonly Lazy<KeyIndex> index2025;

    private ProvinceCatalog(ImmutableArray<Province> provinces2016, ImmutableArray<Province> provinces2025)
    {
        this.provinces2016 = provinces2016;
        this.provinces2025 = provinces2025;
        byCode2016 = provinces2016.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        byCode2025 = provinces2025.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        // The name indexes are built on the first match: a lookup by code (what reading a dataset of codes needs) does
        // not pay for folding every name and spelling.
        index2016 = new(() => KeyIndex.Build(provinces2016.Select(p => (p, (Province?)null))), LazyThreadSafetyMode.ExecutionAndPublication);
        index2025 = new(() => KeyIndex.Build(provinces2025.Select(p => (p, Namesake(p, [.. p.PredecessorCodes.Select(c => byCode2016[c])])))), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The catalogue of the embedded tables (<c>provinces.csv</c>, <c>provinces_2025.csv</c>: GSO code list,
    /// ISO 3166-2:VN, resolution 202/2025/QH15). Loaded once, on first use, thread-safely.
    /// </summary>
    public static ProvinceCatalog Default => DefaultCatalog.Value;

    /// <summary>
    /// Loads a catalogue from two tables in the layout of the embedded ones (UTF-8 CSV, header row, columns in any
    /// order; extra columns are ignored). Every problem of both tables is reported at once.
    /// </summary>
    /// <param name="provinces2016">The 2016 table: <c>code, name_vi, name_ascii, name_en, region, region6_key,
    /// region6_vi, region8_vi, region8_en, unit_type, full_name_vi, new_province_2025_code, alt_spellings
    /// (separated by <c>;</c>), iso_3166_2, hasc</c>.</param>
    /// <param name="provinces2025">The 2025 table: <c>code_2025, name_vi, name_ascii, full_name_vi, unit_type,
    /// merged_from_codes</c> (separated by <c>;</c>).</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="ArgumentNullException">When a reader is null.</exception>
    /// <exception cref="ValidationException">When a table is malformed, a column is missing, a code is not two digits
    /// or repeats, a unit type is unknown, or the successor and predecessor columns do not agree (each 2016 unit
    /// must belong to exactly one 2025 unit).</exception>
    public static ProvinceCatalog Load(TextReader provinces2016, TextReader provinces2025)
    {
        Preconditions.NotNull(provinces2016);
        Preconditions.NotNull(provinces2025);
        return Build(provinces2016.ReadToEnd(), provinces2025.ReadToEnd());
    }

    /// <summary>The units of a geography, in GSO code order.</summary>
    /// <param name="geography">The geography.</param>
    /// <returns>63 units for <see cref="ProvinceGeography.Provinces2016"/>, 34 for <see cref="ProvinceGeography.Provinces2025"/> (default catalogue).</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="geography"/> is not a defined value.</exception>
    public ImmutableArray<Province> Provinces(ProvinceGeography geography) => geography switch
    {
        ProvinceGeography.Provinces2016 => provinces2016,
        ProvinceGeography.Provinces2025 => provinces2025,
        _ => throw new ArgumentOutOfRangeException(nameof(geography), geography, "Unknown geography."),
    };

    /// <summary>The unit with a GSO code in a geography.</summary>
    /// <param name="code">The exact two-digit GSO code, for example <c>70</c> (surrounding white space is ignored).</param>
    /// <param name="geography">The geography; codes are reused across geographies (44 is Quảng Bình in 2016, Quảng Trị in 2025).</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="geography"/> is not a defined value.</exception>
    /// <exception cref="ProvinceNotFoundException">When no unit has the code; for a 2016 code that no longer exists in
    /// 2025, the message and the candidates name its successor.</exception>
    public Province Get(string code, ProvinceGeography geography)
    {
        Preconditions.NotNull(code);
        if (TryGet(code, geography, out var province))
        {
            return province;
        }

        var trimmed = code.Trim();
        if (geography == ProvinceGeography.Provinces2025 && byCode2016.TryGetValue(trimmed, out var former))
        {
            throw Merged(code, former);
        }

        throw new ProvinceNotFoundException(
            new ProblemText("Province_CodeNotFound", Describe(geography), code), code, geography, []);
    }

    /// <summary>The unit with a GSO code in a geography, without throwing.</summary>
    /// <param name="code">The exact two-digit GSO code; null gives false.</param>
    /// <param name="geography">The geography.</param>
    /// <param name="province">The unit, or null.</param>
    /// <returns>True when a unit has the code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="geography"/> is not a defined value.</exception>
    public bool TryGet(string? code, ProvinceGeography geography, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Province? province)
    {
        var byCode = ByCode(geography);
        province = null;
        return code is not null && byCode.TryGetValue(code.Trim(), out province);
    }

    /// <summary>The 2025 unit a 2016 unit became part of on 1 July 2025.</summary>
    /// <param name="code2016">The GSO code of the 2016 unit, for example <c>70</c>.</param>
    /// <returns>The 2025 unit, for example <c>75 Đồng Nai</c>.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="code2016"/> is null.</exception>
    /// <exception cref="ProvinceNotFoundException">When no 2016 unit has the code.</exception>
    public Province Successor(string code2016)
    {
        var old = Get(code2016, ProvinceGeography.Provinces2016);
        return byCode2025[old.SuccessorCode!];
    }

    /// <summary>The 2016 units a 2025 unit was formed from, in GSO code order.</summary>
    /// <param name="code2025">The GSO code of the 2025 unit, for example <c>75</c>.</param>
    /// <returns>One to three 2016 units, for example <c>70 Bình Phước</c>, <c>75 Đồng Nai</c>.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="code2025"/> is null.</exception>
    /// <exception cref="ProvinceNotFoundException">When no 2025 unit has the code.</exception>
    public ImmutableArray<Province> Predecessors(string code2025)
    {
        var unit = Get(code2025, ProvinceGeography.Provinces2025);
        return [.. unit.PredecessorCodes.Select(c => byCode2016[c])];
    }

    /// <summary>Resolves a name, spelling or code to exactly one unit of a geography (rules in the remarks of <see cref="ProvinceCatalog"/>).</summary>
    /// <param name="text">The text, for example <c>TP.HCM</c>, <c>Binh Phuoc</c>, <c>VN-58</c> or <c>70</c>.</param>
    /// <param name="geography">The geography to match in.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="geography"/> is not a defined value.</exception>
    /// <exception cref="ProvinceNotFoundException">When no unit matches (empty or blank text included), with the closest
    /// units as candidates; in <see cref="ProvinceGeography.Provinces2025"/>, when the text names a 2016 unit merged away,
    /// with that unit as <see cref="ProvinceNotFoundException.FormerProvince"/> and its successor as the candidate.</exception>
    /// <exception cref="AmbiguousProvinceException">When the text names more than one unit.</exception>
    public Province Match(string text, ProvinceGeography geography)
    {
        Preconditions.NotNull(text);
        return Find(text, geography, out var error) ?? throw error!;
    }

    /// <summary>Resolves a name, spelling or code like <see cref="Match"/>, without throwing.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="geography">The geography to match in.</param>
    /// <param name="province">The unit, or null when there is none or more than one.</param>
    /// <returns>True when exactly one unit matches.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="geography"/> is not a defined value.</exception>
    public bool TryMatch(string? text, ProvinceGeography geography, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Province? province)
    {
        var index = Index(geography);
        province = null;
        if (text is not null)
        {
            var hits = index.Lookup(text);
            province = hits.Length == 1 ? hits[0] : null;
        }

        return province is not null;
    }

    /// <summary>
    /// Maps a name, spelling or code of a 2016 unit to the 2025 unit it became part of: the explicit form of what
    /// <see cref="Match"/> refuses to do silently. <c>"Bình Phước"</c> gives <c>75 Đồng Nai</c>.
    /// </summary>
    /// <param name="text">The text, matched in <see cref="ProvinceGeography.Provinces2016"/>.</param>
    /// <returns>The 2025 unit.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
    /// <exception cref="ProvinceNotFoundException">When no 2016 unit matches.</exception>
    /// <exception cref="AmbiguousProvinceException">When the text names more than one 2016 unit.</exception>
    public Province MatchSuccessor(string text) => Successor(Match(text, ProvinceGeography.Provinces2016).Code);

    /// <summary>Formats as <c>ProvinceCatalog: 63 units (Provinces2016), 34 units (Provinces2025)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"ProvinceCatalog: {provinces2016.Length} units ({ProvinceGeography.Provinces2016}), {provinces2025.Length} units ({ProvinceGeography.Provinces2025})");

    /// <summary>Folded keys that name more than one unit of a geography (for tests and diagnostics).</summary>
    internal IEnumerable<KeyValuePair<string, ImmutableArray<Province>>> CollidingKeys(ProvinceGeography geography) =>
        Index(geography).Names.Concat(Index(geography).Codes).Where(kv => kv.Value.Length > 1).OrderBy(kv => kv.Key, StringComparer.Ordinal);

    /// <summary>Every folded name key of a geography (for tests and diagnostics).</summary>
    internal IEnumerable<string> NameKeys(ProvinceGeography geography) => Index(geography).Names.Keys;

    private FrozenDictionary<string, Province> ByCode(ProvinceGeography geography) => geography switch
    {
        ProvinceGeography.Provinces2016 => byCode2016,
        ProvinceGeography.Provinces2025 => byCode2025,
        _ => throw new ArgumentOutOfRangeException(nameof(geography), geography, "Unknown geography."),
    };

    private KeyIndex Index(ProvinceGeography geography) => geography switch
    {
        ProvinceGeography.Provinces2016 => index2016.Value,
        ProvinceGeography.Provinces2025 => index2025.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(geography), geography, "Unknown geography."),
    };

    private Province? Find(string text, ProvinceGeography geography, out ProvinceMatchException? error)
    {
        error = null;
        var index = Index(geography);
        var hits = index.Lookup(text);
        if (hits.Length == 1)
        {
            return hits[0];
        }

        if (hits.Length > 1)
        {
            error = new AmbiguousProvinceException(
                new ProblemText("Province_NamesSeveral", text, hits.Length.ToString(CultureInfo.InvariantCulture), Describe(geography), string.Join(", ", hits)),
                text,
                geography,
                hits);
            return null;
        }

        if (geography == ProvinceGeography.Provinces2025)
        {
            var former = index2016.Value.Lookup(text);
            if (former.Length == 1)
            {
                error = Merged(text, former[0]);
                return null;
            }

            if (former.Length > 1)
            {
                var successors = former.Select(p => byCode2025[p.SuccessorCode!]).Distinct().OrderBy(p => p.Code, StringComparer.Ordinal).ToImmutableArray();
                error = new ProvinceNotFoundException(
                    new ProblemText("Province_SeveralFormer", text, Describe(geography), Describe(ProvinceGeography.Provinces2016), string.Join(", ", former), string.Join(", ", successors)),
                    text,
                    geography,
                    successors);
                return null;
            }
        }

        var candidates = Closest(text, geography);
        var closest = candidates.IsEmpty ? ProblemText.Verbatim(string.Empty) : new ProblemText("Province_Closest", string.Join(", ", candidates));
        error = new ProvinceNotFoundException(new ProblemText("Province_NameNotFound", Describe(geography), text, closest), text, geography, candidates);
        return null;
    }

    private ProvinceNotFoundException Merged(string text, Province former)
    {
        var successor = byCode2025[former.SuccessorCode!];
        var preds = Predecessors(successor.Code);
        var what = preds.Length == 1
            ? new ProblemText("Province_BecameOne", successor.ToString())
            : new ProblemText("Province_MergedInto", successor.ToString(), string.Join(", ", preds.Take(preds.Length - 1)), preds[^1].ToString());
        return new ProvinceNotFoundException(
            new ProblemText("Province_Merged", text, Describe(ProvinceGeography.Provinces2025), former.ToString(), Describe(ProvinceGeography.Provinces2016), what, successor.ToString()),
            text,
            ProvinceGeography.Provinces2025,
            [successor],
            former);
    }

    private ImmutableArray<Province> Closest(string text, ProvinceGeography geography)
    {
        var key = VietnameseText.Key(text);
        if (key.Length == 0)
        {
            return [];
        }

        // Rank by edit distance, then by the longer common prefix (people misspell endings more than
        // beginnings: "Binh Phuc" is nearer Bình Phước than Vĩnh Phúc), then by code.
        var limit = key.Length <= 3 ? 1 : Math.Max(2, (key.Length + 2) / 3);
        var best = new Dictionary<Province, (int Distance, int Prefix)>();

        void Consider(IEnumerable<KeyValuePair<string, ImmutableArray<Province>>> entries, Func<Province, Province> map)
        {
            foreach (var (candidateKey, provinces) in entries)
            {
                var d = VietnameseText.Distance(key, candidateKey);
                if (key.Length >= 3 && candidateKey.Contains(key, StringComparison.Ordinal))
                {
                    d = Math.Min(d, 1);
                }

                if (d > limit)
                {
                    continue;
                }

                var score = (d, -CommonPrefix(key, candidateKey));
                foreach (var p in provinces)
                {
                    var target = map(p);
                    if (!best.TryGetValue(target, out var current) || score.CompareTo(current) < 0)
                    {
                        best[target] = score;
                    }
                }
            }
        }

        Consider(Index(geography).Names, p => p);
        if (geography == ProvinceGeography.Provinces2025)
        {
            Consider(index2016.Value.Names, p => byCode2025[p.SuccessorCode!]);
        }

        return [.. best.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key.Code, StringComparer.Ordinal).Take(MaxCandidates).Select(kv => kv.Key)];

        static int CommonPrefix(string a, string b)
        {
            var n = 0;
            while (n < a.Length && n < b.Length && a[n] == b[n])
            {
                n++;
            }

            return n;
        }
    }

    /// <summary>
    /// The 2016 unit whose names a 2025 unit carries on: the predecessor with the same name, or the only
    /// predecessor (a renamed unit with unchanged territory, such as Thừa Thiên Huế to Huế); null otherwise.
    /// </summary>
    private static Province? Namesake(Province unit2025, List<Province> predecessors)
    {
        var key = VietnameseText.Key(unit2025.NameVi);
        return predecessors.FirstOrDefault(p => VietnameseText.Key(p.NameVi) == key) ?? (predecessors.Count == 1 ? predecessors[0] : null);
    }

    private ProblemText Describe(ProvinceGeography geography) => geography switch
    {
        ProvinceGeography.Provinces2016 => new ProblemText("Geography_Described2016", provinces2016.Length.ToString(CultureInfo.InvariantCulture)),
        _ => new ProblemText("Geography_Described2025", provinces2025.Length.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>The name of <paramref name="geography"/> as a resource text: <c>Provinces2016</c> in English (its <see cref="Enum.ToString()"/>), a description in Vietnamese.</summary>
    internal static ProblemText NameOf(ProvinceGeography geography) =>
        new(geography == ProvinceGeography.Provinces2016 ? "Geography_Provinces2016" : "Geography_Provinces2025");

    private static ProvinceCatalog LoadEmbedded()
    {
        return Build(ReadResource(Source2016), ReadResource(Source2025));

        static string ReadResource(string file)
        {
            var name = "ProvinceIct.Indicators.Resources." + file;
            using var stream = typeof(ProvinceCatalog).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException("Embedded resource " + name + " is missing.");
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
    }

    private static ProvinceCatalog Build(string csv2016, string csv2025)
    {
        var problems = new List<ValidationProblem>();
        var t2016 = Table.Read(csv2016, Source2016, problems, Columns2016);
        var t2025 = Table.Read(csv2025, Source2025, problems, Columns2025);
        if (problems.Count > 0)
        {
            ValidationReport.Of(problems).ThrowIfInvalid("province tables");
        }

        var old = new List<Province>();
        var oldRows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t2016!.Rows)
        {
            var code = t2016.Code(row, "code", problems, oldRows);
            var type = t2016.UnitType(row, problems);
            var names = t2016.Required(row, problems, "name_vi", "name_ascii", "name_en", "full_name_vi", "region", "region6_key", "region6_vi", "region8_vi", "region8_en", "new_province_2025_code");
            if (code is null || type is null || names is null)
            {
                continue;
            }

            old.Add(new Province(ProvinceGeography.Provinces2016, code, names[0], names[1], names[2], names[3], type.Value)
            {
                Region = names[4],
                Region6Key = names[5],
                Region6Vi = names[6],
                Region8Vi = names[7],
                Region8En = names[8],
                SuccessorCode = names[9],
                Iso3166_2 = Optional(t2016.Cell(row, "iso_3166_2")),
                Hasc = Optional(t2016.Cell(row, "hasc")),
                AltSpellings = List(t2016.Cell(row, "alt_spellings")),
            });
        }

        var newRows = new Dictionary<string, int>(StringComparer.Ordinal);
        var fresh = new List<(Province Unit, ImmutableArray<string> From, int Row)>();
        foreach (var row in t2025!.Rows)
        {
            var code = t2025.Code(row, "code_2025", problems, newRows);
            var type = t2025.UnitType(row, problems);
            var names = t2025.Required(row, problems, "name_vi", "name_ascii", "full_name_vi", "merged_from_codes");
            if (code is null || type is null || names is null)
            {
                continue;
            }

            var from = List(names[3]).Sort(StringComparer.Ordinal);
            fresh.Add((new Province(ProvinceGeography.Provinces2025, code, names[0], names[1], names[1], names[2], type.Value), from, row.Line));
        }

        var oldByCode = old.ToDictionary(p => p.Code, StringComparer.Ordinal);
        var newByCode = fresh.ToDictionary(f => f.Unit.Code, StringComparer.Ordinal);
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (unit, from, line) in fresh)
        {
            foreach (var c in from)
            {
                if (!oldByCode.TryGetValue(c, out var p))
                {
                    problems.Add(Problem(Source2025, line, unit.Code, $"Predecessor code '{c}' is not a 2016 unit."));
                }
                else if (!claimed.TryAdd(c, unit.Code))
                {
                    problems.Add(Problem(Source2025, line, unit.Code, $"2016 unit {p} is claimed by both {claimed[c]} and {unit.Code}."));
                }
                else if (p.SuccessorCode != unit.Code)
                {
                    problems.Add(Problem(Source2025, line, unit.Code, $"2016 unit {p} names successor '{p.SuccessorCode}' but is listed under {unit.Code}."));
                }
            }
        }

        foreach (var p in old)
        {
            if (!claimed.ContainsKey(p.Code))
            {
                problems.Add(Problem(Source2016, oldRows[p.Code], p.Code, newByCode.ContainsKey(p.SuccessorCode!)
                    ? $"2016 unit {p} is not among the predecessors of {p.SuccessorCode}."
                    : $"Successor code '{p.SuccessorCode}' of {p} is not a 2025 unit."));
            }
        }

        ValidationReport.Of(problems).ThrowIfInvalid("province tables");

        var units = new List<Province>();
        foreach (var (unit, from, _) in fresh)
        {
            var preds = from.Select(c => oldByCode[c]).ToList();
            var key = VietnameseText.Key(unit.NameVi);
            var namesake = Namesake(unit, preds);
            var alts = new List<string>();
            if (namesake is not null)
            {
                if (VietnameseText.Key(namesake.NameVi) != key)
                {
                    alts.AddRange([namesake.NameVi, namesake.NameAscii, namesake.NameEn, namesake.FullNameVi]);
                }

                alts.AddRange(namesake.AltSpellings);
            }

            var own = new HashSet<string>([unit.NameVi, unit.NameAscii, unit.FullNameVi], StringComparer.Ordinal);
            var keptName = namesake is not null && VietnameseText.Key(namesake.NameVi) == key;
            units.Add(new Province(ProvinceGeography.Provinces2025, unit.Code, unit.NameVi, unit.NameAscii, keptName ? namesake!.NameEn : unit.NameAscii, unit.FullNameVi, unit.UnitType)
            {
                Region = Agreed(preds, p => p.Region),
                Region6Key = Agreed(preds, p => p.Region6Key),
                Region6Vi = Agreed(preds, p => p.Region6Vi),
                Region8Vi = Agreed(preds, p => p.Region8Vi),
                Region8En = Agreed(preds, p => p.Region8En),
                Iso3166_2 = preds.Count == 1 ? preds[0].Iso3166_2 : null,
                Hasc = preds.Count == 1 ? preds[0].Hasc : null,
                AltSpellings = [.. alts.Where(a => !own.Contains(a)).Distinct(StringComparer.Ordinal)],
                PredecessorCodes = from,
            });
        }

        return new ProvinceCatalog(
            [.. old.OrderBy(p => p.Code, StringComparer.Ordinal)],
            [.. units.OrderBy(p => p.Code, StringComparer.Ordinal)]);
    }

    private static string? Agreed(List<Province> preds, Func<Province, string?> value)
    {
        var first = value(preds[0]);
        return preds.All(p => value(p) == first) ? first : null;
    }

    private static string? Optional(string value) => value.Length == 0 ? null : value;

    private static ImmutableArray<string> List(string value) =>
        [.. value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    private static ValidationProblem Problem(string source, int row, string code, string message) =>
        new(ProblemCode.UnknownValue, message) { Source = source, Row = row, UnitCode = code };

    private static readonly string[] Columns2016 =
    [
        "code", "name_vi", "name_ascii", "name_en", "region", "region6_key", "region6_vi", "region8_vi", "region8_en",
        "unit_type", "full_name_vi", "new_province_2025_code", "alt_spellings", "iso_3166_2", "hasc",
    ];

    private static readonly string[] Columns2025 = ["code_2025", "name_vi", "name_ascii", "full_name_vi", "unit_type", "merged_from_codes"];

    /// <summary>A parsed table: header positions and data rows with their 1-based line numbers.</summary>
    private sealed class Table
    {
        private readonly Dictionary<string, int> columns;
        private readonly string source;

        private Table(string source, Dictionary<string, int> columns, List<(string[] Cells, int Line)> rows)
        {
            this.source = source;
            this.columns = columns;
            Rows = rows;
        }

        public List<(string[] Cells, int Line)> Rows { get; }

        public static Table? Read(string text, string source, List<ValidationProblem> problems, string[] required)
        {
            var parsed = Tables.CsvTable.Parse(text, source);
            if (!parsed.Success)
            {
                problems.AddRange(parsed.Report.Problems);
                return null;
            }

            // Records with their physical line numbers: the header, then the data rows.
            var records = new List<string[]> { parsed.Value.Header.Fields.ToArray() };
            var lines = new List<int> { parsed.Value.Header.Line };
            foreach (var record in parsed.Value.Rows)
            {
                records.Add(record.Fields.ToArray());
                lines.Add(record.Line);
            }

            if (records.Count < 2)
            {
                problems.Add(new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("Catalog_NoRows")) { Source = source });
                return null;
            }

            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            var ok = true;
            for (var i = 0; i < records[0].Length; i++)
            {
                var name = records[0][i].Trim();
                if (!columns.TryAdd(name, i))
                {
                    problems.Add(new ValidationProblem(ProblemCode.DuplicateHeader, new ProblemText("Catalog_DuplicateColumn", name)) { Source = source, Row = 1, Column = i + 1 });
                    ok = false;
                }
            }

            foreach (var name in required)
            {
                if (!columns.ContainsKey(name))
                {
                    problems.Add(new ValidationProblem(ProblemCode.MissingColumn, new ProblemText("Catalog_MissingColumn", name)) { Source = source, Row = 1, Expected = name });
                    ok = false;
                }
            }

            var rows = new List<(string[] Cells, int Line)>();
            for (var r = 1; r < records.Count; r++)
            {
                if (records[r].Length != records[0].Length)
                {
                    problems.Add(new ValidationProblem(ProblemCode.RaggedRow, new ProblemText("Catalog_Ragged"))
                    {
                        Source = source,
                        Row = lines[r],
                        Expected = records[0].Length.ToString(CultureInfo.InvariantCulture),
                        Found = records[r].Length.ToString(CultureInfo.InvariantCulture),
                    });
                    ok = false;
                    continue;
                }

                rows.Add((records[r], lines[r]));
            }

            return ok ? new Table(source, columns, rows) : null;
        }

        public string Cell((string[] Cells, int Line) row, string column) => row.Cells[columns[column]].Trim();

        public string? Code((string[] Cells, int Line) row, string column, List<ValidationProblem> problems, Dictionary<string, int> seen)
        {
            var code = Cell(row, column);
            if (code.Length != 2 || !char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1]))
            {
                problems.Add(new ValidationProblem(ProblemCode.MalformedInput, new ProblemText("Catalog_TwoDigits"))
                {
                    Source = source, Row = row.Line, Column = columns[column] + 1, ExpectedText = new ProblemText("Catalog_ExpectedTwoDigits"), Found = code,
                });
                return null;
            }

            if (!seen.TryAdd(code, row.Line))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateUnit, new ProblemText("Catalog_DuplicateCode", code)) { Source = source, Row = row.Line, UnitCode = code });
                return null;
            }

            return code;
        }

        public ProvinceUnitType? UnitType((string[] Cells, int Line) row, List<ValidationProblem> problems)
        {
            var value = Cell(row, "unit_type");
            switch (value.ToUpperInvariant())
            {
                case "PROVINCE":
                    return ProvinceUnitType.Province;
                case "MUNICIPALITY":
                    return ProvinceUnitType.Municipality;
                default:
                    problems.Add(new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Catalog_UnknownType"))
                    {
                        Source = source, Row = row.Line, Column = columns["unit_type"] + 1, Expected = "province or municipality", Found = value,
                    });
                    return null;
            }
        }

        public string[]? Required((string[] Cells, int Line) row, List<ValidationProblem> problems, params string[] names)
        {
            var values = new string[names.Length];
            var ok = true;
            for (var i = 0; i < names.Length; i++)
            {
                values[i] = Cell(row, names[i]);
                if (values[i].Length == 0)
                {
                    problems.Add(new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("Catalog_EmptyCell", names[i])) { Source = source, Row = row.Line, Column = columns[names[i]] + 1 });
                    ok = false;
                }
            }

            return ok ? values : null;
        }
    }

    /// <summary>Exact code keys (upper-case, trimmed) and folded name keys, each to the units it names.</summary>
    private sealed class KeyIndex
    {
        private KeyIndex(FrozenDictionary<string, ImmutableArray<Province>> codes, FrozenDictionary<string, ImmutableArray<Province>> names)
        {
            Codes = codes;
            Names = names;
        }

        public FrozenDictionary<string, ImmutableArray<Province>> Codes { get; }

        public FrozenDictionary<string, ImmutableArray<Province>> Names { get; }

        public static KeyIndex Build(IEnumerable<(Province Unit, Province? Namesake)> entries)
        {
            var codes = new Dictionary<string, List<Province>>(StringComparer.Ordinal);
            var names = new Dictionary<string, List<Province>>(StringComparer.Ordinal);

            static void Add(Dictionary<string, List<Province>> map, string key, Province p)
            {
                if (key.Length == 0)
                {
                    return;
                }

                if (!map.TryGetValue(key, out var list))
                {
                    map[key] = list = [];
                }

                if (!list.Contains(p))
                {
                    list.Add(p);
                }
            }

            foreach (var (p, namesake) in entries)
            {
                Add(codes, p.Code, p);
                foreach (var code in new[] { p.Iso3166_2, p.Hasc })
                {
                    if (code is not null)
                    {
                        Add(codes, code.ToUpperInvariant(), p);
                    }
                }

                foreach (var name in new[] { p.NameVi, p.NameAscii, p.NameEn, p.FullNameVi }.Concat(p.AltSpellings))
                {
                    var key = VietnameseText.Key(name);
                    if (!key.All(char.IsAsciiDigit))
                    {
                        Add(names, key, p);
                    }
                }

                foreach (var iso in new[] { p.Iso3166_2, namesake?.Iso3166_2 })
                {
                    var letters = LetterSuffix(iso);
                    if (letters is not null)
                    {
                        Add(names, letters, p);
                    }
                }
            }

            return new KeyIndex(Freeze(codes), Freeze(names));
        }

        public ImmutableArray<Province> Lookup(string text)
        {
            var trimmed = text.Trim();
            if (Codes.TryGetValue(trimmed.ToUpperInvariant(), out var byCode))
            {
                return byCode;
            }

            var key = VietnameseText.Key(trimmed);
            return key.Length > 0 && Names.TryGetValue(key, out var byName) ? byName : [];
        }

        private static string? LetterSuffix(string? iso)
        {
            if (iso is null)
            {
                return null;
            }

            var dash = iso.IndexOf('-', StringComparison.Ordinal);
            var suffix = dash < 0 ? string.Empty : iso[(dash + 1)..];
            return suffix.Length > 0 && suffix.All(char.IsAsciiLetter) ? suffix.ToLowerInvariant() : null;
        }

        private static FrozenDictionary<string, ImmutableArray<Province>> Freeze(Dictionary<string, List<Province>> map) =>
            map.ToFrozenDictionary(
                kv => kv.Key,
                kv => kv.Value.OrderBy(p => p.Code, StringComparer.Ordinal).ToImmutableArray(),
                StringComparer.Ordinal);
    }
}
