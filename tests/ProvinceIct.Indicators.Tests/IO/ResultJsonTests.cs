using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.IO;

public partial class ResultJsonTests
{
    private static readonly Lazy<IndexResult> Open = new(OpenReadiness2016.Compute);

    private static IndexResult Tiny() => IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());

    private static void AssertEqualResults(IndexResult expected, IndexResult actual)
    {
        Assert.Equal(MethodologyJson.Serialize(expected.Methodology), MethodologyJson.Serialize(actual.Methodology));
        Assert.Equal(expected.Units.ToArray(), actual.Units.ToArray());
        Assert.Equal(expected.NodeCodes.ToArray(), actual.NodeCodes.ToArray());
        Assert.Equal(expected.NodeLevels.ToArray(), actual.NodeLevels.ToArray());
        foreach (var node in expected.NodeCodes)
        {
            Assert.Equal(expected.Scores(node).ToArray().Select(BitConverter.DoubleToInt64Bits), actual.Scores(node).ToArray().Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(expected.Ranks(node).ToArray().Select(BitConverter.DoubleToInt64Bits), actual.Ranks(node).ToArray().Select(BitConverter.DoubleToInt64Bits));
        }

        Assert.Equal(expected.Log.Entries.Length, actual.Log.Entries.Length);
        for (var k = 0; k < expected.Log.Entries.Length; k++)
        {
            var (e, a) = (expected.Log.Entries[k], actual.Log.Entries[k]);
            Assert.Equal((e.NodeCode, e.Level, e.ChildCount, e.Method), (a.NodeCode, a.Level, a.ChildCount, a.Method));
            Assert.Equal(e.MissingUnits.ToArray(), a.MissingUnits.ToArray());
            Assert.Equal(e.PartialUnits.ToArray(), a.PartialUnits.ToArray());
        }

        Assert.Equal(expected.Log.ToString(), actual.Log.ToString());
        Assert.Equal(expected.Ranking.ToArray(), actual.Ranking.ToArray());
        Assert.Equal(expected.ToString(), actual.ToString());
    }

    [Fact]
    public void SerializeDeserializeSerialize_OpenReadiness2016_IdenticalText()
    {
        var json = ResultJson.Serialize(Open.Value);
        Assert.Equal(json, ResultJson.Serialize(ResultJson.Deserialize(json)));
    }

    [Fact]
    public void Deserialize_OpenReadiness2016_EveryScoreRankAndLogEntryEqual() =>
        AssertEqualResults(Open.Value, ResultJson.Deserialize(ResultJson.Serialize(Open.Value)));

    [Fact]
    public void Deserialize_TinyWithMissingValue_NullScoresAndPartialUnitsKept()
    {
        var r = Tiny();
        var json = ResultJson.Serialize(r);
        Assert.Contains("null", json, StringComparison.Ordinal);
        Assert.Contains("\"partialUnits\": [\n", json, StringComparison.Ordinal);
        Assert.Contains("\"scored\": true", json, StringComparison.Ordinal);
        var back = ResultJson.Deserialize(json);
        AssertEqualResults(r, back);
        Assert.True(double.IsNaN(back.Score("B", "i3")));
        Assert.True(double.IsNaN(back.Rank("B", "i3")));
        Assert.Equal(["B"], back.Log["i3"].MissingUnits.ToArray());
    }

    [Fact]
    public void Serialize_Tiny_EmbedsMethodologyDto()
    {
        var r = Tiny();
        var json = ResultJson.Serialize(r);
        var methodology = MethodologyJson.Serialize(r.Methodology).Replace("\n", "\n  ", StringComparison.Ordinal);
        Assert.Contains("\"methodology\": " + methodology + ",\n", json, StringComparison.Ordinal);
    }

    private static string Mutate(string from, string to)
    {
        var json = ResultJson.Serialize(Tiny());
        Assert.Contains(from, json, StringComparison.Ordinal);
        return json.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ScoresOfWrongLength_RaggedRowWithPath()
    {
        var json = ResultJson.Serialize(Tiny());
        var at = json.IndexOf("\"scores\": [", StringComparison.Ordinal) + "\"scores\": [".Length;
        var bad = json[..at] + "\n        1," + json[at..];
        var p = Assert.Single(ResultJson.Read(bad).Report.Problems);
        Assert.Equal(ProblemCode.RaggedRow, p.Code);
        Assert.Equal("$.nodes[0].scores", p.Path);
    }

    [Fact]
    public void Read_UnknownNode_UnknownValueAndMissingNode()
    {
        var r = ResultJson.Read(Mutate("\"code\": \"i1\",\n      \"level\"", "\"code\": \"zz\",\n      \"level\""));
        Assert.Contains(r.Report.Problems, p => p.Code == ProblemCode.UnknownValue && p.Path == "$.nodes[0].code");
        Assert.Contains(r.Report.Problems, p => p.Code == ProblemCode.MissingIndicator && p.IndicatorCode == "i1");
    }

    [Fact]
    public void Read_WrongLevel_LevelMismatch()
    {
        var p = Assert.Single(ResultJson.Read(Mutate("\"code\": \"IDX\",\n      \"level\": 3", "\"code\": \"IDX\",\n      \"level\": 4")).Report.Problems);
        Assert.Equal(ProblemCode.LevelMismatch, p.Code);
    }

    [Fact]
    public void Read_LogNamesUnknownUnit_UnknownValue()
    {
        var problems = ResultJson.Read(Mutate("\"missingUnits\": [\n        \"B\"", "\"missingUnits\": [\n        \"Q\"")).Report.Problems;
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal((ProblemCode.UnknownValue, "Q"), (p.Code, p.UnitCode)));
        Assert.All(problems, p => Assert.Matches(@"^\$\.log\[\d+\]\.missingUnits\[0\]$", p.Path));
    }

    [Fact]
    public void Read_BadMethodology_ProblemPathUnderMethodology()
    {
        var r = ResultJson.Read(Mutate("\"ties\": \"competition\"", "\"ties\": \"olympic\""), "r.json");
        var p = Assert.Single(r.Report.Problems);
        Assert.Equal(ProblemCode.UnknownValue, p.Code);
        Assert.Equal("$.methodology.ties", p.Path);
        Assert.Equal("r.json", p.Source);
    }

    [Fact]
    public void Read_TextScore_MalformedInputWithLine()
    {
        var json = ResultJson.Serialize(Tiny());
        var at = json.IndexOf("\"scores\": [", StringComparison.Ordinal) + "\"scores\": [".Length;
        var line = json[..at].Count(c => c == '\n') + 2;
        var bad = json[..at] + "\n        \"x\"," + json[(json.IndexOf(',', at) + 1)..];
        var p = Assert.Single(ResultJson.Read(bad).Report.Problems);
        Assert.Equal(ProblemCode.MalformedInput, p.Code);
        Assert.Equal(line, p.Row);
    }

    [Fact]
    public void Deserialize_Null_ThrowsValidationException() =>
        Assert.Equal(ProblemCode.EmptyInput, Assert.Throws<ValidationException>(() => ResultJson.Deserialize("null")).Code);

    [Fact]
    public void SaveLoad_TempFile_RoundTrips()
    {
        var path = Path.Combine(Path.GetTempPath(), "resjson-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            ResultJson.Save(Tiny(), path);
            AssertEqualResults(Tiny(), ResultJson.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string> StreamedResults => ["open", "tiny", "treated", "hostile"];

    private static IndexResult Named(string name) => name switch
    {
        "open" => Open.Value,
        "tiny" => Tiny(),
        "treated" => IndexCalculator.Compute(TinyIndex.Methodology().WithTreatment(Indicators.Treatment.TreatmentStep.Screen(1)), TinyIndex.Data()),
        _ => IndexCalculator.Compute(TinyIndex.Methodology(), Indicators.Model.Dataset.Create(
            [Indicators.Model.Unit.Create("<b>", "\"quoted\" Đà Nẵng\n"), Indicators.Model.Unit.Create("\u00e9", "\t"), Indicators.Model.Unit.Create("=x", "+1")],
            ["i1", "i2", "i3"],
            new double[,] { { 1e-300, 10, double.NaN }, { 99.99999999999999, 20, 4 }, { 50, 30, 5 } })),
    };

    [Theory]
    [MemberData(nameof(StreamedResults))]
    public void Write_Streamed_SameBytesAsSerialize(string name)
    {
        var result = Named(name);
        using var bytes = new MemoryStream();
        ResultJson.Write(result, bytes);
        Assert.Equal(ResultJson.Serialize(result), System.Text.Encoding.UTF8.GetString(bytes.ToArray()));

        // Through a text writer (standard output, the CLI's --output): the same text.
        using var text = new StringWriter();
        ResultJson.Write(result, text);
        Assert.Equal(ResultJson.Serialize(result), text.ToString());
    }

    [Fact]
    public void Save_Streamed_SerializeTextAndALineBreak()
    {
        var path = Path.Combine(Path.GetTempPath(), "resjson-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            ResultJson.Save(Open.Value, path);
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(ResultJson.Serialize(Open.Value) + "\n"), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ResultJson.Write(Tiny(), new MemoryStream(), cts.Token));
    }

    [Fact]
    public void RoundTrip_MethodologyWithTreatment_StepsKeptLogNotSaved()
    {
        var m = TinyIndex.Methodology().WithTreatment(Indicators.Treatment.TreatmentStep.Screen(1), Indicators.Treatment.TreatmentStep.Impute(Indicators.Treatment.Imputer.Median));
        var result = IndexCalculator.Compute(m, TinyIndex.Data());
        var back = ResultJson.Deserialize(ResultJson.Serialize(result));
        Assert.Equal(m.Treatment.ToArray(), back.Methodology.Treatment.ToArray());
        Assert.Equal(["A", "C"], back.Units.Select(u => u.Code));
        Assert.True(back.Treatment.IsEmpty);
    }
}
