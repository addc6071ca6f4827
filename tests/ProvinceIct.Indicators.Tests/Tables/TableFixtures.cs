using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Tests.Tables;

/// <summary>Small tables shared by the renderer tests.</summary>
internal static class TableFixtures
{
    public const string Hostile = "<img src=x onerror=alert(1)>|*x*";

    /// <summary>
    /// Three provinces: Hà Nội in NFC, Đắk Lắk typed in NFD (combining marks), and a unit with a missing score; a rank,
    /// a score (2 decimals), a percent, a count.
    /// </summary>
    public static Table Provinces()
    {
        var nfdDakLak = "Đắk Lắk".Normalize(System.Text.NormalizationForm.FormD);
        return new TableBuilder("Illustrative ranking", [
                TableColumn.Rank("rank", "Rank"),
                TableColumn.Text("unit_code", "Code"),
                TableColumn.Label("unit_name", "Unit"),
                TableColumn.Number("score", "Score", NumberFormat.Fixed(2), unit: "points"),
                TableColumn.Percent("coverage", "Coverage"),
                TableColumn.Integer("indicators", "Indicators"),
            ], name: "ranking")
            .AddRow(1, "HN", "Hà Nội", 71.234, 1.0, 12)
            .AddRow(2.5, "DL", nfdDakLak, 0.1 + 0.2, 0.125, 9)
            .AddClassedRow("missing", double.NaN, "XX", "Không rõ", double.NaN, 0, 0)
            .AddNote("Illustrative index, not the official ICT Index.")
            .Build();
    }
}
