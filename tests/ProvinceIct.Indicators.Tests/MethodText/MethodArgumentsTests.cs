using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Tests.MethodText;

public class MethodArgumentsTests
{
    private static MethodArguments Of(string text) => new(MethodCall.Parse(text));

    [Fact]
    public void Number_ByPositionOrKeyOrDefault_Read()
    {
        var a = Of("minmax(1,upper=50)");

        Assert.Equal(1, a.Number(0, "lower", 0));
        Assert.Equal(50, a.Number(1, "upper", 100));
        Assert.Equal(7, a.Number(2, "other", 7));
    }

    [Fact]
    public void Number_NotANumber_ClearMessage()
    {
        var ex = Assert.Throws<ValidationException>(() => Of("minmax(0,x)").Number(1, "upper", 100));

        var problem = Assert.Single(ex.Report.Problems);
        Assert.Equal(ProblemCode.InvalidParameter, problem.Code);
        Assert.Equal("minmax: argument 2 (upper) must be a number, found 'x'.", problem.Message);
    }

    [Fact]
    public void Number_RequiredMissing_SaysSo()
    {
        var ex = Assert.Throws<ValidationException>(() => Of("generalised-mean").Number(0, "p"));
        Assert.Equal("generalised-mean: argument 1 (p) is missing; expected a number.", ex.Report.Problems[0].Message);
    }

    [Fact]
    public void EnsureAllRead_ExtraOrUnknown_Throws()
    {
        var extra = Of("rank(3)");
        Assert.Equal("rank: takes no arguments, found '3'.", Assert.Throws<ValidationException>(extra.EnsureAllRead).Report.Problems[0].Message);

        var unknown = Of("minmax(lowr=1)");
        unknown.Number(0, "lower", 0);
        Assert.Contains("unknown argument 'lowr=1'", Assert.Throws<ValidationException>(unknown.EnsureAllRead).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flag_WordAmongPositional_TakenOutOfPositions()
    {
        var a = Of("dist-to-ref(HN,cap,0,10)");

        Assert.True(a.Flag("cap"));
        Assert.Equal("HN", a.Text(0, "unit"));
        Assert.Equal(10, a.Number(2, "upper", 1));
        a.EnsureAllRead();
    }
}
