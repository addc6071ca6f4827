namespace ProvinceIct.Indicators.Calculation;

/// <summary>One parent-child link of a compiled framework, carrying the child's weight within the parent.</summary>
/// <param name="ParentCode">The parent aggregate's code.</param>
/// <param name="ChildCode">The child's code.</param>
public readonly record struct WeightEdge(string ParentCode, string ChildCode)
{
    /// <summary>Formats as <c>parent/child</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ParentCode + "/" + ChildCode;
}
