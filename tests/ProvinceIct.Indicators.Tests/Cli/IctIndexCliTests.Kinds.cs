using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>The iMeta Kind column: documented in --help, with an example file in samples/data.</summary>
public sealed partial class IctIndexCliTests
{
    private static readonly string KindsMeta = RepositoryPaths.Get("samples/data/kinds-meta.csv");
    private static readonly string KindsData = RepositoryPaths.Get("samples/data/kinds-data.csv");

    [Fact]
    public void KindsSample_EveryKindOnce_ReadsAndComputes()
    {
        var meta = MetaCsv.Load(KindsMeta);
        Assert.Equal(
            ["percent", "share", "rate/10000", "count", "money[billion VND]", "score[0,100]", "yes-no", "service-level"],
            meta.Framework.Indicators.Select(d => d.Kind.ToString()));
        Assert.Equal(IndicatorKind.RatePer(10_000), meta.Framework["bts_per_10k"].Indicator!.Kind);

        var (code, output, err) = Run("compute", "--data", KindsData, "--meta", KindsMeta);
        Assert.True(code == 0, err);
        Assert.Contains("Bình Phước", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compute")]
    [InlineData("audit")]
    [InlineData("template")]
    public void Help_MetaOption_ListsTheKinds(string command)
    {
        var (code, output, _) = Run(command, "--help");
        Assert.Equal(0, code);
        var flat = string.Join(' ', output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("rate:N (>= 0, per N people)", flat, StringComparison.Ordinal);
        Assert.Contains("score:MIN:MAX", flat, StringComparison.Ordinal);
        Assert.Contains("samples/data/kinds-meta.csv", flat, StringComparison.Ordinal);
    }
}
