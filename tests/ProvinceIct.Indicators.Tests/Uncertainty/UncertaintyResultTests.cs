using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Tests.Uncertainty;

public class UncertaintyResultTests
{
    [Fact]
    public void ToText_DecomposedDiacriticsAndLongCodes_ColumnsStayAligned()
    {
        // Names in NFD (a letter plus combining marks) are several chars but one column each; a code longer than the
        // default column of 6 widens the column instead of pushing the row out of line.
        var longName = "Thành phố Hồ Chí Minh và vùng phụ cận".Normalize(NormalizationForm.FormD);
        var data = Dataset.Create(
            [Unit.Create("A", "Ắ Ở".Normalize(NormalizationForm.FormD)), Unit.Create("UNIT-LONG-CODE", longName), Unit.Create("C", "Charlie")],
            ["i1", "i2", "i3"],
            new double[,] { { 0, 10, 5 }, { 5, 20, double.NaN }, { 10, 30, 15 } });
        var r = UncertaintyAnalysis.Run(TinyIndex.Methodology(), data, [UncertainFactor.WeightNoise(0.5)], UncertaintyOptions.Default with { Runs = 20 });

        var lines = r.ToText().Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("Code", StringComparison.Ordinal));
        var rows = lines.Skip(header).Take(4).ToArray();
        var widths = rows.Select(l => new StringInfo(l.Normalize(NormalizationForm.FormC)).LengthInTextElements).Distinct().ToArray();
        Assert.Single(widths);
        Assert.Contains("Thành phố Hồ Chí Mi ", rows.Single(l => l.StartsWith("UNIT-LONG-CODE", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
