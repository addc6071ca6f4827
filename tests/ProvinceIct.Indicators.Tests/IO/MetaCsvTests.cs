using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Tests.IO;

public class MetaCsvTests
{
    // A 3-level framework in COINr's iMeta layout, in a shuffled column order with lower-case headers and extra columns.
    private const string ThreeLevel =
        "type,iCode,Parent,Level,iName,iName_vi,Direction,Weight,Kind,Unit,goalpost_lower,goalpost_upper,Target,Denominator,Comment\n" +
        "Indicator,lit,human,1,Literacy rate,Tỷ lệ biết chữ,1,1,percent,%,0,100,,,\n" +
        "Indicator,students,human,1,\"Students, per 10,000\",Sinh viên,1,0.5,rate:10000,persons,,,,pop,\n" +
        "Indicator,poverty,econ,1,Poverty rate,Tỷ lệ hộ nghèo,-1,1,percent,%,,,5,,\n" +
        "Indicator,income,econ,1,Income,Thu nhập,1,2,money:thousand VND,,,,,,\n" +
        "Aggregate,human,idx,2,Human resources,Nguồn nhân lực,1,1,,,,,,,\n" +
        "Aggregate,econ,idx,2,Economy,Kinh tế,1,1,,,,,,,\n" +
        "Aggregate,idx,NA,3,Open readiness,Chỉ số sẵn sàng,NA,NA,,,,,,,\n" +
        "Group,Group_Region,,,Region,,,,,,,,,,\n" +
        "Denominator,pop,,,Population,,,,,,,,,,\n" +
        "Other,area,,,Area,,,,,,,,,,\n";

    private const string Header = "iCode,iName,Level,Parent,Direction,Weight,Type\n";

    private static ReadResult<MetaTable> Read(string text) => MetaCsv.Read(new StringReader(text), "meta.csv");

    [Fact]
    public void Read_ThreeLevelFramework_TreeDefinitionsAndOtherCodes()
    {
        var meta = Read(ThreeLevel).Value;
        var fw = meta.Framework;
        Assert.Equal("idx", fw.IndexCode);
        Assert.Equal(3, fw.MaxLevel);
        Assert.Equal(["human", "econ"], fw.Children("idx").Select(n => n.Code).ToArray());
        Assert.Equal(["lit", "students"], fw.Children("human").Select(n => n.Code).ToArray());

        var lit = fw["lit"].Indicator!;
        Assert.Equal((IndicatorKind.Percent, "%", "Tỷ lệ biết chữ"), (lit.Kind, lit.Unit, lit.NameVi));
        Assert.Equal(new Goalposts(0, 100), lit.Goalposts);
        var students = fw["students"];
        Assert.Equal(("Students, per 10,000", 0.5, "pop"), (students.Name, students.Weight, students.Indicator!.DenominatorCode));
        Assert.Equal(IndicatorKind.RatePer(10_000), students.Indicator.Kind);
        Assert.Equal((Direction.Negative, 5.0), (fw["poverty"].Direction, fw["poverty"].Indicator!.Target!.Value));
        Assert.Equal(IndicatorKind.Money("thousand VND"), fw["income"].Indicator!.Kind);
        Assert.Equal(1, fw["idx"].Weight);

        Assert.Equal(["Group_Region"], meta.GroupCodes.ToArray());
        Assert.Equal(["pop"], meta.DenominatorCodes.ToArray());
        Assert.Equal(["area"], meta.OtherCodes.ToArray());
    }

