using System.Globalization;
using System.Reflection;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Tests.Presets;

/// <summary>
/// The published figures, copied into the test project's <c>TestData/published</c> folder with their sources
/// (<c>TestData/published/SOURCES.md</c>) and read at test time. A missing file fails the test; it is never skipped.
/// </summary>
internal static class PublishedData
{
    public static string Folder { get; } = Locate();

    private static string Locate()
    {
        var project = typeof(PublishedData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;
        return Path.GetFullPath(Path.Combine(project, "TestData", "published"));
    }

    /// <summary>Reads one published CSV as rows of column name to cell text; fails the test when the file is absent.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string file)
    {
        var path = Path.Combine(Folder, file);
        Assert.True(
            File.Exists(path),
            $"Published data file '{path}' is missing from the test project's TestData/published folder.");
        var table = CsvTable.Read(path).GetValueOrThrow();
        var header = table.Header.Fields;
        return table.Rows
            .Select(r => (IReadOnlyDictionary<string, string>)header.Select((h, i) => KeyValuePair.Create(h, i < r.Count ? r[i].Trim() : string.Empty)).ToDictionary(StringComparer.Ordinal))
            .ToList();
    }

    /// <summary>A cell as a number: decimal comma or point; empty or annotated text ("0.589 (approx.)") is NaN.</summary>
    public static double Number(string cell) =>
        double.TryParse(cell.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    /// <summary>A province name as published, matched in the catalogue.</summary>
    public static Province Province(string name, ProvinceGeography geography) => ProvinceCatalog.Default.Match(name, geography);
}
