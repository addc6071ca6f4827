namespace ProvinceIct.Indicators.IO.Json;

// JSON shapes of an index result (camelCase properties, declaration order = written order). Mapped to and from
// IndexResult by ResultJson; the methodology is the same DTO MethodologyJson writes.

/// <summary>An index result as JSON: the methodology, the units, every node's scores and ranks, and the log.</summary>
internal sealed class ResultDto
{
    public int? FormatVersion { get; init; }

    public required MethodologyDto Methodology { get; init; }

    public required List<UnitDto> Units { get; init; }

    public required List<ResultNodeDto> Nodes { get; init; }

    public required List<LogEntryDto> Log { get; init; }
}

/// <summary>One node of a result: its code, level, and one score and rank per unit (null = missing).</summary>
internal sealed class ResultNodeDto
{
    public required string Code { get; init; }

    public required int Level { get; init; }

    public required List<double?> Scores { get; init; }

    public required List<double?> Ranks { get; init; }
}

/// <summary>One entry of the calculation log as JSON.</summary>
internal sealed class LogEntryDto
{
    public required string Node { get; init; }

    public required int Level { get; init; }

    public required int ChildCount { get; init; }

    public required string Method { get; init; }

    public required List<string> MissingUnits { get; init; }

    public required List<PartialUnitDto> PartialUnits { get; init; }
}

/// <summary>A unit with missing children at an aggregate, as JSON.</summary>
internal sealed class PartialUnitDto
{
    public required string Unit { get; init; }

    public required int Present { get; init; }

    public required int Total { get; init; }

    public required bool Scored { get; init; }
}
