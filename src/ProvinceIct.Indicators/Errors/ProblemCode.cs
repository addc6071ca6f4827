namespace ProvinceIct.Indicators.Errors;

/// <summary>Stable codes for every kind of problem the library reports. Callers can switch on them without parsing messages.</summary>
public enum ProblemCode
{
    /// <summary>A value lies outside the range its indicator kind allows (for example a percent above 100).</summary>
    ValueOutOfRange,
    /// <summary>A value is positive or negative infinity (missing values are NaN, which is allowed).</summary>
    NonFiniteValue,
    /// <summary>A unit code appears more than once.</summary>
    DuplicateUnit,
    /// <summary>An indicator code appears more than once in a dataset.</summary>
    DuplicateIndicator,
    /// <summary>A node code appears more than once in a framework.</summary>
    DuplicateNode,
    /// <summary>An indicator of the framework has no column in the dataset.</summary>
    MissingIndicator,
    /// <summary>Following parents from a node leads back to the node.</summary>
    FrameworkCycle,
    /// <summary>A node names a parent that does not exist, or is not connected to the index.</summary>
    OrphanNode,
    /// <summary>A framework has no root (index) node.</summary>
    NoRoot,
    /// <summary>A framework has more than one root node.</summary>
    MultipleRoots,
    /// <summary>A weight is negative.</summary>
    NegativeWeight,
    /// <summary>A weight is NaN or infinite.</summary>
    NonFiniteWeight,
    /// <summary>The weights of the children of a node sum to zero.</summary>
    ZeroWeightSum,
    /// <summary>An indicator node has children (indicators must be leaves).</summary>
    IndicatorWithChildren,
    /// <summary>An aggregate node has no children.</summary>
    AggregateWithoutChildren,
    /// <summary>A method parameter is invalid for the data it meets (for example a reference value of zero).</summary>
    InvalidParameter,
    /// <summary>A column has no spread (max = min or sd = 0) where the normaliser needs one.</summary>
    ConstantColumn,
    /// <summary>A geometric or harmonic mean (or a power mean that needs it) meets a value at or below zero.</summary>
    NonPositiveValue,
    /// <summary>A cell could not be read as a number.</summary>
    NotANumber,
    /// <summary>A row has a different number of cells than the header.</summary>
    RaggedRow,
    /// <summary>A column header appears more than once.</summary>
    DuplicateHeader,
    /// <summary>A required column is absent.</summary>
    MissingColumn,
    /// <summary>A text value is not one of the allowed values.</summary>
    UnknownValue,
    /// <summary>A file or text is empty or has no data rows.</summary>
    EmptyInput,
    /// <summary>A file or text is not well formed (for example an unterminated quoted field).</summary>
    MalformedInput,
    /// <summary>A required cell is empty or marked missing (for example a unit code or an indicator's weight).</summary>
    MissingValue,
    /// <summary>A node's declared level does not fit the tree (COINr: a child is exactly one level below its parent, indicators are level 1).</summary>
    LevelMismatch,
    /// <summary>The input uses a layout or feature that is not supported (for example several time points in one wide table).</summary>
    UnsupportedInput,
    /// <summary>Two observations of a long table give a value for the same unit, indicator and year, where one value is needed.</summary>
    DuplicateObservation,
    /// <summary>
    /// Two unit codes (or two indicator codes) differ only in letter case, such as <c>HN</c> and <c>hn</c>: almost always
    /// one unit typed twice. Readers report it as a warning and keep the units distinct (codes are case-sensitive), or
    /// refuse the input under <c>CaseOnlyCodePolicy.Refuse</c>. Codes are compared after Unicode NFC
    /// normalisation, so the same code in NFC and NFD is a plain duplicate.
    /// </summary>
    CodesDifferOnlyInCase,
    /// <summary>An iterative method stopped without reaching its target (for example optimised weights whose targets are infeasible); the message gives the reason.</summary>
    NotConverged,
}
