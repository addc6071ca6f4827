using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Tests.MethodText;

public class MethodCallTests
{
    [Theory]
    [InlineData("minmax(0,100)", "minmax", "0|100", "")]
    [InlineData("rank", "rank", "", "")]
    [InlineData("  MinMax ( 1 , 100 ) ", "minmax", "1|100", "")]
    [InlineData("dist-to-ref(HN,0,1,cap=at-one)", "dist-to-ref", "HN|0|1", "cap=at-one")]
    [InlineData("minmax:1:100", "minmax", "1|100", "")]
    [InlineData("minmax[0,100]", "minmax", "0|100", "")]
    [InlineData("dist-to-ref(HN,cap)[0,1]", "dist-to-ref", "HN|cap|0|1", "")]
    [InlineData("mean-min:0.5,1", "mean-min", "0.5|1", "")]
    [InlineData("zscore(m=0,s=1)", "zscore", "", "m=0|s=1")]
    [InlineData("mpi-", "mpi-", "", "")]
    public void Parse_CanonicalAndOldSpellings_NameAndArguments(string text, string name, string positional, string named)
    {
        var call = MethodCall.Parse(text);

        Assert.Equal(name, call.Name);
        Assert.Equal(positional, string.Join("|", call.Positional));
        Assert.Equal(named, string.Join("|", call.Named.Select(kv => kv.Key + "=" + kv.Value)));
    }

    [Theory]
    [InlineData("minmax(0,,1)", 10)]   // m-i-n-m-a-x-( = 7 characters, '0' at 8, ',' at 9, the empty argument at 10
    [InlineData("minmax(0,1", 11)]     // the text ends where ',' or ')' was expected
    [InlineData("(0,1)", 1)]           // no name
    [InlineData("minmax(0,1) x", 13)]  // text after the call
    public void Read_Malformed_ProblemNamesTheColumn(string text, int column)
    {
        var result = MethodCall.Read(text);

        Assert.False(result.Success);
        var problem = Assert.Single(result.Report.Problems);
        Assert.Equal(ProblemCode.MalformedInput, problem.Code);
        Assert.Equal(column, problem.Column);
        Assert.Contains("column " + column, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Malformed_ThrowsValidationException() =>
        Assert.Throws<ValidationException>(() => MethodCall.Parse("minmax(0,,1)"));

    [Fact]
    public void ToString_Numbers_InvariantRoundTripAndNoParenthesesWithoutArguments()
    {
        // 0.1 + 0.2 = 0.30000000000000004 in binary floating point: "R" keeps every digit.
        var call = MethodCall.Create("Generalised-Mean").With(0.1 + 0.2).With(-1e300).With("key", double.PositiveInfinity);

        Assert.Equal("generalised-mean(0.30000000000000004,-1E+300,key=Infinity)", call.ToString());
        Assert.Equal("rank", MethodCall.Create("rank").ToString());
        Assert.Equal(call, MethodCall.Parse(call.ToString()));
    }

    [Fact]
    public void Create_BadNameOrArgument_Throws()
    {
        Assert.Throws<ArgumentException>(() => MethodCall.Create("min max"));
        Assert.Throws<ArgumentException>(() => MethodCall.Create("minmax").With("a,b"));
    }
}
