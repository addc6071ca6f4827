using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed partial class IctIndexCliTests
{
    // Meta with COINr's optional columns: i1 is divided by pop; goalposts with scale 100; targets.
    private const string MetaOptional = """
        iCode,iName,Level,Parent,Direction,Weight,Type,Kind,Denominator,Target,goalpost_lower,goalpost_upper,goalpost_scale,goalpost_trunc2posts
        i1,Indicator 1,1,P1,1,3,Indicator,percent,pop,5,0,20,100,TRUE
        i2,Indicator 2,1,P1,-1,1,Indicator,percent,,20,0,40,100,TRUE
        i3,Indicator 3,1,P2,1,1,Indicator,count,,10,0,20,100,TRUE
        P1,Pillar 1,2,IDX,1,2,Aggregate,,,,,,,
        P2,Pillar 2,2,IDX,1,1,Aggregate,,,,,,,
        IDX,Index,3,,1,1,Aggregate,,,,,,,
        Group_region,Region,,,,,Group,,,,,,,
        pop,Population,,,,,Denominator,,,,,,,
        """;

    private const string DataWithPopulation = """
        uCode,uName,Group_region,i1,i2,i3,pop
        A,Alpha,North,0,10,5,2
        B,Bravo,South,5,20,NA,5
        C,Charlie,South,10,30,15,10
        """;

    private (int Code, string Out, string Err) Compute(params string[] extra) =>
        Run(["compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), "--format", "long-csv", .. extra]);

    private (int Code, string Out, string Err) ComputeOptional(params string[] extra) =>
        Run(["compute", "--data", Write("dp.csv", DataWithPopulation), "--meta", Write("mo.csv", MetaOptional), "--format", "long-csv", .. extra]);

    [Fact]
    public void Compute_ImputeMean_FillsWithColumnMean()
    {
        // B's i3 = mean(5, 15) = 10 -> min-max 50, second of three.
        var (code, output, err) = Compute("--impute", "mean");
        Assert.True(code == 0, err);
        Assert.Contains("B,Bravo,i3,1,50,2", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("group-mean:region")]
    [InlineData("group-median:Group_region")]
    public void Compute_ImputeByGroup_FillsFromTheUnitsRegion(string impute)
    {
        // B is in the South with C (15): i3 = 5, 15, 15 -> 0, 100, 100; B and C tie for rank 1.
        var (code, output, err) = Compute("--impute", impute);
        Assert.True(code == 0, err);
        Assert.Contains("B,Bravo,i3,1,100,1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ImputeUnknownGroup_Exit2ListsGroups()
    {
        var (code, _, err) = Compute("--impute", "group-mean:province");
        Assert.Equal(2, code);
        Assert.Contains("'province'", err, StringComparison.Ordinal);
        Assert.Contains("region", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ScreenAtOne_RemovesUnitWithMissingValueAndLogsIt()
    {
        var log = Path.Combine(Dir, "log.txt");
        var (code, output, err) = Compute("--screen", "1", "--log", log);
        Assert.True(code == 0, err);
        Assert.DoesNotContain("B,Bravo", output, StringComparison.Ordinal);
        // Two units: P1 A = (3 * 0 + 100) / 4 = 25, P2 A = 0, IDX A = 2 * 25 / 3.
        Assert.Contains("A,Alpha,IDX,3,16.666666666666668,2", output, StringComparison.Ordinal);
        var text = File.ReadAllText(log);
        Assert.Contains("TreatmentLog: 1 steps, 0 values changed, 1 units screened out", text, StringComparison.Ordinal);
        Assert.Contains("screened out B: 2/3 present (0.667), Removed", text, StringComparison.Ordinal);
        Assert.Contains("IDX", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_TreatWinsorise_FewValuesLeftUnchanged()
    {
        // Three values: G2 is undefined, the rule passes, nothing changes.
        var (code, output, err) = Compute("--treat", "winsorise:3", "--impute", "none", "--screen", "none");
        Assert.True(code == 0, err);
        Assert.Contains("A,Alpha,IDX,3,16.666666666666668,3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Denominate_DividesByTheMetaDenominator()
    {
        // i1 / pop = 0/2, 5/5, 10/10 = 0, 1, 1 -> 0, 100, 100; P1 B = (300 + 50) / 4 = 87.5; B has no P2: IDX B = 87.5.
        var (code, output, err) = ComputeOptional("--denominate");
        Assert.True(code == 0, err);
        Assert.Contains("B,Bravo,i1,1,100,1", output, StringComparison.Ordinal);
        Assert.Contains("B,Bravo,IDX,3,87.5,1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DenominateWithoutDenominators_Exit2()
    {
        var (code, _, err) = Compute("--denominate");
        Assert.Equal(2, code);
        Assert.Contains("Denominator", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("borda", "C,Charlie,i1,1,2,1")]               // ranks - 1 of 0, 5, 10
    [InlineData("categorical", "B,Bravo,i1,1,40,2")]          // 5 is at or above P15 = 1.5 and P25 = 2.5, below P65 = 6.5: category 2
    public void Compute_NewNormalisers_HandValues(string normaliser, string line)
    {
        var (code, output, err) = Compute("--normalise", normaliser);
        Assert.True(code == 0, err);
        Assert.Contains(line, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("minmax(1,100)", "B,Bravo,i1,1,50.5,2")]                  // (5 - 0) / (10 - 0) * 99 + 1
    [InlineData("minmax:1:100", "B,Bravo,i1,1,50.5,2")]                   // the old spelling, the same method
    [InlineData("dist-to-ref(B,cap=at-one)", "C,Charlie,i1,1,1,1")]       // 1 - (5 - 10) / (5 - 0) = 2, capped at 1
    [InlineData("percentile-rank(0,10)", "B,Bravo,i1,1,5,2")]             // rank 2 of 3: (2 - 1) / (3 - 1) * 10
    public void Compute_NormaliserInMethodText_HandValues(string normaliser, string line)
    {
        var (code, output, err) = Compute("--normalise", normaliser, "--impute", "mean");
        Assert.True(code == 0, err);
        Assert.Contains(line, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NormaliserTextWithBadArgument_Exit2NamingTheArgument()
    {
        var (code, _, err) = Compute("--normalise", "minmax(0,x)");
        Assert.Equal(2, code);
        Assert.Contains("minmax: argument 2 (upper) must be a number, found 'x'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_PluginFileMissing_Exit2()
    {
        var (code, _, err) = Compute("--plugin", Path.Combine(Dir, "nosuch.dll"));
        Assert.Equal(2, code);
        Assert.Contains("--plugin", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DistanceToReferenceUnit_HandValue()
    {
        // B is the reference (its missing i3 imputed with the mean, 10): i1 C = 1 - (5 - 10) / (5 - 0) = 2.
        var (code, output, err) = Compute("--normalise", "dist-to-ref:B", "--impute", "mean");
        Assert.True(code == 0, err);
        Assert.Contains("C,Charlie,i1,1,2,1", output, StringComparison.Ordinal);
        Assert.Contains("B,Bravo,i3,1,1,2", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("goalposts", "B,Bravo,i1,1,25,2")]            // (5 - 0) / (20 - 0) * 100 (goalpost_scale)
    [InlineData("goalposts", "A,Alpha,i2,1,75,1")]            // negative: (40 - 10) / (40 - 0) * 100
    [InlineData("dist-to-target", "C,Charlie,i1,1,2,1")]      // (10 - 0) / (5 - 0), no cap
    [InlineData("dist-to-target:cap", "C,Charlie,i1,1,1,1")]  // capped at 1
    public void Compute_MetaReferenceNormalisers_HandValues(string normaliser, string line)
    {
        var (code, output, err) = ComputeOptional("--normalise", normaliser);
        Assert.True(code == 0, err);
        Assert.Contains(line, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_LogGoalpostsWithoutReference_Exit3NamesIndicator()
    {
        var (code, _, err) = Compute("--normalise", "log-goalposts");
        Assert.Equal(3, code);
        Assert.Contains("'i1'", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("median", "A,Alpha,IDX,3,25,3")]    // P1 = median(0, 100) = 50 for every unit; IDX A = median(50, 0) = 25
    [InlineData("copeland", "A,Alpha,IDX,3,-2,3")]  // A loses both pairwise comparisons at P1 and at the index
    [InlineData("copeland", "C,Charlie,IDX,3,2,1")]
    public void Compute_NewAggregators_HandValues(string aggregator, string line)
    {
        var (code, output, err) = Compute("--aggregate", aggregator);
        Assert.True(code == 0, err);
        Assert.Contains(line, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mpi-")]
    [InlineData("mpi+")]
    [InlineData("ampi")]
    [InlineData("ampi+")]
    [InlineData("mean-min:0.5,1")]
    public void Compute_NodeAndPenaltyAggregators_Exit0(string aggregator)
    {
        var (code, output, err) = Compute("--aggregate", aggregator);
        Assert.True(code == 0, err);
        Assert.Contains("C,Charlie,IDX,3,", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--impute", "bogus")]
    [InlineData("--impute", "group-mean")]
    [InlineData("--screen", "1.5")]
    [InlineData("--screen", "most")]
    [InlineData("--treat", "clip")]
    [InlineData("--treat", "winsorise:x")]
    [InlineData("--normalise", "nosuch")]
    [InlineData("--normalise", "dist-to-ref")]
    [InlineData("--normalise", "dist-to-ref:Z")]
    [InlineData("--aggregate", "nosuch")]
    [InlineData("--aggregate", "mean-min")]
    [InlineData("--aggregate", "mean-min:x,1")]
    [InlineData("--aggregate", "mean-min:2,1")]
    public void Compute_BadTreatmentOrMethodValue_Exit2WithMessage(string option, string value)
    {
        var (code, output, err) = Compute(option, value);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
        Assert.Contains(value.Split(':')[0], err, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Compute_DistToRefProvinceName_SuggestsItsCode()
    {
        var (code, output, err) = Run("compute", "--preset", "open-readiness-2016", "--normalise", "dist-to-ref:Hanoi");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.EndsWith(
            "error: --normalise dist-to-ref:Hanoi: the data have no unit 'Hanoi' (give a unit code of the uCode column). Did you mean: 01 Hà Nội?\n",
            err.Replace("\r\n", "\n", StringComparison.Ordinal),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Uncertainty_ScreenAndImpute_SharedOptionsApplyToTheEmbeddedIndex()
    {
        // students_per_10k is missing for 18 provinces and poverty_pct for one: at availability 1 those 19 leave, 44 stay.
        var (code, output, err) = Run("uncertainty", "--runs", "8", "--weights-noise", "0.25", "--screen", "1", "--impute", "median", "--format", "csv");
        Assert.True(code == 0, err);
        Assert.Equal(44, output.TrimEnd('\n').Split('\n').Length - 1);
    }

    [Fact]
    public void Sensitivity_BadImpute_Exit2()
    {
        var (code, _, err) = Run("sensitivity", "--impute", "mode");
        Assert.Equal(2, code);
        Assert.Contains("--impute", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ScreenThenImputeByDefault_RemovesTheIncompleteUnit()
    {
        // Default order: screen (B has 2/3 < 1, removed), then impute; B is gone.
        var (code, output, err) = Compute("--screen", "1", "--impute", "mean");
        Assert.True(code == 0, err);
        Assert.DoesNotContain("B,Bravo", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_StepsImputeThenScreen_KeepsTheImputedUnit()
    {
        // Impute first: B's i3 = mean(5, 15) = 10, so B has 3/3 and passes the screen; i3 5, 10, 15 -> min-max 50, rank 2.
        var (code, output, err) = Compute("--screen", "1", "--impute", "mean", "--steps", "impute,screen");
        Assert.True(code == 0, err);
        Assert.Contains("B,Bravo,i3,1,50,2", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("impute,scren", "Unknown step 'scren' in --steps", "Did you mean 'screen'?")]
    [InlineData("impute,screen,impute", "--steps names 'impute' twice", "once")]
    [InlineData("impute", "--steps does not name the configured 'screen' step", "screen, impute")]
    [InlineData("impute,screen,treat", "--steps names 'treat', but there is no treat step", "give --treat")]
    [InlineData("impute,,screen", "found an empty name", "impute,,screen")]
    public void Compute_BadSteps_Exit2WithMessage(string steps, string message, string detail)
    {
        var (code, output, err) = Compute("--screen", "1", "--impute", "mean", "--steps", steps);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.Contains(detail, err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zeros:2", "'2' is not a share in [0, 1]")]
    [InlineData("zeros:0.1,0.2", "takes one share")]
    [InlineData("zero", "Did you mean 'zeros'?")]
    public void Compute_BadScreen_Exit2WithMessage(string screen, string message)
    {
        var (code, _, err) = Compute("--screen", screen);
        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }
}
