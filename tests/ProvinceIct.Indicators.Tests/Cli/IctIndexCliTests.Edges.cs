namespace ProvinceIct.Indicators.Tests.Cli;

public sealed partial class IctIndexCliTests
{
    [Fact]
    public void Compute_IndicatorEntirelyMissing_WarnsOnStderr()
    {
        const string data = """
            uCode,uName,Group_region,i1,i2,i3
            A,Alpha,North,0,10,NA
            B,Bravo,South,5,20,NA
            C,Charlie,South,10,30,NA
            """;
        var (code, output, err) = Run("compute", "--data", Write("d.csv", data), "--meta", Write("m.csv", Meta), "--format", "csv");
        Assert.Equal(0, code);
        Assert.Contains("warning: Indicator 'i3' is missing for every unit", err, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_AllMissing_FailsNamingWhy()
    {
        const string data = """
            uCode,uName,Group_region,i1,i2,i3
            A,Alpha,North,NA,NA,NA
            B,Bravo,South,NA,NA,NA
            """;
        var (code, output, err) = Run("compute", "--data", Write("d.csv", data), "--meta", Write("m.csv", Meta));
        Assert.NotEqual(0, code);
        Assert.Contains("error: Every value of every indicator", err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Compute_PowerOfOrder1e300_IsTheMaximumOfEachPillar()
    {
        // P1 = max(i1, i2) after min-max: A max(0, 100) = 100, B 50, C max(100, 0) = 100; P2 = i3: A 0, C 100.
        // IDX = max(P1, P2): A 100, B 50, C 100 (A and C tie).
        var (code, output, err) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), "--aggregate", "power:1e300", "--format", "csv");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, err);
        Assert.Contains("A,Alpha,0,3,100,1,0,2,100,1,0,2,100,1", output, StringComparison.Ordinal);
        Assert.Contains("C,Charlie,100,1,0,3,100,1,100,1,100,1,100,1", output, StringComparison.Ordinal);
        Assert.Contains("B,Bravo,50,2,50,2,,,50,3,,,50,3", output, StringComparison.Ordinal);
    }
}
