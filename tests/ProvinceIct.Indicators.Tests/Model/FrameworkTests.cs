using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Model;

public partial class FrameworkTests
{
    private static FrameworkNode Ind(string code, string parent, double w = 1) =>
        FrameworkNode.ForIndicator(IndicatorDefinition.Create(code, code, IndicatorKind.Real), parent, w);

    private static ValidationProblem Only(IEnumerable<FrameworkNode> nodes, ProblemCode code) =>
        Assert.Single(Framework.Validate(nodes).Problems, p => p.Code == code);

    [Fact]
    public void Create_TinyIndex_HasLevelsAndEffectiveWeights()
    {
        var fw = TinyIndex.Framework();
        Assert.Equal("IDX", fw.IndexCode);
        Assert.Equal(3, fw.MaxLevel);
        Assert.Equal(2, fw.Level("P1"));
        // i1: 3/4 of P1, which is 2/3 of the index: 0.5. i3: 1 * 1/3.
        AssertNumeric.Close(0.5, fw.EffectiveWeight("i1"));
        AssertNumeric.Close(1.0 / 3, fw.EffectiveWeight("i3"));
        AssertNumeric.Close(1, fw.Indicators.Sum(i => fw.EffectiveWeight(i.Code)));
    }

    [Fact]
    public void Validate_Cycle_IsReportedOnce()
    {
        var p = Only([Ind("i", "A"), FrameworkNode.Aggregate("A", "A", "B"), FrameworkNode.Aggregate("B", "B", "A"), FrameworkNode.Aggregate("R", "R")], ProblemCode.FrameworkCycle);
        Assert.Contains("A -> B -> A", p.Message.Replace("B -> A -> B", "A -> B -> A", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OrphanParent_NamesMissingParent()
    {
        var p = Only([Ind("i", "P"), Ind("j", "nope"), FrameworkNode.Aggregate("P", "P")], ProblemCode.OrphanNode);
        Assert.Equal("j", p.IndicatorCode);
        Assert.Equal("nope", p.Found);
    }

    [Fact]
    public void Validate_NegativeWeight_Reported() =>
        Assert.Equal("-1", Only([Ind("i", "P", -1), Ind("j", "P"), FrameworkNode.Aggregate("P", "P")], ProblemCode.NegativeWeight).Found);

    [Fact]
    public void Validate_ZeroWeightSumInTwoGroups_EachReportedInOrderWithItsChildren()
    {
        // Q's children weigh 0 and -0 (a zero sum) and come first; P's weigh 0 and 0; R's 0 and 2 sum to 2; S's NaN is its own problem.
        var report = Framework.Validate(
        [
            Ind("q1", "Q", 0), Ind("p1", "P", 0), Ind("q2", "Q", -0.0), Ind("r1", "R", 0), Ind("r2", "R", 2), Ind("s1", "S", double.NaN), Ind("s2", "S", 0), Ind("p2", "P", 0),
            FrameworkNode.Aggregate("Q", "Q", "IDX"), FrameworkNode.Aggregate("P", "P", "IDX"), FrameworkNode.Aggregate("R", "R", "IDX"), FrameworkNode.Aggregate("S", "S", "IDX"), FrameworkNode.Aggregate("IDX", "Index"),
        ]);

        var zero = report.Problems.Where(p => p.Code == ProblemCode.ZeroWeightSum).Select(p => (p.IndicatorCode, p.Found)).ToArray();

        Assert.Equal([("Q", "0 (q1, q2)"), ("P", "0 (p1, p2)")], zero);
    }

    [Fact]
    public void Validate_ZeroWeightSum_Reported() =>
        Assert.Equal("P", Only([Ind("i", "P", 0), Ind("j", "P", 0), FrameworkNode.Aggregate("P", "P")], ProblemCode.ZeroWeightSum).IndicatorCode);

    [Fact]
    public void Validate_NaNWeight_Reported() =>
        Assert.Equal("i", Only([Ind("i", "P", double.NaN), Ind("j", "P"), FrameworkNode.Aggregate("P", "P")], ProblemCode.NonFiniteWeight).IndicatorCode);

    [Fact]
    public void Validate_DuplicateCode_Reported() =>
        Assert.Equal("i", Only([Ind("i", "P"), Ind("i", "P"), FrameworkNode.Aggregate("P", "P")], ProblemCode.DuplicateNode).IndicatorCode);

    [Fact]
    public void Validate_TwoRoots_Reported() =>
        Only([Ind("i", "P"), Ind("j", "Q"), FrameworkNode.Aggregate("P", "P"), FrameworkNode.Aggregate("Q", "Q")], ProblemCode.MultipleRoots);

    [Fact]
    public void Validate_IndicatorAsParent_Reported() =>
        Assert.Equal("i", Only([Ind("i", "P"), Ind("j", "i"), FrameworkNode.Aggregate("P", "P")], ProblemCode.IndicatorWithChildren).IndicatorCode);

    [Fact]
    public void Validate_EmptyAggregate_Reported() =>
        Assert.Equal("E", Only([Ind("i", "P"), FrameworkNode.Aggregate("E", "E", "P"), FrameworkNode.Aggregate("P", "P")], ProblemCode.AggregateWithoutChildren).IndicatorCode);

    [Fact]
    public void Create_SeveralProblems_ReportsAllAtOnce()
    {
        var ex = Assert.Throws<ValidationException>(() => Framework.Create([Ind("i", "P", -2), Ind("j", "Z"), FrameworkNode.Aggregate("P", "P"), FrameworkNode.Aggregate("E", "E", "P")]));
        Assert.Equal(
            [ProblemCode.OrphanNode, ProblemCode.AggregateWithoutChildren, ProblemCode.NegativeWeight],
            ex.Report.Problems.Select(p => p.Code));
    }

    [Fact]
    public void ToString_Tiny_IsShort() => Assert.Equal("Framework IDX: 3 indicators, 3 aggregates, 3 levels", TinyIndex.Framework().ToString());
}
