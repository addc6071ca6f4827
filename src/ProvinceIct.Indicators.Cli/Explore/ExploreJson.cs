using System.Text.Json.Serialization;

namespace ProvinceIct.Indicators.Cli.Explore;

/// <summary>The page's model: the framework, the method choices, the units, the strings.</summary>
internal sealed record ModelDto(
    string Code,
    string Name,
    string Language,
    IReadOnlyList<NodeDto> Nodes,
    IReadOnlyList<UnitDto> Units,
    IReadOnlyList<string> Normalisers,
    IReadOnlyList<string> Aggregators,
    IReadOnlyList<string> Ties,
    string NominalTies,
    bool HasMap,
    IReadOnlyDictionary<string, string> Strings);

/// <summary>One node of the framework.</summary>
internal sealed record NodeDto(string Code, string Name, string? Parent, int Level, double Weight, bool IsIndicator, string? Normaliser, string? Aggregator);

/// <summary>One unit.</summary>
internal sealed record UnitDto(string Code, string Name);

/// <summary>One ranking row: rank, nominal rank, change (null for a missing score).</summary>
internal sealed record RowDto(string Code, string Name, double? Score, double? Rank, double? NominalRank, double? Change);

/// <summary>The answer to a recalculation.</summary>
internal sealed record ComputeDto(IReadOnlyList<RowDto> Rows, int UnitCount, string RankingHtml, string? MapSvg, double ServerMilliseconds);

/// <summary>An HTML or SVG fragment.</summary>
internal sealed record FragmentDto(string Html);

/// <summary>A refusal or failure: the CLI's first line and every located problem.</summary>
internal sealed record ErrorDto(string Error, IReadOnlyList<string> Problems);

/// <summary>An uncertainty job's state.</summary>
internal sealed record JobDto(string Id, string State, long Done, long Total, string? Html, string? Error);

/// <summary>The source-generated JSON of the explore server (trimming- and AOT-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(Scenario))]
[JsonSerializable(typeof(ModelDto))]
[JsonSerializable(typeof(ComputeDto))]
[JsonSerializable(typeof(FragmentDto))]
[JsonSerializable(typeof(ErrorDto))]
[JsonSerializable(typeof(JobDto))]
internal sealed partial class ExploreJsonContext : JsonSerializerContext;
