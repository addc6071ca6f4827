namespace ProvinceIct.Indicators.Model;

/// <summary>
/// What a reader does with codes that differ only in letter case (<c>HN</c> and <c>hn</c>, as unit codes or as indicator
/// codes). Codes are case-sensitive identifiers, so such codes name different units (indicators); but they are most
/// often one unit typed twice, so they are always reported.
/// </summary>
public enum CaseOnlyCodePolicy
{
    /// <summary>
    /// The default: the units (indicators) are kept distinct and a <see cref="Errors.ProblemCode.CodesDifferOnlyInCase"/>
    /// warning names both codes and where they are (lines or rows, columns), in <c>ReadResult.Warnings</c> (the CLI prints
    /// it on standard error).
    /// </summary>
    Warn = 0,

    /// <summary>The same finding is a problem: the input is refused, as a likely mistake.</summary>
    Refuse = 1,
}
