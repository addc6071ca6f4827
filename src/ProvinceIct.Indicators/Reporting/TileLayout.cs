using System.Collections.Frozen;
using ProvinceIct.Indicators.Geography;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// Tile-grid layouts of Vietnam: one square per provincial unit at a (column, row) placed roughly where the unit
/// lies, north at the top, west at the left; the Red River Delta around Hà Nội, the long coast down column 3 to 5,
/// the Central Highlands west of the south-central coast, TP Hồ Chí Minh in the South East, the Mekong delta at the
/// bottom left. Keyed by GSO code of the geography; no two units share a cell.
/// </summary>
internal static class TileLayout
{
    /// <summary>The 63 provinces (2004 to 30 June 2025): 7 columns by 23 rows.</summary>
    public static readonly FrozenDictionary<string, (int Column, int Row)> Provinces2016 = new Dictionary<string, (int, int)>
    {
        // Northern mountains and Red River Delta
        ["12"] = (1, 0), ["10"] = (2, 0), ["02"] = (3, 0), ["04"] = (4, 0),
        ["11"] = (0, 1), ["14"] = (1, 1), ["15"] = (2, 1), ["08"] = (3, 1), ["06"] = (4, 1), ["20"] = (5, 1),
        ["25"] = (2, 2), ["26"] = (3, 2), ["19"] = (4, 2), ["24"] = (5, 2), ["22"] = (6, 2),
        ["17"] = (2, 3), ["01"] = (3, 3), ["27"] = (4, 3), ["30"] = (5, 3), ["31"] = (6, 3),
        ["35"] = (3, 4), ["33"] = (4, 4), ["34"] = (5, 4),
        ["37"] = (3, 5), ["36"] = (4, 5),

        // North Central and Central Coast
        ["38"] = (3, 6),
        ["40"] = (2, 7),
        ["42"] = (3, 8),
        ["44"] = (3, 9),
        ["45"] = (4, 10),
        ["46"] = (4, 11),
        ["49"] = (4, 12), ["48"] = (5, 12),
        ["62"] = (4, 13), ["51"] = (5, 13),

        // Central Highlands and South Central Coast
        ["64"] = (4, 14), ["52"] = (5, 14),
        ["66"] = (4, 15), ["54"] = (5, 15),
        ["67"] = (3, 16), ["68"] = (4, 16), ["56"] = (5, 16),
        ["70"] = (3, 17), ["60"] = (4, 17), ["58"] = (5, 17),

        // South East
        ["72"] = (2, 18), ["74"] = (3, 18), ["75"] = (4, 18),

        // Mekong River Delta (with Long An), TP Hồ Chí Minh and Bà Rịa - Vũng Tàu on the same row
        ["89"] = (0, 19), ["87"] = (1, 19), ["80"] = (2, 19), ["79"] = (3, 19), ["77"] = (4, 19),
        ["91"] = (0, 20), ["92"] = (1, 20), ["86"] = (2, 20), ["82"] = (3, 20), ["83"] = (4, 20),
        ["93"] = (1, 21), ["94"] = (2, 21), ["84"] = (3, 21),
        ["96"] = (0, 22), ["95"] = (1, 22),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The 34 units from 1 July 2025: 6 columns by 17 rows.</summary>
    public static readonly FrozenDictionary<string, (int Column, int Row)> Provinces2025 = new Dictionary<string, (int, int)>
    {
        ["12"] = (1, 0), ["15"] = (2, 0), ["08"] = (3, 0), ["04"] = (4, 0),
        ["11"] = (0, 1), ["14"] = (1, 1), ["25"] = (2, 1), ["19"] = (3, 1), ["20"] = (4, 1),
        ["01"] = (3, 2), ["24"] = (4, 2), ["22"] = (5, 2),
        ["37"] = (3, 3), ["33"] = (4, 3), ["31"] = (5, 3),
        ["38"] = (3, 4),
        ["40"] = (2, 5),
        ["42"] = (3, 6),
        ["44"] = (3, 7),
        ["46"] = (4, 8),
        ["48"] = (4, 9),
        ["51"] = (4, 10),
        ["52"] = (4, 11),
        ["66"] = (4, 12),
        ["75"] = (2, 13), ["68"] = (3, 13), ["56"] = (4, 13),
        ["80"] = (1, 14), ["79"] = (2, 14),
        ["91"] = (0, 15), ["82"] = (1, 15), ["86"] = (2, 15),
        ["96"] = (0, 16), ["92"] = (1, 16),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FrozenDictionary<string, (int Column, int Row)> For(ProvinceGeography geography) =>
        geography == ProvinceGeography.Provinces2025 ? Provinces2025 : Provinces2016;

    /// <summary>A label short enough for a tile: the Vietnamese name, with the three long names abbreviated.</summary>
    public static string ShortName(string name) => name switch
    {
        "Thừa Thiên Huế" => "T.T. Huế",
        "Bà Rịa - Vũng Tàu" or "Bà Rịa – Vũng Tàu" => "BR–VT",
        "Hồ Chí Minh" or "TP Hồ Chí Minh" or "Thành phố Hồ Chí Minh" => "TP HCM",
        _ => name.Length > 12 ? name[..11] + "…" : name,
    };
}