    [Fact]
    public void Write_ThenRead_EqualTableAndSameText()
    {
        var meta = Read(ThreeLevel).Value;
        var w = new StringWriter();
        MetaCsv.Write(meta, w);
        var back = Read(w.ToString()).Value;
        Assert.Equal(meta, back);
        var w2 = new StringWriter();
        MetaCsv.Write(back, w2);
        Assert.Equal(w.ToString(), w2.ToString());
        Assert.StartsWith("iCode,iName,iName_vi,Level,Parent,Direction,Weight,Type,Kind,Unit,Target,Reference,Denominator,goalpost_lower,goalpost_upper\n", w.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FrameworkWithEveryOptionalField_RoundTrips()
    {
        var def = IndicatorDefinition.Create("web", "Website score", IndicatorKind.BoundedScore(0, 10), Direction.Positive, "Điểm trang web", "points")
            .WithGoalposts(0.5, 9.5).WithReferenceValue(8).WithTarget(7.25) with { DenominatorCode = "firms" };
        var fw = Framework.Create(
        [
            FrameworkNode.Aggregate("idx", "Index", nameVi: "Chỉ số") with { AggregateDirection = Direction.Positive },
            FrameworkNode.ForIndicator(def, "idx", 0.1 + 0.2),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("yn", "Has LAN", IndicatorKind.YesNo, Direction.Negative), "idx"),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("lvl", "Service level", IndicatorKind.ServiceLevel), "idx"),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("cnt", "Servers", IndicatorKind.Count), "idx"),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("sh", "Share", IndicatorKind.Share), "idx"),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("re", "Real", IndicatorKind.Real), "idx"),
        ]);
        var w = new StringWriter();
        MetaCsv.Write(fw, w);
        var back = MetaCsv.Load(new StringReader(w.ToString()));
        Assert.Equal(fw.Nodes.ToArray(), back.Framework.Nodes.ToArray());
    }

    [Fact]
    public void Write_UnbalancedTree_Throws()
    {
        var fw = Framework.Create(
        [
            FrameworkNode.Aggregate("idx", "Index"),
            FrameworkNode.Aggregate("p", "Pillar", "idx"),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("a", "A", IndicatorKind.Real), "p"),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("b", "B", IndicatorKind.Real), "idx"),
        ]);
        Assert.Throws<ArgumentException>(() => MetaCsv.Write(fw, new StringWriter()));
    }

    [Fact]
    public void Read_MissingRequiredColumns_AllReported()
    {
        var r = Read("iCode,iName,Parent,Type\na,A,idx,Indicator\n");
        Assert.Equal(["Level", "Direction", "Weight"], r.Report.Problems.Select(p => p.Message.Split('\'')[1]).ToArray());
        Assert.All(r.Report.Problems, p => Assert.Equal((ProblemCode.MissingColumn, "meta.csv", 1), (p.Code, p.Source!, p.Row!.Value)));
    }

    [Fact]
    public void Read_UnknownType_ReportedAtLineAndColumn()
    {
        var p = Assert.Single(Read(Header + "a,A,1,idx,1,1,Indicator\nidx,I,2,,1,1,Aggregate\nb,B,1,idx,1,1,Indikator\n").Report.Problems);
        Assert.Equal((ProblemCode.UnknownValue, 4, 7, "b", "Indikator"), (p.Code, p.Row!.Value, p.Column!.Value, p.IndicatorCode, p.Found));
    }

    [Fact]
    public void Read_LevelAboveTheCap_OutOfRangeSaysTheCap()
    {
        var p = Assert.Single(Read(Header + "a,A,1,idx,1,1,Indicator\nidx,I,1001,,1,1,Aggregate\n").Report.Problems);
        Assert.Equal((ProblemCode.ValueOutOfRange, 3, 3, "idx", "1001"), (p.Code, p.Row!.Value, p.Column!.Value, p.IndicatorCode, p.Found));
        Assert.Contains("is above 1000, the deepest level read", p.Message, StringComparison.Ordinal);
        Assert.Equal("a whole number from 1 to 1000", p.Expected);
    }

    [Fact]
    public void Read_FractionalLevel_NotAWholeNumber()
    {
        var p = Assert.Single(Read(Header + "a,A,1.5,idx,1,1,Indicator\nidx,I,2,,1,1,Aggregate\n").Report.Problems);
        Assert.Equal((ProblemCode.NotANumber, 2, 3, "a"), (p.Code, p.Row!.Value, p.Column!.Value, p.IndicatorCode));
        Assert.Contains("is not a whole number from 1", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NonNumericWeight_NotANumber()
    {
        var p = Assert.Single(Read(Header + "a,A,1,idx,1,heavy,Indicator\nidx,I,2,,1,1,Aggregate\n").Report.Problems);
        Assert.Equal((ProblemCode.NotANumber, 2, 6, "a", "heavy"), (p.Code, p.Row!.Value, p.Column!.Value, p.IndicatorCode, p.Found));
        Assert.StartsWith("meta.csv:2:6: [NotANumber]", p.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2")]
    [InlineData("up")]
    [InlineData("")]
    public void Read_BadIndicatorDirection_Reported(string direction)
    {
        var p = Assert.Single(Read(Header + "a,A,1,idx," + direction + ",1,Indicator\nidx,I,2,,1,1,Aggregate\n").Report.Problems);
        Assert.Equal((2, 5, "a"), (p.Row!.Value, p.Column!.Value, p.IndicatorCode));
        Assert.Contains(p.Code, new[] { ProblemCode.UnknownValue, ProblemCode.MissingValue });
    }

    [Fact]
    public void Read_LevelInconsistentWithTree_LevelMismatch()
    {
        var r = Read(Header + "a,A,1,p,1,1,Indicator\np,P,3,idx,1,1,Aggregate\nidx,I,4,,1,1,Aggregate\n");
        var p = Assert.Single(r.Report.Problems);
        Assert.Equal((ProblemCode.LevelMismatch, 2, "a", "2", "1"), (p.Code, p.Row!.Value, p.IndicatorCode, p.Expected, p.Found));
    }

    [Fact]
    public void Read_IndicatorNotLevelOne_LevelMismatch() =>
        Assert.Contains(Read(Header + "a,A,2,idx,1,1,Indicator\nidx,I,2,,1,1,Aggregate\n").Report.Problems, p => p.Code == ProblemCode.LevelMismatch && p.Row == 2);

    [Fact]
    public void Read_FrameworkProblems_MappedToNodeLines()
    {
        var text = Header +
                   "a,A,1,ghost,1,1,Indicator\n" + // line 2: parent does not exist
                   "b,B,1,idx,1,-1,Indicator\n" +  // line 3: negative weight
                   "idx,I,2,,1,1,Aggregate\n" +
                   "a,A again,1,idx,1,1,Indicator\n"; // line 5: duplicate code
        var r = Read(text);
        Assert.Equal(
            [(ProblemCode.DuplicateNode, 5), (ProblemCode.OrphanNode, 2), (ProblemCode.NegativeWeight, 3)],
            r.Report.Problems.Select(p => (p.Code, p.Row ?? 0)).ToArray());
        Assert.Contains("lines 2 and 5", r.Report.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Cycle_ReportedWithLine()
    {
        var r = Read(Header + "a,A,1,p,1,1,Indicator\np,P,2,q,1,1,Aggregate\nq,Q,3,p,1,1,Aggregate\nidx,I,4,,1,1,Aggregate\n");
        var cycle = Assert.Single(r.Report.Problems, p => p.Code == ProblemCode.FrameworkCycle);
        Assert.NotNull(cycle.Row);
        Assert.Equal("meta.csv", cycle.Source);
    }

    [Fact]
    public void Read_ManyProblems_AllReportedTogether()
    {
        var text = Header +
                   "a,A,1,idx,1,x,Indicator\n" +   // NotANumber weight
                   "b,B,1,idx,5,1,Indicator\n" +   // bad direction
                   "c,C,1,idx,1,1,Thing\n" +       // unknown type
                   "d,D,1,idx,1\n" +               // ragged
                   ",E,1,idx,1,1,Indicator\n" +    // no code
                   "idx,I,2,,1,1,Aggregate\n";
        var r = Read(text);
        Assert.Equal(
            [ProblemCode.NotANumber, ProblemCode.UnknownValue, ProblemCode.UnknownValue, ProblemCode.RaggedRow, ProblemCode.MissingValue],
            r.Report.Problems.Select(p => p.Code).ToArray());
        Assert.Equal([2, 3, 4, 5, 6], r.Report.Problems.Select(p => p.Row!.Value).ToArray());
        var ex = Assert.Throws<ValidationException>(() => MetaCsv.Load(new StringReader(text), "meta.csv"));
        Assert.Equal(5, ex.Report.Problems.Length);
    }

    [Theory]
    [InlineData("score:5:5")]
    [InlineData("rate:0")]
    [InlineData("money:")]
    [InlineData("percentage")]
    public void Read_BadKind_UnknownValue(string kind)
    {
        var p = Assert.Single(Read("iCode,iName,Level,Parent,Direction,Weight,Type,Kind\na,A,1,idx,1,1,Indicator," + kind + "\nidx,I,2,,1,1,Aggregate,\n").Report.Problems);
        Assert.Equal((ProblemCode.UnknownValue, 2, 8), (p.Code, p.Row!.Value, p.Column!.Value));
    }

    [Fact]
    public void Read_OneGoalpostOnly_MissingValue() =>
        Assert.Equal(
            ProblemCode.MissingValue,
            Assert.Single(Read("iCode,iName,Level,Parent,Direction,Weight,Type,goalpost_lower,goalpost_upper\na,A,1,idx,1,1,Indicator,0,\nidx,I,2,,1,1,Aggregate,,\n").Report.Problems).Code);

    [Fact]
    public void Read_File_UsesPathAsSource()
    {
        var path = Path.Combine(Path.GetTempPath(), "meta-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "\uFEFF" + ThreeLevel.Replace("\n", "\r\n", StringComparison.Ordinal));
        try
        {
            Assert.Equal(7, MetaCsv.Load(path).Framework.Nodes.Length);
            MetaCsv.Save(MetaCsv.Load(path), path);
            Assert.Equal(7, MetaCsv.Read(path).Value.Framework.Nodes.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ToString_MetaTable_Summarises() =>
        Assert.Equal("MetaTable: Framework idx: 4 indicators, 3 aggregates, 3 levels; 1 groups, 1 denominators, 1 other", Read(ThreeLevel).Value.ToString());

    private const string GoalpostHeader = "iCode,iName,Level,Parent,Direction,Weight,Type,Target,Denominator,goalpost_lower,goalpost_upper,goalpost_scale,goalpost_trunc2posts\n";

    [Fact]
    public void Read_CoinrOptionalColumns_TargetDenominatorGoalpostsAndScale()
    {
        var meta = Read(GoalpostHeader +
            "a,A,1,idx,1,1,Indicator,80,pop,0,100,100,TRUE\n" +
            "b,B,1,idx,-1,1,Indicator,NA,NA,1,5,100,\n" +
            "c,C,1,idx,1,1,Indicator,,,,,,\n" +
            "idx,I,2,,1,1,Aggregate,,,,,,\n" +
            "pop,Population,,,,,Denominator,,,,,,\n").Value;
        var a = meta.Framework["a"].Indicator!;
        Assert.Equal((80.0, "pop", new Goalposts(0, 100)), (a.Target!.Value, a.DenominatorCode, a.Goalposts!.Value));
        Assert.Equal(new Goalposts(1, 5), meta.Framework["b"].Indicator!.Goalposts);
        Assert.Null(meta.Framework["c"].Indicator!.Goalposts);
        Assert.Equal(100, meta.GoalpostScale);
    }

    [Fact]
    public void Read_NoGoalpostScale_Null() =>
        Assert.Null(Read(ThreeLevel).Value.GoalpostScale);

    [Fact]
    public void Read_GoalpostScalesDiffer_UnsupportedInputNamingBoth()
    {
        var r = Read(GoalpostHeader +
            "a,A,1,idx,1,1,Indicator,,,0,1,1,\n" +
            "b,B,1,idx,1,1,Indicator,,,0,1,100,\n" +
            "idx,I,2,,1,1,Aggregate,,,,,,\n");
        var p = Assert.Single(r.Report.Problems);
        Assert.Equal((ProblemCode.UnsupportedInput, "b", 3, 12), (p.Code, p.IndicatorCode, p.Row!.Value, p.Column!.Value));
        Assert.Contains("'a'", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", ProblemCode.InvalidParameter)]
    [InlineData("-1", ProblemCode.InvalidParameter)]
    [InlineData("x", ProblemCode.NotANumber)]
    public void Read_BadGoalpostScale_Problem(string scale, ProblemCode code) =>
        Assert.Equal(code, Assert.Single(Read(GoalpostHeader + "a,A,1,idx,1,1,Indicator,,,0,1," + scale + ",\nidx,I,2,,1,1,Aggregate,,,,,,\n").Report.Problems).Code);

    [Theory]
    [InlineData("FALSE", ProblemCode.UnsupportedInput)]
    [InlineData("0", ProblemCode.UnsupportedInput)]
    [InlineData("maybe", ProblemCode.UnknownValue)]
    public void Read_Trunc2PostsNotTrue_Problem(string trunc, ProblemCode code) =>
        Assert.Equal(code, Assert.Single(Read(GoalpostHeader + "a,A,1,idx,1,1,Indicator,,,0,1,1," + trunc + "\nidx,I,2,,1,1,Aggregate,,,,,,\n").Report.Problems).Code);

    [Fact]
    public void WriteRead_GoalpostScale_RoundTrips()
    {
        var meta = Read(GoalpostHeader + "a,A,1,idx,1,1,Indicator,,,0,1,100,\nidx,I,2,,1,1,Aggregate,,,,,,\n").Value;
        using var w = new StringWriter();
        MetaCsv.Write(meta, w);
        Assert.Contains(",goalpost_scale\n", w.ToString(), StringComparison.Ordinal);
        Assert.Equal(meta, Read(w.ToString()).Value);
    }
}
