namespace ProvinceIct.Indicators.IO;

/// <summary>What a column of a long table (<see cref="LongCsv"/>) holds. The default header of each is given; other headers are mapped with <see cref="LongCsvOptions.ColumnNames"/>.</summary>
public enum LongColumn
{
    /// <summary>The unit code (required): headers <c>unit</c> or <c>unit_code</c>.</summary>
    Unit,
    /// <summary>The indicator code (required): headers <c>indicator</c> or <c>indicator_code</c>.</summary>
    Indicator,
    /// <summary>The value (required): header <c>value</c>.</summary>
    Value,
    /// <summary>The year (optional, a whole number): header <c>year</c>.</summary>
    Year,
    /// <summary>Where the value was published (optional): header <c>source</c>.</summary>
    Source,
    /// <summary>The unit's display name (optional): header <c>unit_name</c>.</summary>
    UnitName,
    /// <summary>The unit of measure as written in the source (optional): header <c>measure_unit</c>.</summary>
    MeasureUnit,
    /// <summary>A qualifying note such as "approximately" (optional): header <c>qualifier</c>.</summary>
    Qualifier,
    /// <summary>The quoted sentence of the source (optional): header <c>quote</c>.</summary>
    Quote,
}
