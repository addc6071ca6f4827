using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Presets;

public class PresetCatalogTests
{
    public static TheoryData<string> PresetNames() => [.. PresetCatalog.Names];

    [Fact]
    public void Names_AreTheSixPresetsSorted() =>
        Assert.Equal(["dti-2020", "dti-2022", "dti-2024", "itu-idi-2017", "open-readiness-2016", "vn-ict-index-2016"], PresetCatalog.Names.ToArray());

    [Fact]
    public void All_FollowsNames() => Assert.Equal(PresetCatalog.Names, PresetCatalog.All.Select(i => i.Name));

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Get_EveryPreset_LoadsWithItsCodeTitleAndDescription(string name)
    {
        var m = PresetCatalog.Get(name);
        var info = PresetCatalog.Info(name);
        Assert.Equal(name, m.Code);
        Assert.Equal(info.Title, m.Name);
        Assert.False(string.IsNullOrWhiteSpace(m.Description));
        Assert.False(string.IsNullOrWhiteSpace(info.Source));
        Assert.False(string.IsNullOrWhiteSpace(info.Unknowns));
        Assert.False(string.IsNullOrWhiteSpace(info.Editions));
        Assert.Same(m, info.Methodology);
        Assert.True(m.Validate().IsValid);
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void JsonText_EveryPreset_RoundTripsExactly(string name)
    {
        var text = PresetCatalog.JsonText(name);
        Assert.Equal(text, MethodologyJson.Serialize(MethodologyJson.Deserialize(text)));
        Assert.Equal(text, MethodologyJson.Serialize(PresetCatalog.Get(name)));
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Get_EveryPreset_EffectiveWeightsSumToOne(string name)
    {
        var fw = PresetCatalog.Get(name).Framework;
        AssertNumeric.Close(1, fw.Indicators.Sum(i => fw.EffectiveWeight(i.Code)), 1e-12, name);
    }

    [Theory]
    [InlineData("vn-ict-index-2016.methodology.json")]
    [InlineData("dti-2020.methodology.json")]
    [InlineData("dti-2022.methodology.json")]
    [InlineData("dti-2024.methodology.json")]
    [InlineData("itu-idi-2017.methodology.json")]
    public void ResourceName_PresetFile_IsEmbeddedUnderPresetsFolder(string file)
    {
        // MSBuild's RecursiveDir gives "presets/" on Linux and macOS, "presets\" on Windows: the lookup accepts both.
        var name = PresetCatalog.ResourceName(file);
        Assert.Equal("ProvinceIct.Indicators.Resources.presets/" + file, name.Replace('\\', '/'));
        Assert.Contains(name, typeof(PresetCatalog).Assembly.GetManifestResourceNames());
    }

    [Theory]
    [InlineData("DTI-2022")]
    [InlineData("Dti-2022")]
    [InlineData("dti-2022")]
    public void Get_AnyCase_FindsPreset(string name) => Assert.Equal("dti-2022", PresetCatalog.Get(name).Code);

    [Fact]
    public void Get_Unknown_ThrowsListingKnownNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => PresetCatalog.Get("dti-2019"));
        Assert.Equal("name", ex.ParamName);
        Assert.Contains("'dti-2019'", ex.Message, StringComparison.Ordinal);
        foreach (var n in PresetCatalog.Names)
        {
            Assert.Contains(n, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Info_Unknown_Throws() => Assert.Throws<ArgumentException>(() => PresetCatalog.Info("idi"));

    [Fact]
    public void Get_Null_ThrowsArgumentNull() => Assert.Throws<ArgumentNullException>(() => PresetCatalog.Get(null!));

    [Theory]
    [InlineData("ITU-IDI-2017", true)]
    [InlineData("itu-idi-2023", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryGet_Name_ReportsPresence(string? name, bool found)
    {
        Assert.Equal(found, PresetCatalog.TryGet(name, out var m));
        Assert.Equal(found, m is not null);
        Assert.Equal(found, PresetCatalog.Contains(name));
    }

    [Fact]
    public void Get_OpenReadiness_IsTheEmbeddedDefault()
    {
        Assert.Same(OpenReadiness2016.Methodology, PresetCatalog.Get("open-readiness-2016"));
        Assert.Equal(OpenReadiness2016.MethodologyJsonText, PresetCatalog.JsonText("open-readiness-2016"));
    }

    [Fact]
    public void Get_VnIctIndex_IsPlainMeanOfThreeSharesWithIdentity()
    {
        var m = PresetCatalog.Get("vn-ict-index-2016");
        Assert.Equal("ict_index", m.Framework.IndexCode);
        Assert.Equal(["htkt", "htnl", "ud"], m.Framework.Indicators.Select(i => i.Code));
        Assert.All(m.Framework.Indicators, i => Assert.Equal(IndicatorKind.Share, i.Kind));
        Assert.All(m.Framework.Indicators, i => AssertNumeric.Close(1.0 / 3, m.Framework.EffectiveWeight(i.Code)));
        Assert.Equal(Normaliser.Identity, m.Normaliser);
        Assert.Contains("not published", m.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_Dti2020_WeightsFourThreeThree()
    {
        var m = PresetCatalog.Get("dti-2020");
        Assert.Equal([0.4, 0.3, 0.3], m.Framework.Indicators.Select(i => m.Framework[i.Code].Weight));
        Assert.Equal(["cqs", "kts", "xhs"], m.Framework.Indicators.Select(i => i.Code));
        Assert.Contains("1,000", m.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dti-2022")]
    [InlineData("dti-2024")]
    public void Get_Dti2022And2024_EightMainIndicesWithDecisionWeights(string name)
    {
        var m = PresetCatalog.Get(name);
        Assert.Equal("pdti", m.Framework.IndexCode);
        Assert.Equal(
            ["nhan_thuc_so:0.1", "the_che_so:0.1", "ha_tang_so:0.1", "nhan_luc_so:0.1", "an_toan_thong_tin_mang:0.1", "hoat_dong_cqs:0.2", "hoat_dong_kts:0.15", "hoat_dong_xhs:0.15"],
            m.Framework.Indicators.Select(i => i.Code + ":" + m.Framework[i.Code].Weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Get_Dti2024_SaysWeightsAreAssumedAndMergedUnitsAreMeans()
    {
        var d = PresetCatalog.Get("dti-2024").Description!;
        Assert.Contains("ASSUMPTION", d, StringComparison.Ordinal);
        Assert.Contains("mean of the main indices", d, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_ItuIdi_ReferenceValuesAndLogBandwidth()
    {
        var m = PresetCatalog.Get("itu-idi-2017");
        Assert.Equal("idi", m.Framework.IndexCode);
        Assert.Equal(
            "fixed_tel_per100=60 mobile_cellular_per100=120 intl_bandwidth_bps_per_user=2158212 households_computer_pct=100 households_internet_pct=100 " +
            "internet_users_pct=100 fixed_broadband_per100=60 mobile_broadband_per100=100 mean_years_schooling=15 gross_secondary_enrolment=100 gross_tertiary_enrolment=100",
            string.Join(" ", m.Framework.Indicators.Select(i => i.Code + "=" + i.ReferenceValue!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(Normaliser.ReferenceValue(0, 10), m.Normaliser);
        Assert.Equal(Normaliser.LogReference(0, 10), m.NormaliserFor("intl_bandwidth_bps_per_user"));
        Assert.Equal([5, 3, 3], new[] { "access", "use", "skills" }.Select(p => m.Framework.Children(p).Count()));
        Assert.Equal([0.4, 0.4, 0.2], new[] { "access", "use", "skills" }.Select(p => m.Framework[p].Weight));
    }

    [Fact]
    public void ToString_Info_IsNameTitleEditions() =>
        Assert.Equal("dti-2022: Provincial Digital Transformation Index (DTI) 2021-2023 (2021, 2022, 2023)", PresetCatalog.Info("dti-2022").ToString());

    [Theory]
    [InlineData("dti-2021")]
    [InlineData("DTI-2023")]
    public void Get_DtiEditionAlias_TheDecision922Methodology(string alias)
    {
        Assert.True(PresetCatalog.Contains(alias));
        Assert.Same(PresetCatalog.Get("dti-2022"), PresetCatalog.Get(alias));
        Assert.True(PresetCatalog.TryGet(alias, out var m));
        Assert.Equal("dti-2022", m!.Code);
        Assert.Equal("dti-2022", PresetCatalog.Info(alias).Name);
        Assert.Equal("dti-2022", PresetCatalog.Resolve(alias));
        Assert.DoesNotContain(alias, PresetCatalog.Names);
    }
}
