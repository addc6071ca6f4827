namespace ProvinceIct.Indicators.IO.Json;

// JSON shapes of a dataset and its units (camelCase properties, declaration order = written order). Mapped to and
// from the domain types by DatasetJson through their factories, so every invariant is checked on the way in.

/// <summary>A dataset as JSON: the units (rows) and the columns, each with its indicator code and one value per unit.</summary>
internal sealed class DatasetDto
{
    public int? FormatVersion { get; init; }

    public required List<UnitDto> Units { get; init; }

    public required List<ColumnDto> Columns { get; init; }
}

/// <summary>A unit as JSON; the name is always written, the English name and the groups only when present.</summary>
internal sealed class UnitDto
{
    public required string Code { get; init; }

    public string? Name { get; init; }

    public string? NameEn { get; init; }

    public Dictionary<string, string>? Groups { get; init; }
}

/// <summary>One indicator column as JSON: the code and one value per unit, in unit order (null = missing).</summary>
internal sealed class ColumnDto
{
    public required string Code { get; init; }

    public required List<double?> Values { get; init; }
}
