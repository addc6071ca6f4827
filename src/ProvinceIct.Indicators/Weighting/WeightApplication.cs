using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>Writes a set of children's weights into a framework, checking that the children match.</summary>
internal static class WeightApplication
{
    public static Framework Apply(Framework framework, string nodeCode, IReadOnlyList<string> childCodes, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var actual = framework.Children(nodeCode).Select(c => c.Code).Order(StringComparer.Ordinal);
        if (!actual.SequenceEqual(childCodes.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            throw new ArgumentException($"The children of node '{nodeCode}' in this framework are not the children these weights were computed for.", nameof(framework));
        }

        return Weights.Apply(framework, childCodes.Select((c, i) => KeyValuePair.Create(c, weights[i])));
    }
}
