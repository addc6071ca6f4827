namespace ProvinceIct.Indicators.Tests.Cli;

public sealed partial class SeriesCommandTests
{
    // The five components of the 2006-2015 ICT Index for three units in two years; in 2011 Alpha has 0.9 everywhere.
    private const string Components2010 = "uCode,uName,htkt,htnl,ud,sxkd,mt_tccs\nA,Alpha,0.5,0.4,0.6,0.2,0.3\nB,Bravo,0.8,0.7,0.5,0.4,0.6\nC,Charlie,0.1,0.2,0.3,0.4,0.5\n";
    private const string Components2011 = "uCode,uName,htkt,htnl,ud,sxkd,mt_tccs\nA,Alpha,0.9,0.9,0.9,0.9,0.9\nB,Bravo,0.8,0.7,0.5,0.4,0.6\nC,Charlie,0.1,0.2,0.3,0.4,0.5\n";
    private const string Weights = "htkt=3,htnl=2,ud=2,sxkd=1,mt_tccs=2";

    [Fact]
    public void Series_VnIctIndex2006WithComponentWeights_RanksByHand()
    {
        var a = Write("c2010.csv", Components2010);
        var b = Write("c2011.csv", Components2011);
        var (code, output, err) = Run("series", "--data", a, "--data", b, "--preset", "vn-ict-index-2006", "--component-weights", Weights, "--format", "csv");
        Assert.True(code == 0, err);
        // weights 3:2:2:1:2 (sum 10); 2010: B (2.4 + 1.4 + 1.0 + 0.4 + 1.2) / 10 = 0.64, A 0.43, C 0.27 -> B 1, A 2, C 3
        // 2011: A 0.9 (every component 0.9), B 0.64, C 0.27 -> A 1, B 2, C 3
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("unit,name,y2010,y2011,change_base,successor", lines[0]);
        Assert.Equal(["A,Alpha,2,1,1,", "B,Bravo,1,2,-1,", "C,Charlie,3,3,0,"], lines[1..4]);
    }

    [Fact]
    public void Series_VnIctIndex2006WithoutWeights_RefusesToGuess()
    {
        var a = Write("c2010.csv", Components2010);
        var (code, _, err) = Run("series", "--data", a, "--preset", "vn-ict-index-2006");
        Assert.Equal(2, code);
        Assert.Contains("will not run without your weights", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_ComponentWeightsWithAnotherPreset_UsageError()
    {
        var a = Write("c2010.csv", Components2010);
        var (code, _, err) = Run("series", "--data", a, "--preset", "open-readiness-2016", "--component-weights", Weights);
        Assert.Equal(2, code);
        Assert.Contains("--component-weights is used only with --preset vn-ict-index-2006.", err, StringComparison.Ordinal);
    }
}
