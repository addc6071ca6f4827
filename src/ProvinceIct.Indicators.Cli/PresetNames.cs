using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// The preset names that <c>--preset</c> accepts, for its help text: generated from the preset registry
/// (<see cref="PresetCatalog.Names"/> and <see cref="PresetCatalog.Aliases"/>) and, where the command builds it from
/// <c>--component-weights</c>, <see cref="VnIctIndex2006.PresetName"/>, so that a preset added to the registry shows in
/// <c>--help</c> without a change here.
/// </summary>
internal static class PresetNames
{
    /// <summary>
    /// Every name accepted: the presets of the registry, their aliases and, when <paramref name="withComponentWeights"/>
    /// is true, <see cref="VnIctIndex2006.PresetName"/>; ordinal order.
    /// </summary>
    public static IReadOnlyList<string> All(bool withComponentWeights) =>
        [.. PresetCatalog.Names.Concat(PresetCatalog.Aliases.Keys).Concat(withComponentWeights ? [VnIctIndex2006.PresetName] : []).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The list shown in the help of <c>--preset</c>, in the command line's language: every preset of the registry in
    /// ordinal order, each followed by its aliases, and <see cref="VnIctIndex2006.PresetName"/> (marked as needing
    /// <c>--component-weights</c>) when <paramref name="withComponentWeights"/> is true.
    /// </summary>
    public static string HelpList(bool withComponentWeights)
    {
        var names = PresetCatalog.Names.Concat(withComponentWeights ? [VnIctIndex2006.PresetName] : []).Order(StringComparer.Ordinal);
        return string.Join(", ", names.Select(name =>
        {
            if (name == VnIctIndex2006.PresetName)
            {
                return CliStrings.Format("Help_PresetWithComponentWeights", name);
            }

            var aliases = PresetCatalog.Aliases.Where(a => string.Equals(a.Value, name, StringComparison.OrdinalIgnoreCase)).Select(a => a.Key).ToList();
            return aliases.Count == 0 ? name : CliStrings.Format("Help_PresetAliases", name, string.Join(", ", aliases));
        }));
    }
}
