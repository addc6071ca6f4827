using ProvinceIct.Indicators.Definitions;

namespace ProvinceIct.Indicators.Tests.Model;

public class IndicatorKindTests
{
    public static TheoryData<string, double, bool> Cases => new()
    {
        { "count", 3339, true }, { "count", 0, true }, { "count", -1, false }, { "count", 2.5, false },
        { "share", 0, true }, { "share", 1, true }, { "share", 1.0001, false }, { "share", -0.1, false },
        { "percent", 100, true }, { "percent", 100.5, false }, { "percent", 92.3, true },
        { "yesno", 1, true }, { "yesno", 0.5, false }, { "yesno", 2, false },
        { "level", 4, true }, { "level", 0, false }, { "level", 3.5, false }, { "level", 5, false },
        { "rate", 12.3, true }, { "rate", -0.01, false },
        { "money", 15.875, true }, { "money", -3, false },
        { "score", 10, true }, { "score", 10.01, false }, { "score", -0.01, false },
        { "real", -1e300, true },
        { "percent", double.NaN, true }, { "count", double.PositiveInfinity, false }, { "real", double.NegativeInfinity, false },
    };

    private static IndicatorKind Kind(string name) => name switch
    {
        "count" => IndicatorKind.Count,
        "share" => IndicatorKind.Share,
        "percent" => IndicatorKind.Percent,
        "yesno" => IndicatorKind.YesNo,
        "level" => IndicatorKind.ServiceLevel,
        "rate" => IndicatorKind.RatePer(10_000),
        "money" => IndicatorKind.Money("million VND"),
        "score" => IndicatorKind.BoundedScore(0, 10),
        _ => IndicatorKind.Real,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Accepts_Value_FollowsKindRule(string kind, double value, bool expected) =>
        Assert.Equal(expected, Kind(kind).Accepts(value));

    [Fact]
    public void ToString_EveryKind_IsShortAndInvariant() =>
        Assert.Equal(
            "count share percent yes-no service-level rate/10000 money[million VND] score[0,10] real",
            string.Join(" ", new[] { "count", "share", "percent", "yesno", "level", "rate", "money", "score", "real" }.Select(k => Kind(k).ToString())));

    [Fact]
    public void BoundedScore_MinNotBelowMax_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IndicatorKind.BoundedScore(5, 5));

    [Fact]
    public void Expected_Percent_DescribesRange() =>
        Assert.Equal("a percent in [0, 100]", IndicatorKind.Percent.Expected);
}
