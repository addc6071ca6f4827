using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.IO;

/// <summary>COINr's ASEM example read as the benchmark reads it, and the group columns read with one builder per file.</summary>
public partial class WideCsvTests
{
    private static readonly string AsemFolder = RepositoryPaths.Get("tests/ProvinceIct.Indicators.Tests/TestData/coinr");

    private static (string Data, MetaTable Meta) Asem() =>
        (File.ReadAllText(Path.Combine(AsemFolder, "ASEM_iData.csv")), MetaCsv.Load(Path.Combine(AsemFolder, "ASEM_iMeta.csv")));

    private static string[] Fields(string line) => line.Split(',').Select(f => f.Trim('"')).ToArray();

    [Fact]
    public void Read_AsemData_EveryValueHasTheFrameworkParsersBits()
    {
        var (data, meta) = Asem();

        var ds = WideCsv.Load(new StringReader(data), new WideCsvOptions { Framework = meta.Framework, GroupColumns = [.. meta.GroupCodes] });

        // Every cell of every indicator column against double.Parse of its text (an empty cell is missing).
        var lines = data.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = Fields(lines[0]);
        var checkedCells = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = Fields(lines[i].TrimEnd('\r'));
            foreach (var code in ds.IndicatorCodes)
            {
                var text = cells[Array.IndexOf(header, code)];
                var expected = text.Length == 0 ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(ds.Value(cells[1], code)));
                checkedCells++;
            }
        }

        Assert.Equal(ds.UnitCount * ds.IndicatorCount, checkedCells);
    }

    [Fact]
    public void Read_AsemWithOneBadNumber_NotANumberAtItsLineAndColumn()
    {
        var (data, meta) = Asem();
        var lines = data.Split('\n');
        var cells = lines[4].Split(',');
        var header = Fields(lines[0]);
        cells[9] = "\"12.5x\"";   // line 5, column 10
        lines[4] = string.Join(',', cells);

        var r = WideCsv.Read(new StringReader(string.Join('\n', lines)), new WideCsvOptions { Framework = meta.Framework, GroupColumns = [.. meta.GroupCodes], SourceName = "ASEM_iData.csv" });

        var p = Assert.Single(r.Report.Problems);
        Assert.Equal(ProblemCode.NotANumber, p.Code);
        Assert.Equal(("ASEM_iData.csv", 5, 10, cells[1].Trim('"'), header[9], "12.5x"), (p.Source, p.Row, p.Column, p.UnitCode, p.IndicatorCode, p.Found));
        Assert.StartsWith("ASEM_iData.csv:5:10: [NotANumber]", p.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoColumnsHoldingOneGroupWithTheSameValue_GroupKept()
    {
        // Group_region and the option column region both hold group 'region': read as before the builder (one list per unit).
        var ds = Read("uCode,Group_region,region,x\nA,North,North,1\n", Named with { GroupColumns = ["region"] }).Value;

        Assert.Equal("North", ds.Units[0].Group("region"));
        Assert.Equal(["x"], ds.IndicatorCodes.ToArray());
    }

    [Fact]
    public void Read_TwoColumnsHoldingOneGroupWithDifferentValues_LocatedProblemNotException()
    {
        // Group_region says North, the option column region says South: one unit cannot be in two regions.
        var r = Read("uCode,Group_region,region,x\nA,North,South,1\nB,North,North ,2\n", Named with { GroupColumns = ["region"], SourceName = "d.csv" });

        var p = Assert.Single(r.Report.Problems);
        Assert.Equal(ProblemCode.DuplicateObservation, p.Code);
        Assert.Equal(2, p.Row);
        Assert.Equal(3, p.Column);
        Assert.Equal("A", p.UnitCode);
        Assert.Equal("'North', 'South'", p.Found);
        Assert.Equal("Line 2: columns 'Group_region' and 'region' both give group 'region' of unit 'A', with different values.", p.Message);
    }

    [Fact]
    public void Read_TwoColumnsHoldingOneGroupDifferingOnlyInSpaces_FirstColumnKept()
    {
        var ds = Read("uCode,Group_region,region,x\nA,North, North ,1\n", Named with { GroupColumns = ["region"] }).Value;

        Assert.Equal("North", ds.Units[0].Group("region"));
    }

    [Fact]
    public void Read_GroupValuesInNfdAndMissing_ComposedToNfcAndLeftOut()
    {
        var nfc = "H\u00E0 N\u1ED9i";
        var nfd = nfc.Normalize(NormalizationForm.FormD);

        var ds = Read("uCode,Group_region,Group_size,x\nA," + nfd + ",NA,1\nB,\"South\",L,2\n").Value;

        Assert.Equal(nfc, ds.Units[0].Group("region"));
        Assert.Null(ds.Units[0].Group("size"));
        Assert.Equal(["region"], ds.Units[0].Groups.Keys.ToArray());
        Assert.Equal(["region", "size"], ds.Units[1].Groups.Keys.ToArray());
        Assert.Equal(("South", "L"), (ds.Units[1].Group("region"), ds.Units[1].Group("size")));
    }
}
