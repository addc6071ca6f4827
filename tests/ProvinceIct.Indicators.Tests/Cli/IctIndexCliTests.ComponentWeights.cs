using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed partial class IctIndexCliTests
{
    private const string Components2006 = "uCode,uName,htkt,htnl,ud,sxkd,mt_tccs\nA,Alpha,0.5,0.4,0.6,0.2,0.3\nB,Bravo,0.8,0.7,0.5,0.4,0.6\nC,Charlie,0.1,0.2,0.3,0.4,0.5\n";

    [Fact]
    public void Compute_VnIctIndex2006WithComponentWeights_WeightedMean()
    {
        var data = Write("components.csv", Components2006);
        var (code, output, err) = Run("compute", "--data", data, "--preset", "vn-ict-index-2006", "--component-weights", "htkt=0.3,htnl=0.2,ud=0.2,sxkd=0.1,mt_tccs=0.2", "--format", "csv");
        Assert.True(code == 0, err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.EndsWith(",ict_index,ict_index_rank", lines[0], StringComparison.Ordinal);
        // weights sum to 1, so the index is the weighted sum:
        // B: 0.3*0.8 + 0.2*0.7 + 0.2*0.5 + 0.1*0.4 + 0.2*0.6 = 0.24 + 0.14 + 0.10 + 0.04 + 0.12 = 0.64
        // A: 0.3*0.5 + 0.2*0.4 + 0.2*0.6 + 0.1*0.2 + 0.2*0.3 = 0.15 + 0.08 + 0.12 + 0.02 + 0.06 = 0.43
        // C: 0.3*0.1 + 0.2*0.2 + 0.2*0.3 + 0.1*0.4 + 0.2*0.5 = 0.03 + 0.04 + 0.06 + 0.04 + 0.10 = 0.27
        Assert.Equal([("B", 0.64, "1"), ("A", 0.43, "2"), ("C", 0.27, "3")], lines.Skip(1).Select(Index2006).Select(t => (t.Unit, Math.Round(t.Score, 12), t.Rank)));
    }

    [Fact]
    public void Compute_VnIctIndex2006RelativeWeights_SameAsNormalised()
    {
        // 3:2:2:1:2 is 0.3:0.2:0.2:0.1:0.2 scaled by 10; sum(w * c) / sum(w) is unchanged.
        var data = Write("components.csv", Components2006);
        var (code, output, err) = Run("compute", "--data", data, "--preset", "vn-ict-index-2006", "--component-weights", "htkt=3, htnl=2, ud=2, sxkd=1, mt_tccs=2", "--format", "csv");
        Assert.True(code == 0, err);
        var b = Index2006(output.Split('\n')[1]);
        Assert.Equal(("B", "1"), (b.Unit, b.Rank));
        AssertNumeric.Close(0.64, b.Score, 1e-12);
    }

    /// <summary>The unit, index score and index rank of a compute CSV line (the last two columns).</summary>
    private static (string Unit, double Score, string Rank) Index2006(string line)
    {
        var cells = line.Split(',');
        return (cells[0], double.Parse(cells[^2], System.Globalization.CultureInfo.InvariantCulture), cells[^1]);
    }

    [Fact]
    public void Compute_VnIctIndex2006WithoutWeights_Exit2Refuses()
    {
        var data = Write("components.csv", Components2006);
        var (code, _, err) = Run("compute", "--data", data, "--preset", "vn-ict-index-2006");
        Assert.Equal(2, code);
        Assert.Contains("will not run without your weights", err, StringComparison.Ordinal);
        Assert.Contains("--component-weights", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_VnIctIndex2006MissingComponent_Exit2NamesEachMissing()
    {
        var data = Write("components.csv", Components2006);
        var (code, _, err) = Run("compute", "--data", data, "--preset", "vn-ict-index-2006", "--component-weights", "htkt=0.3,htnl=0.2,ud=0.2");
        Assert.Equal(2, code);
        Assert.Contains("'sxkd'", err, StringComparison.Ordinal);
        Assert.Contains("'mt_tccs'", err, StringComparison.Ordinal);
        Assert.DoesNotContain("'htkt'", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("htkt=0.3,htkt=0.2")]
    [InlineData("htkt:0.3")]
    [InlineData("htkt=abc")]
    public void Compute_VnIctIndex2006MalformedWeights_Exit2(string weights)
    {
        var data = Write("components.csv", Components2006);
        var (code, _, err) = Run("compute", "--data", data, "--preset", "vn-ict-index-2006", "--component-weights", weights);
        Assert.Equal(2, code);
        Assert.Contains("--component-weights", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ComponentWeightsWithOtherPreset_Exit2()
    {
        var (code, _, err) = Run("compute", "--preset", "dti-2022", "--component-weights", "htkt=1");
        Assert.Equal(2, code);
        Assert.Contains("only with --preset vn-ict-index-2006", err, StringComparison.Ordinal);
    }
}
