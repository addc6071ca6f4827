using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.IO.Json;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// Saves and loads a <see cref="Dataset"/> as JSON, exactly: serialise, deserialise and serialise again gives the same
/// text, and every value comes back bit for bit (the shortest round-trip form of each double is written).
/// <para>The format: <c>{"formatVersion": 1, "units": [...], "columns": [...]}</c>, indented with two spaces, LF line
/// ends, camelCase names, non-ASCII text (Vietnamese diacritics) written as is. A unit is
/// <c>{"code": "70", "name": "Bình Phước", "nameEn": "Binh Phuoc", "groups": {"region": "Southeast"}}</c>; the English
/// name and the groups are omitted when absent (groups sorted by name, ordinal). A column is
/// <c>{"code": "lit", "values": [98.7, null, ...]}</c> with one value per unit, in unit order.</para>
/// <para>Missing policy: a missing value (NaN) is written as JSON <c>null</c> and <c>null</c> is read as NaN; any NaN
/// comes back as the default NaN. Infinities are never stored in a dataset; the text <c>"NaN"</c> or
/// <c>"Infinity"</c> is not a number here. An empty dataset (no units, no columns) round-trips.</para>
/// <para>Reading never throws a raw <see cref="JsonException"/>: malformed JSON, a value of the wrong JSON type, a
/// missing or unknown property, a column whose length differs from the number of units, a blank unit code and every
/// problem <see cref="Dataset.TryCreate"/> reports (duplicate unit or indicator codes, with the dataset's own messages)
/// become problems with the JSON path (<c>$.columns[2].values</c>) and, for syntax and type errors, the line and
/// column. Comments are allowed on reading.</para>
/// </summary>
public static class DatasetJson
{
    private const string Input = "<json>";
    private const int FormatVersion = 1;

    internal static readonly IndexJsonContext Context = new(new JsonSerializerOptions(IndexJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        AllowDuplicateProperties = false,
    });

    /// <summary>Serialises a dataset to indented JSON text (see the type's summary for the format).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The JSON text, without a trailing line break.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="dataset"/> is null.</exception>
    public static string Serialize(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var dto = new DatasetDto
        {
            FormatVersion = FormatVersion,
            Units = dataset.Units.Select(ToDto).ToList(),
            Columns = dataset.IndicatorCodes.Select((c, j) => new ColumnDto { Code = c, Values = Nullable(dataset.Column(j)) }).ToList(),
        };
        return JsonSerializer.Serialize(dto, Context.DatasetDto);
    }

    /// <summary>Deserialises a dataset, throwing on any problem.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="json"/> is null.</exception>
    /// <exception cref="ValidationException">With every problem found (JSON path, and line and column for syntax and type errors).</exception>
    public static Dataset Deserialize(string json) => Read(json).GetValueOrThrow();

