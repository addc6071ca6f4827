using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;

namespace ProvinceIct.Indicators.Tests.Errors;

public sealed class ValidationReportTests
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static ValidationReport TwoProblems() =>
        WideCsv.Read(new StringReader("uCode,i1,i2\nHN,x,3\nHP,4\n"), new WideCsvOptions { SourceName = "d.csv" }).Report;

    [Fact]
    public void Describe_Vietnamese_OneTranslatedLinePerProblem()
    {
        var report = TwoProblems();

        var lines = report.Describe(Vi).Split('\n');

        Assert.Equal(report.Problems.Length, lines.Length);
        Assert.Equal(report.Problems.Select(p => p.Describe(Vi)), lines);
        Assert.Contains(lines, l => l.StartsWith("d.csv:3: [RaggedRow] Dòng 3 có 2 ô; hàng tiêu đề có 3 ô.", StringComparison.Ordinal));
    }

    [Fact]
    public void Describe_NullOrOtherCulture_SameAsToString()
    {
        var report = TwoProblems();

        Assert.Equal(report.ToString(), report.Describe(null));
        Assert.Equal(report.ToString(), report.Describe(CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Fact]
    public void Describe_Valid_TheWordForValid()
    {
        Assert.Equal("hợp lệ", ValidationReport.Empty.Describe(Vi));
        Assert.Equal("valid", ValidationReport.Empty.Describe(CultureInfo.InvariantCulture));
    }
}
