namespace ProvinceIct.Indicators.Tests.Cli;

public sealed partial class CompareCommandTests
{
    [Fact]
    public void Compare_BeforePublishedIctIndex2016_NoteAndSummaryFirst()
    {
        var (code, output, err) = Run("compare", "--before-published", "ict-index-2016", "--after-preset", "open-readiness-2016");
        Assert.True(code == 0, err);
        var lines = output.Split('\n');
        Assert.StartsWith("Illustrative index built from open data (GSO 2016, VCCI PCI 2016); not the official Vietnam ICT Index.", lines[0], StringComparison.Ordinal);
        Assert.Equal("7 units with both ranks: Spearman rank correlation 0.929, mean absolute rank difference 9.00, 5 within ±5 places.", lines[1]);
        Assert.Matches(@"^48 +Đà Nẵng +both +1 +- +0\.8321 +90\.4547 +1 +0 ", Assert.Single(lines, l => l.StartsWith("48 ", StringComparison.Ordinal)));
        Assert.Matches(@"^70 +Bình Phước +computed only +- +- +- +53\.\d+ +17 +- +-$", Assert.Single(lines, l => l.StartsWith("70 ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Compare_BeforePublishedDti2022_PresetRunsOnItsSampleAsCsv()
    {
        var (code, output, err) = Run("compare", "--before-published", "DTI-2022", "--after-preset", "dti-2022", "--format", "csv");
        Assert.True(code == 0, err);
        var lines = output.Split('\n');
        Assert.Equal("unit,name,status,published_rank,rank_as_published,published_score,computed_score,computed_rank,difference,source", lines[0]);
        Assert.StartsWith("48,Đà Nẵng,both,1,,0.8002,0.800175,1,0,", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("20,Lạng Sơn,published only,6,,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--before-preset", "dti-2022", "leave out --before-preset")]
    [InlineData("--reorganise", null, "--reorganise cannot be used with it")]
    public void Compare_BeforePublishedWithAnotherBeforeOption_UsageError(string option, string? value, string message)
    {
        string[] args = ["compare", "--before-published", "dti-2022", "--after-preset", "dti-2022", option, .. value is null ? Array.Empty<string>() : [value]];
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_BeforePublishedUnknown_ListsEditions()
    {
        var (code, _, err) = Run("compare", "--before-published", "ict-index-2013", "--after-preset", "open-readiness-2016");
        Assert.Equal(2, code);
        Assert.Contains("no published edition 'ict-index-2013'. The editions: ict-index-2006,", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Compare_NamesBeforePublished()
    {
        var (_, output, _) = Run("compare", "--help");
        Assert.Contains("--before-published", output, StringComparison.Ordinal);
        Assert.Contains("ict-index-2016", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_VnIctIndex2006BothSidesWithComponentWeights_SpearmanByHand()
    {
        var a = Write("c2010.csv", "uCode,uName,htkt,htnl,ud,sxkd,mt_tccs\nA,Alpha,0.5,0.4,0.6,0.2,0.3\nB,Bravo,0.8,0.7,0.5,0.4,0.6\nC,Charlie,0.1,0.2,0.3,0.4,0.5\n");
        var b = Write("c2011.csv", "uCode,uName,htkt,htnl,ud,sxkd,mt_tccs\nA,Alpha,0.9,0.9,0.9,0.9,0.9\nB,Bravo,0.8,0.7,0.5,0.4,0.6\nC,Charlie,0.1,0.2,0.3,0.4,0.5\n");
        var (code, output, err) = Run("compare", "--before-preset", "vn-ict-index-2006", "--before-data", a, "--after-preset", "vn-ict-index-2006", "--after-data", b,
            "--component-weights", "htkt=3,htnl=2,ud=2,sxkd=1,mt_tccs=2", "--top", "0");
        Assert.True(code == 0, err);
        // ranks before (A 2, B 1, C 3), after (A 1, B 2, C 3): d = 1, -1, 0, sum d^2 = 2, rho = 1 - 6 * 2 / (3 * 8) = 0.5
        Assert.StartsWith("Comparison of vn-ict-index-2006 (before) and vn-ict-index-2006 (after): 3 units matched, Spearman rank correlation 0.500, mean absolute rank change 0.67.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ComponentWeightsWithoutThe2006Preset_UsageError()
    {
        var (code, _, err) = Run("compare", "--before-preset", "open-readiness-2016", "--after-preset", "open-readiness-2016", "--component-weights", "htkt=1");
        Assert.Equal(2, code);
        Assert.Contains("--component-weights is used only with --before-preset or --after-preset vn-ict-index-2006.", err, StringComparison.Ordinal);
    }
}
