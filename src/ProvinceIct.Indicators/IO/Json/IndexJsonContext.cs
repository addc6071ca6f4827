using System.Text.Json.Serialization;

namespace ProvinceIct.Indicators.IO.Json;

/// <summary>
/// Source-generated serialisation metadata for the dataset and result JSON (no reflection: the library is
/// AOT-compatible). Same layout as <see cref="MethodologyJsonContext"/>, but numbers are strict: a missing value is
/// <c>null</c>, never the text <c>"NaN"</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    NewLine = "\n",
    IndentSize = 2)]
[JsonSerializable(typeof(DatasetDto))]
[JsonSerializable(typeof(ResultDto))]
internal sealed partial class IndexJsonContext : JsonSerializerContext;
