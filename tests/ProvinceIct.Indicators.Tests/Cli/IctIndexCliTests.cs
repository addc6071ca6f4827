using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed partial class IctIndexCliTests : CliRunner
{
    private const string Meta = """
        iCode,iName,Level,Parent,Direction,Weight,Type,Kind
        i1,Indicator 1,1,P1,1,3,Indicator,percent
        i2,Indicator 2,1,P1,-1,1,Indicator,percent
        i3,Indicator 3,1,P2,1,1,Indicator,count
        P1,Pillar 1,2,IDX,1,2,Aggregate,
        P2,Pillar 2,2,IDX,1,1,Aggregate,
        IDX,Index,3,,1,1,Aggregate,
        Group_region,Region,,,,,Group,
        """;

    private const string Data = """
        uCode,uName,Group_region,i1,i2,i3
        A,Alpha,North,0,10,5
        B,Bravo,South,5,20,NA
        C,Charlie,South,10,30,15
        """;

    [Fact]
    public void Rank_Default_PrintsAll63WithDisclaimer()
    {
        var (code, output, _) = Run("rank");
        Assert.Equal(0, code);
        Assert.Contains("not the official Vietnam ICT Index", output, StringComparison.Ordinal);
        Assert.Contains("Đà Nẵng", output, StringComparison.Ordinal);
        Assert.Contains("  63  12    Lai Châu", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_Top5Markdown_MatchesSnapshot()
    {
        var (code, output, _) = Run("rank", "--top", "5", "--format", "markdown");
        Assert.Equal(0, code);
        Snapshot.Match(output, "md");
    }

    [Fact]
    public void Rank_Csv_HasHeaderAnd63Rows()
    {
        var (_, output, _) = Run("rank", "--format", "csv");
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("rank,unit_code,unit_name,score,infra_score,infra_rank,human_score,human_rank,egov_score,egov_rank,economy_score,economy_rank", lines[0]);
        Assert.Equal(64, lines.Length);
    }

    [Fact]
    public void Rank_Json_Parses()
    {
        var (_, output, _) = Run("rank", "--format", "json", "--top", "3");
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal("48", doc.RootElement.GetProperty("rows")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Compute_MetaAndData_LongCsvMatchesHandCalculation()
    {
        var (code, output, err) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), "--format", "long-csv");
        Assert.True(code == 0, err);
        Assert.Contains("A,Alpha,IDX,3,16.666666666666668,3", output, StringComparison.Ordinal);
        Assert.Contains("B,Bravo,IDX,3,50,2", output, StringComparison.Ordinal);
        Assert.Contains("B,Bravo,i3,1,,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Overrides_ApplyToEveryNode()
    {
        // min-max to [1, 100] then geometric: P1(A) = (1^3 * 100)^(1/4) = 100^(1/4)
        var (code, output, err) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), "--normalise", "minmax", "--range", "1,100", "--aggregate", "geometric", "--ties", "dense", "--format", "csv");
        Assert.True(code == 0, err);
        Assert.Contains(Math.Pow(100, 0.25).ToString("R", System.Globalization.CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Output_WritesFile()
    {
        var target = Path.Combine(Dir, "out.json");
        var (code, output, _) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), "--format", "json", "--output", target);
        Assert.Equal(0, code);
        Assert.Empty(output);
        Assert.Contains("\"code\": \"C\"", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_MethodologyJson_SameAsMeta()
    {
        var m = Write("m.json", Indicators.IO.MethodologyJson.Serialize(TinyIndex.Methodology()));
        var viaJson = Run("compute", "--data", Write("d.csv", Data), "--methodology", m, "--format", "long-csv");
        Assert.Equal(0, viaJson.Code);
        Assert.Contains("A,Alpha,IDX,3,16.666666666666668,3", viaJson.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_BadValues_Exit3ListsEveryProblemWithFileRowColumn()
    {
        var bad = Write("bad.csv", "uCode,uName,Group_region,i1,i2,i3\nA,Alpha,North,104.5,10,5\nB,Bravo,South,x,20,2.5\nC,Charlie,South,10,30,15\n");
        var (code, output, err) = Run("compute", "--data", bad, "--meta", Write("m.csv", Meta));
        Assert.Equal(3, code);
        Assert.Empty(output);
        var lines = err.TrimEnd().Split('\n');
        Assert.Contains(lines, l => l.Contains("bad.csv:2:4", StringComparison.Ordinal) && l.Contains("104.5", StringComparison.Ordinal) && l.Contains("unit A", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("bad.csv:3:4", StringComparison.Ordinal) && l.Contains("NotANumber", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("bad.csv:3:6", StringComparison.Ordinal) && l.Contains("2.5", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_BadMeta_Exit3NamesLine()
    {
        var (code, _, err) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta.Replace("i2,Indicator 2,1,P1,-1,1,", "i2,Indicator 2,1,P1,-1,heavy,", StringComparison.Ordinal)));
        Assert.Equal(3, code);
        Assert.Contains("m.csv:3", err, StringComparison.Ordinal);
        Assert.Contains("heavy", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_GeometricOnZero_Exit3NamesUnitAndChild()
    {
        var (code, _, err) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), "--aggregate", "geometric");
        Assert.Equal(3, code);
        Assert.Contains("unit 'A'", err, StringComparison.Ordinal);
        Assert.Contains("child 'i1'", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rank", "--format", "xml")]
    [InlineData("rank", "--top", "0")]
    [InlineData("nosuchcommand")]
    [InlineData("compute", "--data", "missing.csv", "--meta", "missing.csv")]
    [InlineData("compute", "--data", "d.csv")]
    public void Run_BadArguments_Exit2(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith("error", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_RangeWithZScore_Exit2()
    {
        var (code, _, err) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), "--normalise", "zscore", "--range", "0,1");
        Assert.Equal(2, code);
        Assert.Contains("--range", err, StringComparison.Ordinal);
    }
}
