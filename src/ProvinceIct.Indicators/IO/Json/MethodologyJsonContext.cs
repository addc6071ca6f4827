using System.Text.Json.Serialization;

namespace ProvinceIct.Indicators.IO.Json;

/// <summary>Source-generated serialisation metadata for the methodology JSON (no reflection: the library is AOT-compatible).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    NewLine = "\n",
    IndentSize = 2)]
[JsonSerializable(typeof(MethodologyDto))]
internal sealed partial class MethodologyJsonContext : JsonSerializerContext;
