using System.Globalization;

namespace ProvinceIct.Indicators.Definitions;

/// <summary>Fixed lower and upper bounds of an indicator, used by the goalposts normaliser. Always <c>Lower &lt; Upper</c>.</summary>
public readonly record struct Goalposts
{
    /// <summary>Creates goalposts.</summary>
    /// <param name="lower">The lower goalpost; finite.</param>
    /// <param name="upper">The upper goalpost; finite and strictly above <paramref name="lower"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When the bounds are not finite or not increasing.</exception>
    public Goalposts(double lower, double upper)
    {
        Internal.Preconditions.Range(lower, upper);
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The lower goalpost.</summary>
    public double Lower { get; }

    /// <summary>The upper goalpost.</summary>
    public double Upper { get; }

    /// <summary>Formats as <c>[L, U]</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => "[" + Lower.ToString("R", CultureInfo.InvariantCulture) + ", " + Upper.ToString("R", CultureInfo.InvariantCulture) + "]";
}
