using ProvinceIct.Indicators.Cli;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("compute", "compute", 0)]
    [InlineData("compte", "compute", 1)]
    [InlineData("--tpo", "--top", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("ab", "ba", 1)]
    public void Distance_KnownPairs_CountsEdits(string a, string b, int expected) =>
        Assert.Equal(expected, Suggestions.Distance(a, b));

    [Fact]
    public void Closest_OneEditAway_SuggestsItAndNotTheFarOnes()
    {
        Assert.Equal(["compute"], Suggestions.Closest("comptue", ["rank", "compute", "sample"]));
    }

    [Fact]
    public void Closest_CaseDiffers_StillMatches()
    {
        Assert.Equal(["rank"], Suggestions.Closest("RANKK", ["rank", "report"]));
    }

    [Fact]
    public void Closest_PrefixTyped_SuggestsTheLongerName()
    {
        Assert.Equal(["uncertainty"], Suggestions.Closest("uncert", ["uncertainty", "rank"]));
    }

    [Fact]
    public void Closest_ExactMatch_IsNotSuggested()
    {
        Assert.Empty(Suggestions.Closest("Rank", ["rank"]));
    }

    [Fact]
    public void Closest_NothingNear_IsEmpty()
    {
        Assert.Empty(Suggestions.Closest("xyzzy", ["rank", "compute", "sample"]));
    }

    [Fact]
    public void Closest_ManyEquallyNear_KeepsAtMostThreeInTheGivenOrder()
    {
        Assert.Equal(["dti-2020", "dti-2022", "dti-2024"], Suggestions.Closest("dti-2021", ["dti-2020", "dti-2022", "dti-2024", "dti-2026", "itu-idi-2017"]));
    }

    [Fact]
    public void DidYouMean_TwoEquallyClose_JoinsWithOr()
    {
        Assert.Equal(" Did you mean 'match' or 'watch'?", Suggestions.DidYouMean("latch", ["rank", "match", "watch"]));
    }

    [Fact]
    public void Closest_OneAtOneEditOneAtTwo_KeepsOnlyTheNearest()
    {
        Assert.Equal(["compute"], Suggestions.Closest("compte", ["compare", "compute"]));
    }

    [Fact]
    public void DidYouMean_NoneClose_IsEmpty()
    {
        Assert.Equal(string.Empty, Suggestions.DidYouMean("zz", ["rank"]));
    }

    [Fact]
    public void UnknownPreset_Mistyped_ListsThePresetsAndTheClosest()
    {
        Assert.Equal(
            "--preset: unknown preset 'dti2022'; the presets are: dti-2020, dti-2022, dti-2024, itu-idi-2017, open-readiness-2016, vn-ict-index-2016. Did you mean 'dti-2022'?",
            Suggestions.UnknownPreset("dti2022"));
    }

    [Fact]
    public void UnknownPreset_IctIndex2006_RefusesNamingTheMissingWeights()
    {
        var text = Suggestions.UnknownPreset("VN-ICT-INDEX-2006");
        Assert.Contains("will not run without your weights", text, StringComparison.Ordinal);
        Assert.Contains("htkt, htnl, ud, sxkd, mt_tccs", text, StringComparison.Ordinal);
    }
}
