using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;

namespace ProvinceIct.Indicators.Tests.IO;

public class ReadResultTests
{
    private static readonly ValidationReport OneProblem = ValidationReport.Of([new ValidationProblem(ProblemCode.EmptyInput, "Nothing.") { Source = "f.csv" }]);

    [Fact]
    public void ForValue_Success_ValueAndEmptyReport()
    {
        var r = ReadResult<string>.ForValue("x", "f.csv");
        Assert.True(r.Success);
        Assert.Equal("x", r.Value);
        Assert.True(r.Report.IsValid);
        Assert.Null(r.Exception);
        Assert.True(r.TryGetValue(out var v));
        Assert.Equal("x", v);
        Assert.Equal("x", r.ValueOrDefault);
        Assert.Equal("Success (f.csv): x", r.ToString());
    }

    [Fact]
    public void ForFailure_Value_ThrowsValidationExceptionWithWholeReport()
    {
        var r = ReadResult<string>.ForFailure(OneProblem, "f.csv");
        Assert.False(r.Success);
        Assert.False(r.TryGetValue(out _));
        Assert.Null(r.ValueOrDefault);
        var ex = Assert.Throws<ValidationException>(() => r.Value);
        Assert.Same(OneProblem, ex.Report);
        Assert.Equal("f.csv", ex.What);
        Assert.Throws<ValidationException>(() => r.GetValueOrThrow());
        Assert.Equal("Failure (f.csv): 1 problem", r.ToString());
    }

    [Fact]
    public void ForFailure_EmptyReport_Throws() =>
        Assert.Throws<ArgumentException>(() => ReadResult<string>.ForFailure(ValidationReport.Empty, "f"));
}
