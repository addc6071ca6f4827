using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class WhatIfTests
{
    [Fact]
    public void Compute_TinyAWithI1At10_MovesToSecond()
    {
        // i1 = 10, 5, 10 -> A 100, B 0, C 100; P1(A) = (300 + 100) / 4 = 100; index A = (200 + 0) / 3 = 200/3.
        // B: P1 = 12.5 = index; C: P1 = 75, index 250/3. Ranks C 1, A 2, B 3.
        var w = WhatIf.Compute(TinyIndex.Methodology(), TinyIndex.Data(), "A", [KeyValuePair.Create("i1", 10.0)]);
        AssertNumeric.Close(50.0 / 3, w.Index.ScoreBefore);
        AssertNumeric.Close(200.0 / 3, w.Index.ScoreAfter);
        Assert.Equal(3, w.Index.RankBefore);
        Assert.Equal(2, w.Index.RankAfter);
        Assert.Equal(1, w.Index.RankChange);
        AssertNumeric.Close(12.5, w.After.Score("B"));
        Assert.Equal("WhatIf A: index 16.67 -> 66.67, rank 3 -> 2", w.ToString());
        Assert.Contains("| IDX | 3 | 16.67 | 66.67 | 3 | 2 | +1 |", w.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_InvalidValue_ThrowsValidation() =>
        Assert.Throws<ValidationException>(() => WhatIf.Compute(TinyIndex.Methodology(), TinyIndex.Data(), "A", [KeyValuePair.Create("i1", 120.0)]));

    [Fact]
    public void ToTable_TinyAWithI1At10_IndexRowWithSignedChange()
    {
        // Index of A: 50/3 -> 200/3, rank 3 -> 2, change +1 (see above).
        var table = WhatIf.Compute(TinyIndex.Methodology(), TinyIndex.Data(), "A", [KeyValuePair.Create("i1", 10.0)]).ToTable();
        Assert.Equal("what-if", table.Name);
        Assert.Equal("What if unit A had i1 = 10", table.Title);
        var idx = table.Rows.Single(r => r[0].TextValue == "IDX");
        AssertNumeric.Close(50.0 / 3, idx[2].NumberValue);
        AssertNumeric.Close(200.0 / 3, idx[3].NumberValue);
        Assert.Equal((3.0, 2.0, 1.0), (idx[4].NumberValue, idx[5].NumberValue, idx[6].NumberValue));
        Assert.Equal("+1", idx[6].Display);
        Assert.EndsWith(",3,2,1", table.ToCsv().Split('\n').Single(l => l.StartsWith("IDX,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void ToTable_TinyAWithI1At10_TextMatchesSnapshot() =>
        Snapshot.Match(WhatIf.Compute(TinyIndex.Methodology(), TinyIndex.Data(), "A", [KeyValuePair.Create("i1", 10.0)]).ToTable().ToText());
}
