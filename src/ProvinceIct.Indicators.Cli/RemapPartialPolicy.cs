namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// What <c>ictindex remap</c> does when a 2025 unit is not fully covered by the input (some of its 2016 units have no
/// row, or a value is missing or comes from only some of them) or an input unit is carried to no 2025 unit.
/// </summary>
internal enum RemapPartialPolicy
{
    /// <summary>The default (<c>--on-partial warn</c>): write the output and list every such unit on stderr; exit 0.</summary>
    Warn,

    /// <summary><c>--on-partial error</c> or <c>--strict</c>: list every such unit on stderr, write nothing, exit 3.</summary>
    Error,
}
