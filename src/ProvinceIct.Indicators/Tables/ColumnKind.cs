namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// What a <see cref="TableColumn"/> holds. The kind decides the cell type (text or number), the alignment (text left,
/// numbers right) and the default <see cref="NumberFormat"/>.
/// </summary>
public enum ColumnKind
{
    /// <summary>Text, left-aligned.</summary>
    Text = 0,

    /// <summary>Text that names its row (a unit's or node's name): left-aligned; HTML writes it as a row header (<c>th scope="row"</c>).</summary>
    Label = 1,

    /// <summary>A real number, right-aligned; default format 4 significant digits.</summary>
    Number = 2,

    /// <summary>A whole number (a count), right-aligned; values must be whole or missing.</summary>
    Integer = 3,

    /// <summary>A rank (1 is best; fractional when tied by averaging), right-aligned; default format up to 2 decimals.</summary>
    Rank = 4,

    /// <summary>A share stored as a fraction (0.25) and shown as a percentage (<c>25%</c>), right-aligned; CSV keeps the fraction.</summary>
    Percent = 5,
}
