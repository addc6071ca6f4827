using System.Diagnostics;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Tests.Model;

/// <summary>Validation is linear in the number of nodes: deep chains and long cycles are checked in milliseconds.</summary>
public partial class FrameworkTests
{
    // Typical time on a 2-core machine is a few milliseconds; before the fix it was about a minute. The bound is
    // generous so that a loaded machine cannot make the test flake, yet far below the quadratic time.
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);

    private static List<FrameworkNode> Chain(int n)
    {
        var nodes = new List<FrameworkNode>(n + 1) { FrameworkNode.Aggregate("a0", "a0") };
        for (var i = 1; i < n; i++)
        {
            nodes.Add(FrameworkNode.Aggregate("a" + i, "a" + i, "a" + (i - 1)));
        }

        nodes.Add(Ind("x", "a" + (n - 1)));
        return nodes;
    }

    [Fact]
    public void Create_ChainOf10000Aggregates_IsAcceptedQuickly()
    {
        var nodes = Chain(10_000);
        var sw = Stopwatch.StartNew();
        var fw = Framework.Create(nodes);
        sw.Stop();
        // 10,000 aggregates above one indicator: the indicator is level 1, the root level 10,001.
        Assert.Equal(10_001, fw.MaxLevel);
        Assert.Equal(2, fw.Level("a9999"));
        Assert.True(sw.Elapsed < Generous, "took " + sw.Elapsed);
    }

    [Fact]
    public void Validate_CycleOf10000Nodes_IsReportedOnceQuickly()
    {
        var nodes = new List<FrameworkNode> { FrameworkNode.Aggregate("root", "root"), Ind("x", "root") };
        for (var i = 0; i < 10_000; i++)
        {
            nodes.Add(FrameworkNode.Aggregate("a" + i, "a" + i, "a" + ((i + 1) % 10_000)));
        }

        var sw = Stopwatch.StartNew();
        var report = Framework.Validate(nodes);
        sw.Stop();
        var p = Assert.Single(report.Problems, q => q.Code == ProblemCode.FrameworkCycle);
        // The walk starts at a0 (the first node of the cycle in list order): a0 -> a1 -> ... -> a9999 -> a0.
        Assert.StartsWith("Nodes form a cycle: a0 -> a1 -> ", p.Message, StringComparison.Ordinal);
        Assert.EndsWith("-> a9999 -> a0.", p.Message, StringComparison.Ordinal);
        Assert.Contains("(9980 more)", p.Message, StringComparison.Ordinal);
        Assert.Equal("a cycle of 10000 nodes", p.Found);
        Assert.True(sw.Elapsed < Generous, "took " + sw.Elapsed);
    }

    [Fact]
    public void Validate_TwoCyclesWithTails_EachReportedOnce()
    {
        // t -> A -> B -> A (a tail into a 2-cycle), and C -> C (a self-loop), beside a valid tree.
        var report = Framework.Validate(
        [
            FrameworkNode.Aggregate("R", "R"), Ind("i", "R"),
            FrameworkNode.Aggregate("t", "t", "A"), FrameworkNode.Aggregate("A", "A", "B"), FrameworkNode.Aggregate("B", "B", "A"),
            FrameworkNode.Aggregate("C", "C", "C"),
        ]);
        var cycles = report.Problems.Where(p => p.Code == ProblemCode.FrameworkCycle).Select(p => p.Message).ToList();
        Assert.Equal(["Nodes form a cycle: A -> B -> A.", "Nodes form a cycle: C -> C."], cycles);
    }
}
