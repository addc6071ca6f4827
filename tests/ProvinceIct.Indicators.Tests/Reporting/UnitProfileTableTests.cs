using System.Globalization;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class UnitProfileTableTests
{
    private static readonly IndexResult Embedded = OpenReadiness2016.Compute();

    private static IndexResult Tiny() => IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());

    [Fact]
    public void From_TinyUnitA_HandComputedRowsInTreeOrder()
    {
        var t = UnitProfileTable.From(Tiny(), "A", TinyIndex.Data());
        Assert.Equal(["IDX", "P1", "i1", "i2", "P2", "i3"], t.Rows.Select(r => r.NodeCode));

        // i1: A 0 -> 0, B 5 -> 50, C 10 -> 100; i2 (negative): 10, 20, 30 -> 100, 50, 0; P1 = (3 i1 + i2) / 4: A 25, B 50, C 75
        // i3: A 5 -> 0, C 15 -> 100 (B missing); P2 = i3; IDX = (2 P1 + P2) / 3: A (50 + 0) / 3 = 16.67, B 50 (P2 dropped), C 83.33
        var idx = t.Rows[0];
        AssertNumeric.Close(50.0 / 3, idx.Score);
        Assert.Equal(3, idx.Rank);
        Assert.Equal(50, idx.MedianScore);      // median of 16.67, 50, 83.33
        Assert.True(double.IsNaN(idx.RawValue));
        Assert.True(double.IsNaN(idx.GroupMedianScore)); // no region
        var i2 = t.Rows[3];
        Assert.Equal((10.0, 100.0, 1.0, 50.0, 20.0), (i2.RawValue, i2.Score, i2.Rank, i2.MedianScore, i2.MedianRaw));
        var i3 = t.Rows[5];
        Assert.Equal((5.0, 0.0, 2.0, 50.0, 10.0), (i3.RawValue, i3.Score, i3.Rank, i3.MedianScore, i3.MedianRaw)); // medians (0 + 100) / 2, (5 + 15) / 2
    }

    [Fact]
    public void From_UnknownUnit_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => UnitProfileTable.From(Tiny(), "Z"));

    [Fact]
    public void From_WithoutDataset_RawValuesMissing()
    {
        var t = UnitProfileTable.From(Tiny(), "C");
        Assert.All(t.Rows, r => Assert.True(double.IsNaN(r.RawValue)));
        Assert.Contains("| i1 | Indicator 1 | - | 100.00 | 1 | 50.00 | - |", t.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void From_Embedded_AgreesWithStrengthsAndWeaknesses()
    {
        var t = UnitProfileTable.From(Embedded, "48", OpenReadiness2016.Dataset);
        var sw = StrengthsAndWeaknesses.For(Embedded, "48", 100, OpenReadiness2016.Dataset);
        foreach (var s in sw.Strengths.Concat(sw.PillarStrengths))
        {
            Assert.Equal(s, t.Rows.Single(r => r.NodeCode == s.NodeCode));
        }

        Assert.Equal(Embedded.Methodology.Framework.Nodes.Length, t.Rows.Length);
        Assert.Equal("North Central and Central Coastal Areas", t.Group);
        Assert.Equal(Embedded.Units.Count(u => u.Group("region") == t.Group), t.GroupSize);
    }

    [Fact]
    public void ToHtml_Embedded_EveryNumberIsTheRowsNumber()
    {
        var t = UnitProfileTable.From(Embedded, "48", OpenReadiness2016.Dataset);
        var root = ParseFragment(t.ToHtml());
        Assert.Equal("unit-profile", (string?)root.Elements().Single().Attribute("class"));
        var rows = BodyRows(root);
        Assert.Equal(t.Rows.Length, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = t.Rows[i];
            Assert.Equal(r.NodeCode, rows[i][0].Trim());
            Assert.Equal(r.Name, rows[i][1]);
            Assert.Equal(Fmt(r.Score, "0.00"), rows[i][3]);
            Assert.Equal(Fmt(r.Rank, "0.##"), rows[i][4]);
            Assert.Equal(Fmt(r.MedianScore, "0.00"), rows[i][5]);
            Assert.Equal(Fmt(r.GroupMedianScore, "0.00"), rows[i][6]);
            if (!double.IsNaN(r.RawValue))
            {
                // 4 significant digits
                AssertNumeric.Close(r.RawValue, double.Parse(rows[i][2], CultureInfo.InvariantCulture), 5e-4);
            }
        }

        Assert.Contains("Đà Nẵng (48): index score 90.45, rank 1 of 63", root.Descendants("caption").Single().Value, StringComparison.Ordinal);
        Assert.Equal(["Code", "Name", "Raw value", "Score", "Rank of 63", "National median", "Region median"], root.Descendants("thead").Single().Descendants("th").Select(h => h.Value));
    }

    [Fact]
    public void ToCsv_Embedded_RoundTripsFullPrecision()
    {
        var t = UnitProfileTable.From(Embedded, "48", OpenReadiness2016.Dataset);
        var csv = ReadCsv(t.ToCsv());
        Assert.Equal("node_code", csv.Header[0]);
        Assert.Equal(t.Rows.Length, csv.Rows.Length);
        for (var i = 0; i < t.Rows.Length; i++)
        {
            var r = t.Rows[i];
            Assert.Equal(r.NodeCode, csv.Rows[i][0]);
            Assert.Equal(r.Name, csv.Rows[i][1]);
            Assert.Equal(r.Score, double.Parse(csv.Rows[i][4], CultureInfo.InvariantCulture));
            Assert.Equal(r.MedianScore, double.Parse(csv.Rows[i][6], CultureInfo.InvariantCulture));
            Assert.Equal(double.IsNaN(r.RawValue) ? string.Empty : r.RawValue.ToString("R", CultureInfo.InvariantCulture), csv.Rows[i][3]);
        }
    }

    [Fact]
    public void ToText_Embedded_MatchesSnapshot() =>
        Snapshot.Match(UnitProfileTable.From(Embedded, "48", OpenReadiness2016.Dataset).ToText());

    [Fact]
    public void ToText_Diacritics_ColumnsAlignByDisplayWidth()
    {
        // a decomposed name (e + combining marks) is as wide as its composed form
        var units = new[] { Unit.Create("A", "Ha\u0300 Nô\u0323i", groups: [KeyValuePair.Create("region", "Đồng bằng")]), Unit.Create("B", "B", groups: [KeyValuePair.Create("region", "Đồng bằng")]) };
        var r = OneIndicator(units, [1, 2]);
        var lines = UnitProfileTable.From(r, "A").ToText().Split('\n');
        var header = lines[1];
        Assert.All(lines.Skip(3).Take(3), l => Assert.Equal(new StringInfo(header).LengthInTextElements, new StringInfo(l.Normalize(System.Text.NormalizationForm.FormC)).LengthInTextElements));
    }

    [Fact]
    public void ToString_IsTheText()
    {
        var t = UnitProfileTable.From(Tiny(), "A");
        Assert.Equal(t.ToText(), t.ToString());
    }
}
