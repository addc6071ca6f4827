using System.Globalization;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Ranking;

namespace ProvinceIct.Indicators.Tests.IO;

/// <summary>The problems of a saved result's checks, rendered in Vietnamese.</summary>
public partial class ResultJsonTests
{
    public static TheoryData<string, double?[], double?[], TiePolicy> BadResults => new()
    {
        { "rank out of range", [30, 20, 10], [1, 2, 99], TiePolicy.Competition },
        { "half rank out of range", [30, 20, 10], [1, 2, 3.5], TiePolicy.Fractional },
        { "ranks swapped", [30, 20, 10], [2, 1, 3], TiePolicy.Competition },
        { "ordinal ranks swapped", [30, 20, 10], [2, 1, 3], TiePolicy.Ordinal },
        { "rank without score", [30, 20, null], [1, 2, 3], TiePolicy.Competition },
        { "score without rank", [30, 20, 10], [1, 2, null], TiePolicy.Competition },
    };

    [Theory]
    [MemberData(nameof(BadResults))]
    public void Read_BadRanksInVietnamese_NoEnglishWords(string name, double?[] scores, double?[] ranks, TiePolicy ties)
    {
        var r = ResultJson.Read(WithNode0(scores, ranks, ties));

        Assert.NotEmpty(r.Report.Problems);
        foreach (var p in r.Report.Problems)
        {
            var vi = " " + p.Describe(CultureInfo.GetCultureInfo("vi-VN")) + " ";
            foreach (var word in new[] { " the ", " is ", " of ", " gives ", " rank ", " ranks ", " unit ", " entry ", " score ", " expected ", " found ", " whole ", " number ", " not " })
            {
                Assert.False(vi.Contains(word, StringComparison.OrdinalIgnoreCase), name + ": '" + word.Trim() + "' in: " + vi);
            }
        }
    }

    [Fact]
    public void Read_RankAboveUnitCountInVietnamese_HandWrittenMessage()
    {
        var p = OnlyProblem(WithNode0([30, 20, 10], [1, 2, 99]));

        Assert.Equal("Nút 'i1' cho đơn vị \"C\" (mục 3) hạng 99; hạng của 3 đơn vị có điểm là số nguyên từ 1 đến 3.", p.MessageIn(CultureInfo.GetCultureInfo("vi-VN")));
        Assert.Equal("Node 'i1' gives unit \"C\" (entry 3) rank 99; ranks of 3 scored units are whole numbers from 1 to 3.", p.Message);
    }
}
