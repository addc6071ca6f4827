using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Errors;

public class CalculationExceptionTests
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly string[] EnglishWords = [" the ", " is ", " of ", " has ", " not ", " no ", " by ", " unit ", " row ", " cannot ", " must ", " values ", " every ", " weight "];

    /// <summary>Real calculation failures of the library, each thrown by a computation.</summary>
    public static TheoryData<string> Failures => ["constant", "screened", "geometric", "nothingToRank"];

    private static CalculationException Fail(string name) => Assert.Throws<CalculationException>(() =>
    {
        switch (name)
        {
            case "constant":
                // i1 is 4 for every unit: min-max has no spread
                IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data().WithColumn("i1", [4, 4, 4]));
                break;
            case "screened":
                // A and C lack i1, B lacks i3: screening at 1 (every indicator present) removes all three
                IndexCalculator.Compute(TinyIndex.Methodology().WithTreatment(TreatmentStep.Screen(1)), TinyIndex.Data().WithColumn("i1", [double.NaN, 5, double.NaN]).WithColumn("i3", [5, double.NaN, 15]));
                break;
            case "nothingToRank":
                // the index needs both pillars (threshold 1): B lacks P2 (i3), A and C lack P1 (i1 and i2)
                IndexCalculator.Compute(Methodology.Create("m", "m", TinyIndex.Framework(indexThreshold: 1), Normaliser.Identity), TinyIndex.Data().WithColumn("i1", [double.NaN, 5, double.NaN]).WithColumn("i2", [double.NaN, 20, double.NaN]));
                break;
            default: // geometric: identity normalisation keeps A's 0 on i1; a geometric mean needs values above zero
                IndexCalculator.Compute(Methodology.Create("m", "m", TinyIndex.Framework(Aggregator.GeometricMean), Normaliser.Identity), TinyIndex.Data());
                break;
        }
    });

    [Theory]
    [MemberData(nameof(Failures))]
    public void MessageIn_RealFailureInVietnamese_NoEnglishWords(string name)
    {
        var ex = Fail(name);

        var vi = " " + ex.MessageIn(Vi) + " ";

        Assert.NotEqual(ex.Message, vi.Trim());
        foreach (var word in EnglishWords)
        {
            Assert.False(vi.Contains(word, StringComparison.OrdinalIgnoreCase), name + ": '" + word.Trim() + "' in: " + vi);
        }
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void MessageIn_NullOrInvariant_SameAsMessage(string name)
    {
        var ex = Fail(name);

        Assert.Equal(ex.Message, ex.MessageIn(null));
        Assert.Equal(ex.Message, ex.MessageIn(CultureInfo.InvariantCulture));
        Assert.Equal(ex.Message, ex.MessageIn(CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Fact]
    public void MessageIn_ConstantIndicator_HandWrittenVietnameseAndUnchangedEnglish()
    {
        var ex = Fail("constant");

        Assert.Equal("Indicator 'i1' cannot be normalised by MinMax: its non-missing values have no spread (max = min = 4). Remove it, or ask for the midpoint of the output range for such a column: degenerate=midpoint in the method text, as in minmax(0,100,degenerate=midpoint) (DegenerateColumnPolicy.Midpoint in C#).", ex.Message);
        Assert.Equal("Không thể chuẩn hoá chỉ tiêu 'i1' bằng MinMax: các giá trị không thiếu của chỉ tiêu không có độ phân tán (max = min = 4). Hãy bỏ chỉ tiêu này, hoặc yêu cầu lấy điểm giữa của khoảng đầu ra cho cột như vậy: degenerate=midpoint trong chuỗi phương pháp, ví dụ minmax(0,100,degenerate=midpoint) (DegenerateColumnPolicy.Midpoint trong C#).", ex.MessageIn(Vi));
    }

    [Fact]
    public void MessageIn_PublicConstructor_MessageAsGiven()
    {
        var ex = new CalculationException(ProblemCode.InvalidParameter, "A plugin's own message.", "P1");

        Assert.Equal("A plugin's own message.", ex.MessageIn(Vi));
    }
}
