using System.Diagnostics.CodeAnalysis;

namespace ProvinceIct.Indicators.Internal;

/// <summary>
/// Names the notebook formatter source of a type, without a package reference: .NET Interactive (Polyglot Notebooks)
/// looks for a class-level attribute whose type is named <c>TypeFormatterSourceAttribute</c>, in any namespace, reads
/// its <see cref="FormatterSourceType"/> (and <see cref="PreferredMimeTypes"/>), creates the source with its public
/// parameterless constructor and calls its <c>CreateTypeFormatters()</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute([DynamicallyAccessedMembers(Kept)] Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    /// <summary>The members the notebook reaches by reflection, kept when an app is trimmed.</summary>
    private const DynamicallyAccessedMemberTypes Kept = DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicMethods;

    /// <summary>The type whose <c>CreateTypeFormatters()</c> gives the formatters.</summary>
    [DynamicallyAccessedMembers(Kept)]
    public Type FormatterSourceType { get; }

    /// <summary>The MIME types the notebook should prefer, best first (for example <c>text/html</c>).</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
