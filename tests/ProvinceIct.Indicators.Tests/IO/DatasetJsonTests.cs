using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Tests.IO;

public class DatasetJsonTests
{
    private static Dataset Small() => Dataset.Create(
        [
            Unit.Create("01", "Hà Nội", "Ha Noi", [new("region", "Red River Delta"), new("region6", "Đồng bằng sông Hồng")]),
            Unit.Create("70", "Bình Phước, \"tỉnh\""),
            Unit.Create("79", "TP. Hồ Chí Minh", "Ho Chi Minh City"),
        ],
        ["lit", "pc", "neg"],
        new double[,] { { 98.7, 1.0 / 3, -0.0 }, { double.NaN, 1e-300, double.MaxValue }, { 0.1 + 0.2, double.NaN, double.Epsilon } });

    private static void AssertBitwiseEqual(Dataset expected, Dataset actual)
    {
        Assert.Equal(expected.Units.ToArray(), actual.Units.ToArray());
        Assert.Equal(expected.IndicatorCodes.ToArray(), actual.IndicatorCodes.ToArray());
        for (var j = 0; j < expected.IndicatorCount; j++)
        {
            for (var i = 0; i < expected.UnitCount; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i, j]), BitConverter.DoubleToInt64Bits(actual[i, j]));
            }
        }
    }

    [Fact]
    public void SerializeDeserializeSerialize_SmallDataset_IdenticalTextAndBits()
    {
        var ds = Small();
        var json = DatasetJson.Serialize(ds);
        var back = DatasetJson.Deserialize(json);
        Assert.Equal(json, DatasetJson.Serialize(back));
        AssertBitwiseEqual(ds, back);
    }

    [Fact]
    public void SerializeDeserialize_OpenReadiness2016SourceData_BitwiseEqual()
    {
        var ds = OpenReadiness2016.SourceData;
        var json = DatasetJson.Serialize(ds);
        var back = DatasetJson.Deserialize(json);
        AssertBitwiseEqual(ds, back);
        Assert.Equal(json, DatasetJson.Serialize(back));
    }

    [Fact]
    public void Serialize_SmallDataset_MissingAsNullAndFormat()
    {
        var json = DatasetJson.Serialize(Small());
        Assert.StartsWith("{\n  \"formatVersion\": 1,\n  \"units\": [\n", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Hà Nội\"", json, StringComparison.Ordinal);
        Assert.Contains("\"region6\": \"Đồng bằng sông Hồng\"", json, StringComparison.Ordinal);
        Assert.Contains("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.Contains("0.30000000000000004", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_UnitWithoutEnglishNameOrGroups_PropertiesOmitted()
    {
        var json = DatasetJson.Serialize(Dataset.Create([Unit.Create("A")], ["x"], new double[,] { { 1 } }));
        Assert.DoesNotContain("nameEn", json, StringComparison.Ordinal);
        Assert.DoesNotContain("groups", json, StringComparison.Ordinal);
        Assert.Equal("A", DatasetJson.Deserialize(json).Units[0].Name);
    }

    [Fact]
    public void RoundTrip_EmptyDataset_Kept()
    {
        var ds = Dataset.Create([], [], new double[0, 0]);
        var back = DatasetJson.Deserialize(DatasetJson.Serialize(ds));
        Assert.Equal(0, back.UnitCount);
        Assert.Equal(0, back.IndicatorCount);
    }

    [Fact]
    public void Read_AllMissingColumn_AllNaN()
    {
        var ds = DatasetJson.Deserialize("""{"units":[{"code":"a"},{"code":"b"}],"columns":[{"code":"x","values":[null,null]}]}""");
        Assert.True(double.IsNaN(ds[0, 0]) && double.IsNaN(ds[1, 0]));
        Assert.Equal("a", ds.Units[0].Name);
    }

    [Fact]
    public void Read_ColumnOfWrongLength_RaggedRowWithPath()
    {
        var r = DatasetJson.Read("""{"units":[{"code":"a"},{"code":"b"}],"columns":[{"code":"x","values":[1,2]},{"code":"y","values":[1]}]}""", "d.json");
        var p = Assert.Single(r.Report.Problems);
        Assert.Equal(ProblemCode.RaggedRow, p.Code);
        Assert.Equal("$.columns[1].values", p.Path);
        Assert.Equal("d.json", p.Source);
        Assert.Equal("y", p.IndicatorCode);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("\"NaN\"")]
    [InlineData("true")]
    public void Read_NonNumberValue_MalformedInputWithLineAndPath(string value)
    {
        var r = DatasetJson.Read("{\n  \"units\": [{\"code\": \"a\"}],\n  \"columns\": [{\"code\": \"x\", \"values\": [" + value + "]}]\n}");
        var p = Assert.Single(r.Report.Problems);
        Assert.Equal(ProblemCode.MalformedInput, p.Code);
        Assert.Equal(3, p.Row);
        Assert.Contains("columns", p.Path, StringComparison.Ordinal);
        Assert.Contains("wrong JSON type", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateUnitAndIndicatorCodes_EveryProblemWithDatasetMessages()
    {
        var r = DatasetJson.Read("""{"units":[{"code":"a"},{"code":"a"}],"columns":[{"code":"x","values":[1,2]},{"code":"x","values":[3,4]}]}""");
        Assert.False(r.Success);
        Assert.Equal([ProblemCode.DuplicateUnit, ProblemCode.DuplicateIndicator], r.Report.Problems.Select(p => p.Code).ToArray());
        Assert.Equal("Unit code 'a' appears on rows 1 and 2.", r.Report.Problems[0].Message);
        Assert.Equal("$.units[1].code", r.Report.Problems[0].Path);
        Assert.Equal("Indicator code 'x' appears in columns 1 and 2.", r.Report.Problems[1].Message);
        Assert.Equal("$.columns[1].code", r.Report.Problems[1].Path);
    }

    [Theory]
    [InlineData("""{"units":[],"columns":[],"extra":1}""", ProblemCode.MalformedInput)]
    [InlineData("""{"units":[]}""", ProblemCode.MalformedInput)]
    [InlineData("""{"units":[{"code":" "}],"columns":[]}""", ProblemCode.MissingValue)]
    [InlineData("""{"formatVersion":2,"units":[],"columns":[]}""", ProblemCode.UnsupportedInput)]
    [InlineData("null", ProblemCode.EmptyInput)]
    [InlineData("{\"units\": [", ProblemCode.MalformedInput)]
    public void Read_BadDocument_Problem(string json, ProblemCode code)
    {
        var r = DatasetJson.Read(json);
        Assert.False(r.Success);
        Assert.Equal(code, r.Report.Problems[0].Code);
        Assert.Equal("<json>", r.Report.Problems[0].Source);
    }

    [Fact]
    public void Deserialize_BadDocument_ThrowsValidationException()
    {
        var ex = Assert.Throws<ValidationException>(() => DatasetJson.Deserialize("""{"units":[{"code":"a"},{"code":"a"}],"columns":[]}"""));
        Assert.Equal(ProblemCode.DuplicateUnit, ex.Code);
    }

    [Fact]
    public void SaveLoad_TempFile_RoundTripsWithTrailingNewline()
    {
        var path = Path.Combine(Path.GetTempPath(), "dsjson-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            DatasetJson.Save(Small(), path);
            Assert.EndsWith("}\n", File.ReadAllText(path), StringComparison.Ordinal);
            AssertBitwiseEqual(Small(), DatasetJson.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
