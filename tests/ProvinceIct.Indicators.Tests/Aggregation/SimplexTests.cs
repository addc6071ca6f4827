using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Aggregation;

/// <summary>The internal dense simplex: textbook optima, degeneracy (Beale's cycling example), unbounded and infeasible problems.</summary>
public class SimplexTests
{
    private static (SimplexStatus Status, double Value, double[] X) Solve(double[,] a, double[] b, double[] c, double[]? lower = null, double[]? upper = null)
    {
        var m = b.Length;
        var k = c.Length;
        var flat = new double[m * k];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < k; j++)
            {
                flat[(i * k) + j] = a[i, j];
            }
        }

        var rows = m + k;
        var x = new double[k];
        var status = Simplex.Maximise(flat, b, c, lower ?? [], upper ?? [], x, out var value,
            new double[Simplex.TableauLength(rows, k, rows)], new int[Simplex.BasisLength(rows)]);
        return (status, value, x);
    }

    [Fact]
    public void Maximise_TextbookProblem_OptimumAtVertex()
    {
        // max 3x + 5y s.t. x <= 4, 2y <= 12, 3x + 2y <= 18: optimum 36 at (2, 6) (Hillier and Lieberman's Wyndor Glass)
        var (status, value, x) = Solve(new double[,] { { 1, 0 }, { 0, 2 }, { 3, 2 } }, [4, 12, 18], [3, 5]);
        Assert.Equal(SimplexStatus.Optimal, status);
        AssertNumeric.Close(36, value);
        AssertNumeric.Close([2, 6], x);
    }

    [Fact]
    public void Maximise_BealeCyclingExample_TerminatesAtOptimum()
    {
        // Beale (1955): Dantzig's rule with the lowest-index leaving row cycles; the anti-cycling rule reaches
        // 3/4 x1 - 20 x2 + 1/2 x3 - 6 x4 = 5/4 at (1, 0, 1, 0).
        var a = new double[,] { { 0.25, -8, -1, 9 }, { 0.5, -12, -0.5, 3 }, { 0, 0, 1, 0 } };
        var (status, value, x) = Solve(a, [0, 0, 1], [0.75, -20, 0.5, -6]);
        Assert.Equal(SimplexStatus.Optimal, status);
        AssertNumeric.Close(1.25, value);
        AssertNumeric.Close([1, 0, 1, 0], x);
    }

    [Fact]
    public void Maximise_DegenerateVertex_Optimal()
    {
        // max x + y s.t. x + y <= 1, x <= 1, y <= 1, x - y <= 0, 2x + 2y <= 2: a duplicated row and a zero right-hand side
        // make the origin and the optimal face degenerate; optimum 1
        var (status, value, x) = Solve(new double[,] { { 1, 1 }, { 1, 0 }, { 0, 1 }, { 1, -1 }, { 2, 2 } }, [1, 1, 1, 0, 2], [1, 1]);
        Assert.Equal(SimplexStatus.Optimal, status);
        AssertNumeric.Close(1, value);
        AssertNumeric.Close(1, x[0] + x[1]);
    }

    [Fact]
    public void Maximise_ZeroObjective_OptimalAtOrigin()
    {
        var (status, value, x) = Solve(new double[,] { { 1, 1 } }, [1], [0, 0]);
        Assert.Equal(SimplexStatus.Optimal, status);
        Assert.Equal(0, value);
        Assert.Equal([0, 0], x);
    }

    [Fact]
    public void Maximise_Unbounded_Reported()
    {
        // max x + y s.t. x - y <= 1: y grows without limit
        Assert.Equal(SimplexStatus.Unbounded, Solve(new double[,] { { 1, -1 } }, [1], [1, 1]).Status);
    }

    [Fact]
    public void Maximise_NegativeRightHandSide_PhaseOneFindsOptimum()
    {
        // min x + y s.t. x + 2y >= 4, 3x + y >= 6, as max -(x + y) with -x - 2y <= -4, -3x - y <= -6:
        // the vertex x + 2y = 4, 3x + y = 6 is (8/5, 6/5), x + y = 14/5 (the others: (0, 6) -> 6, (4, 0) -> 4)
        var (status, value, x) = Solve(new double[,] { { -1, -2 }, { -3, -1 } }, [-4, -6], [-1, -1]);
        Assert.Equal(SimplexStatus.Optimal, status);
        AssertNumeric.Close(-2.8, value);
        AssertNumeric.Close([1.6, 1.2], x);
    }

    [Fact]
    public void Maximise_Infeasible_Reported()
    {
        // x >= 2 (as -x <= -2) and x <= 1
        Assert.Equal(SimplexStatus.Infeasible, Solve(new double[,] { { -1 }, { 1 } }, [-2, 1], [1]).Status);
        // x + y <= 1 with lower bounds 1, 1
        Assert.Equal(SimplexStatus.Infeasible, Solve(new double[,] { { 1, 1 } }, [1], [1, 1], [1, 1]).Status);
        // an upper bound below the lower bound
        Assert.Equal(SimplexStatus.Infeasible, Solve(new double[,] { { 1, 1 } }, [10], [1, 1], [2, 0], [1, 5]).Status);
    }

    [Fact]
    public void Maximise_Bounds_SubstitutedAndAdded()
    {
        // max x + 2y s.t. x + y <= 10, 1 <= x <= 3, y <= 4: y = 4 and x = 3 -> 11
        var (status, value, x) = Solve(new double[,] { { 1, 1 } }, [10], [1, 2], [1, 0], [3, 4]);
        Assert.Equal(SimplexStatus.Optimal, status);
        AssertNumeric.Close(11, value);
        AssertNumeric.Close([3, 4], x);
        // max -x s.t. x <= 5 with x >= 2: the lower bound is the optimum, -2
        var (s2, v2, x2) = Solve(new double[,] { { 1 } }, [5], [-1], [2], [double.PositiveInfinity]);
        Assert.Equal(SimplexStatus.Optimal, s2);
        AssertNumeric.Close(-2, v2);
        AssertNumeric.Close(2, x2[0]);
    }

    [Fact]
    public void Maximise_WithScratch_AllocatesNothing()
    {
        double[] a = [1, 0, 0, 2, 3, 2];
        double[] b = [4, 12, 18];
        double[] c = [3, 5];
        var x = new double[2];
        var t = new double[Simplex.TableauLength(3, 2, 3)];
        var basis = new int[Simplex.BasisLength(3)];
        Simplex.Maximise(a, b, c, [], [], x, out _, t, basis);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var status = Simplex.Maximise(a, b, c, [], [], x, out var value, t, basis);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(SimplexStatus.Optimal, status);
        AssertNumeric.Close(36, value);
    }

    [Fact]
    public void Maximise_RandomFeasibleProblems_OptimumSatisfiesConstraintsAndBeatsVertices()
    {
        // Seeded random LPs with A >= 0, b > 0 (bounded, origin feasible): the optimum is feasible and at least as good
        // as every unit vector scaled to the boundary.
        var rng = new Random(20261122);
        for (var trial = 0; trial < 200; trial++)
        {
            var m = rng.Next(1, 8);
            var k = rng.Next(1, 6);
            var a = new double[m, k];
            var b = new double[m];
            var c = new double[k];
            for (var i = 0; i < m; i++)
            {
                b[i] = rng.Next(0, 3) == 0 ? 0 : rng.NextDouble() + 0.1; // some degenerate rows
                for (var j = 0; j < k; j++)
                {
                    a[i, j] = rng.Next(0, 4) == 0 ? 0 : Math.Round(rng.NextDouble(), 2) + 0.01;
                }
            }

            for (var j = 0; j < k; j++)
            {
                c[j] = Math.Round(rng.NextDouble(), 2);
            }

            // every column bounded by a full row so the problem is bounded
            for (var j = 0; j < k; j++)
            {
                a[0, j] = Math.Max(a[0, j], 0.05);
            }

            var (status, value, x) = Solve(a, b, c);
            Assert.Equal(SimplexStatus.Optimal, status);
            for (var i = 0; i < m; i++)
            {
                var lhs = 0.0;
                for (var j = 0; j < k; j++)
                {
                    lhs += a[i, j] * x[j];
                    Assert.True(x[j] >= -1e-12);
                }

                Assert.True(lhs <= b[i] + 1e-9, $"trial {trial}: row {i} violated");
            }

            for (var j = 0; j < k; j++)
            {
                var t = double.PositiveInfinity;
                for (var i = 0; i < m; i++)
                {
                    t = a[i, j] > 0 ? Math.Min(t, b[i] / a[i, j]) : t;
                }

                Assert.True(value >= (c[j] * t) - 1e-9, $"trial {trial}: vertex {j} beats the optimum");
            }
        }
    }
}
