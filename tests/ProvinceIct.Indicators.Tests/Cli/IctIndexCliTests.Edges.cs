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
}