    /// <summary>Reads a dataset from JSON text, reporting every problem instead of throwing.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The source name in problems (default <c>&lt;json&gt;</c>).</param>
    /// <returns>The dataset or the problems.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="json"/> is null.</exception>
    public static ReadResult<Dataset> Read(string json, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var source = sourceName ?? Input;
        if (!TryParse(json, source, Context.DatasetDto, "a dataset", out var dto, out var failure))
        {
            return ReadResult<Dataset>.ForFailure(failure, source);
        }

        var problems = new List<ValidationProblem>();
        CheckVersion(dto.FormatVersion, FormatVersion, "$.formatVersion", source, problems);
        var units = ToUnits(dto.Units, "$.units", source, problems);
        var codes = new List<string>(dto.Columns.Count);
        var values = new double[units.Count * dto.Columns.Count];
        for (var j = 0; j < dto.Columns.Count; j++)
        {
            var path = "$.columns[" + Num(j) + "]";
            var column = dto.Columns[j];
            if (column is null)
            {
                problems.Add(new ValidationProblem(ProblemCode.MalformedInput, new ProblemText("DsJson_NullColumn")) { Source = source, Path = path, ExpectedText = new ProblemText("DsJson_ExpectedColumn"), Found = "null" });
                codes.Add(string.Empty);
                continue;
            }

            codes.Add(column.Code);
            if (column.Values.Count != dto.Units.Count)
            {
                problems.Add(new ValidationProblem(ProblemCode.RaggedRow, new ProblemText("DsJson_Ragged", column.Code, Num(column.Values.Count), Num(dto.Units.Count)))
                { Source = source, Path = path + ".values", IndicatorCode = column.Code, ExpectedText = new ProblemText("Count_Values", Num(dto.Units.Count)), FoundText = new ProblemText("Count_Values", Num(column.Values.Count)) });
                continue;
            }

            if (units.Count == dto.Units.Count)
            {
                FromNullable(column.Values, values.AsSpan(j * units.Count, units.Count));
            }
        }

        if (problems.Count > 0)
        {
            return ReadResult<Dataset>.ForFailure(ValidationReport.Of(problems), source);
        }

        var report = Dataset.Check(units, codes, values, null, out var dataset);
        foreach (var p in report.Problems)
        {
            var path = p.Code switch
            {
                ProblemCode.DuplicateUnit => "$.units[" + Num(p.Row!.Value - 1) + "].code",
                ProblemCode.NonFiniteValue => "$.columns[" + Num(p.Column!.Value - 1) + "].values[" + Num(p.Row!.Value - 1) + "]",
                _ when p.Column is { } c => "$.columns[" + Num(c - 1) + "].code",
                _ => "$",
            };
            problems.Add(p with { Source = source, Path = path, Row = null, Column = null });
        }

        return dataset is null || problems.Count > 0
            ? ReadResult<Dataset>.ForFailure(ValidationReport.Of(problems), source)
            : ReadResult<Dataset>.ForValue(dataset, source);
    }

    /// <summary>Loads a dataset from a JSON file (UTF-8), throwing on any problem.</summary>
    /// <param name="path">The path; also the source name in problems.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ValidationException">With every problem found.</exception>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static Dataset Load(string path)
    {
        Internal.Preconditions.NotBlank(path);
        return Read(ReadFileText(path), path).GetValueOrThrow();
    }

    /// <summary>Saves a dataset as a JSON file (UTF-8 without byte order mark, ending with a line break).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="path">The path; an existing file is replaced only once the new content is complete and flushed to disk (written to a temporary file in the same folder, then renamed over it), so a failure leaves it exactly as it was and no temporary file behind.</param>
    /// <exception cref="IOException">When the file cannot be written (folder missing, disk full, target is a folder); the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public static void Save(Dataset dataset, string path)
    {
        Internal.Preconditions.NotBlank(path);
        Internal.AtomicFile.WriteAllText(path, Serialize(dataset) + "\n");
    }

    // ---- shared with ResultJson ----

    /// <summary>
    /// The text of a JSON file: UTF-8, or UTF-16 by its byte order mark. A byte that cannot be decoded is a problem
    /// naming its line and column (never a replacement character).
    /// </summary>
    internal static string ReadFileText(string path)
    {
        using var reader = StrictTextReader.Open(path, null);
        try
        {
            return reader.ReadToEnd();
        }
        catch (TextDecodingException ex)
        {
            throw new ValidationException(path, ValidationReport.Of([new ValidationProblem(ProblemCode.MalformedInput,
                new ProblemText("DsJson_UndecodableByte", Num(ex.Line), Num(ex.Column), ex.Hex, ex.EncodingName))
            { Source = path, Row = ex.Line, Column = ex.Column, ExpectedText = new ProblemText("Csv_ExpectedTextIn", ex.EncodingName), FoundText = new ProblemText("Csv_FoundByte", ex.Hex) }]));
        }
    }

    internal static UnitDto ToDto(Unit u) => new()
    {
        Code = u.Code,
        Name = u.Name,
        NameEn = u.NameEn,
        Groups = u.Groups.IsEmpty ? null : u.Groups.ToDictionary(StringComparer.Ordinal),
    };

    internal static List<double?> Nullable(ReadOnlySpan<double> values)
    {
        var list = new List<double?>(values.Length);
        foreach (var x in values)
        {
            list.Add(double.IsNaN(x) ? null : x);
        }

        return list;
    }

    internal static void FromNullable(List<double?> values, Span<double> target)
    {
        for (var i = 0; i < values.Count; i++)
        {
            target[i] = values[i] ?? double.NaN;
        }
    }

    /// <summary>The units of a JSON list; a blank code or a null unit is a problem and the unit is left out.</summary>
    internal static List<Unit> ToUnits(List<UnitDto> dtos, string path, string source, List<ValidationProblem> problems)
    {
        var units = new List<Unit>(dtos.Count);
        for (var i = 0; i < dtos.Count; i++)
        {
            var d = dtos[i];
            var at = path + "[" + Num(i) + "]";
            if (d is null)
            {
                problems.Add(new ValidationProblem(ProblemCode.MalformedInput, new ProblemText("DsJson_NullUnit")) { Source = source, Path = at, ExpectedText = new ProblemText("DsJson_ExpectedUnit"), Found = "null" });
            }
            else if (string.IsNullOrWhiteSpace(d.Code))
            {
                problems.Add(new ValidationProblem(ProblemCode.MissingValue, new ProblemText("DsJson_EmptyUnitCode")) { Source = source, Path = at + ".code", ExpectedText = new ProblemText("DsJson_ExpectedUnitCode"), Found = "\"" + d.Code + "\"" });
            }
            else
            {
                units.Add(Unit.Create(d.Code, d.Name, d.NameEn, d.Groups));
            }
        }

        return units;
    }

    internal static void CheckVersion(int? found, int expected, string path, string source, List<ValidationProblem> problems)
    {
        if (found is { } version && version != expected)
        {
            problems.Add(new ValidationProblem(ProblemCode.UnsupportedInput, new ProblemText("Json_FormatVersion"))
            { Source = source, Path = path, Expected = Num(expected), Found = Num(version) });
        }
    }

    /// <summary>Deserialises a DTO, turning a <see cref="JsonException"/> or a null document into a report.</summary>
    /// <summary>What a JSON text should hold (<c>a dataset</c>, <c>an index result</c>) in any language.</summary>
    private static ProblemText WhatText(string what) => what switch
    {
        "a dataset" => new ProblemText("DsJson_ADataset"),
        "an index result" => new ProblemText("DsJson_AnIndexResult"),
        _ => ProblemText.Verbatim(what),
    };

    internal static bool TryParse<T>(string json, string source, JsonTypeInfo<T> type, string what, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? dto, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ValidationReport? failure)
        where T : class
    {
        failure = null;
        if (LoneSurrogate(json, source) is { } bad)
        {
            dto = null;
            failure = ValidationReport.Of([bad]);
            return false;
        }

        try
        {
            dto = JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException ex)
        {
            dto = null;
            failure = ValidationReport.Of([new ValidationProblem(ProblemCode.MalformedInput, new ProblemText("DsJson_NotValidAs", WhatText(what), JsonFailure.Describe(ex)))
            {
                Source = source,
                Row = ex.LineNumber is { } l ? (int)l + 1 : null,
                Column = ex.BytePositionInLine is { } b ? (int)b + 1 : null,
                Path = ex.Path,
            }]);
            return false;
        }

        if (dto is null)
        {
            failure = ValidationReport.Of([new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("DsJson_NullNot", WhatText(what))) { Source = source, Path = "$" }]);
            return false;
        }

        return true;
    }

    internal static string Num(int x) => x.ToString(CultureInfo.InvariantCulture);

    /// <summary>A problem at the first lone surrogate of the text (which no JSON reader can transcode), or null.</summary>
    internal static ValidationProblem? LoneSurrogate(string text, string source)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                column++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return new ValidationProblem(ProblemCode.MalformedInput, new ProblemText("DsJson_LoneSurrogate", Num(line), Num(column), ((int)c).ToString("X4", CultureInfo.InvariantCulture)))
                { Source = source, Row = line, Column = column, Path = "$", ExpectedText = new ProblemText("DsJson_ExpectedUnicode"), Found = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) };
            }

            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return null;
    }
}
