using System.Reflection;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Tests.Presets;

public class SeedObservationsTests
{
    private static string SeedText()
    {
        var full = "ProvinceIct.Indicators.Resources." + SeedObservations.FileName;
        using var stream = typeof(SeedObservations).Assembly.GetManifestResourceStream(full)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Table_EveryRowOfTheFile_Loaded()
    {
        Assert.Equal(52, SeedObservations.Table.Count);
        Assert.Equal([2011, 2012, 2019], SeedObservations.Table.Years.ToArray());
        Assert.Equal(["70", "74", "49", "66"], SeedObservations.Table.UnitCodes.ToArray());
    }

    [Theory]
    [InlineData("Bình Phước")]
    [InlineData("70")]
    [InlineData("binh phuoc")]
    public void Get_BinhPhuoc2012Computers_3339(string province)
    {
        var o = SeedObservations.Get(province, 2012, "computers_in_state_agencies");
        Assert.Equal(3339, o.Value);
        Assert.Equal("000_d8d01670e6b3fe2b.txt", o.Source);
        Assert.Contains("3.339 máy tính", o.Quote, StringComparison.Ordinal);
        Assert.Equal("Bình Phước", o.UnitName);
    }

    [Fact]
    public void Get_BinhPhuoc2012IctIndexRank_13() =>
        Assert.Equal(13, SeedObservations.Get("Bình Phước", 2012, "ict_index_rank").Value);

    [Fact]
    public void Get_Qualifier_Kept()
    {
        var o = SeedObservations.Get("Quảng Nam", 2012, "servers_in_state_agencies");
        Assert.Equal((87.0, "approximately", "count"), (o.Value, o.Qualifier, o.MeasureUnit));
    }

    [Fact]
    public void Get_DecimalSpending_InBillionVnd() =>
        Assert.Equal(15.875, SeedObservations.Get("Bình Phước", 2012, "it_spending_state_agencies").Value);

    [Fact]
    public void Query_ProvinceAcrossYears_BothEmailCounts()
    {
        var t = SeedObservations.Query("Bình Phước", indicator: "official_email_accounts");
        Assert.Equal([(2012, 2560.0), (2019, 5642.0)], t.Observations.Select(o => (o.Year!.Value, o.Value)));
    }

    [Fact]
    public void Query_YearToDataset_Wide()
    {
        var ds = SeedObservations.Query(year: 2012).ToDataset(2012);
        Assert.Equal(3, ds.UnitCount);
        Assert.Equal(3359, ds.Value("49", "computers_in_state_agencies"));
        Assert.True(double.IsNaN(ds.Value("74", "computers_in_state_agencies")));
    }

    [Fact]
    public void Query_UnknownProvinceOrIndicator_Throws()
    {
        Assert.Throws<ProvinceNotFoundException>(() => SeedObservations.Query("Atlantis"));
        Assert.Throws<KeyNotFoundException>(() => SeedObservations.Query(indicator: "nope"));
        Assert.Throws<KeyNotFoundException>(() => SeedObservations.Get("70", 2011, "ict_index_rank"));
    }

    [Fact]
    public void Read_EmbeddedText_SameAsTable() =>
        Assert.Equal(SeedObservations.Table.Observations.ToArray(), SeedObservations.Read(new StringReader(SeedText())).Value.Observations.ToArray());

    [Fact]
    public void Read_BadCopy_EveryKindViolationNamedWithLineAndColumn()
    {
        var lines = SeedText().Split('\n').ToList();
        // Line 4 (Bình Phước computers, count): a fraction. Line 6 (LAN and Internet, percent): above 100.
        lines[3] = lines[3].Replace(",3339,", ",3339.5,", StringComparison.Ordinal);
        lines[5] = lines[5].Replace(",100,", ",104.2,", StringComparison.Ordinal);
        var r = SeedObservations.Read(new StringReader(string.Join('\n', lines)), "bad_seed.csv");
        Assert.False(r.Success);
        Assert.Equal(
            [(ProblemCode.ValueOutOfRange, 4, "computers_in_state_agencies", "3339.5"), (ProblemCode.ValueOutOfRange, 6, "agencies_with_lan_and_internet_pct", "104.2")],
            r.Report.Problems.Select(p => (p.Code, p.Row!.Value, p.IndicatorCode!, p.Found!)));
        Assert.All(r.Report.Problems, p => Assert.Equal(("bad_seed.csv", (int?)5, "70"), (p.Source, p.Column, p.UnitCode)));
        Assert.StartsWith("bad_seed.csv:6:5: [ValueOutOfRange]", r.Report.Problems[1].ToString(), StringComparison.Ordinal);
        Assert.Equal("a percent in [0, 100]", r.Report.Problems[1].Expected);
    }

    [Fact]
    public void Read_UnknownIndicatorWrongNameMissingQuote_Reported()
    {
        const string Text = "province_code,province_name_vi,year,indicator,value,unit,qualifier,source,quote_vi\n"
            + "70,Bình Phước,2012,made_up,1,count,,a.txt,\"x\"\n"
            + "70,Bình Dương,2012,servers_in_state_agencies,1,count,,a.txt,\"x\"\n"
            + "70,Bình Phước,2012,servers_in_state_agencies,1,count,,a.txt,\n";
        var r = SeedObservations.Read(new StringReader(Text), "s.csv");
        Assert.Equal(
            [(ProblemCode.UnknownValue, 2, 4), (ProblemCode.UnknownValue, 3, 2), (ProblemCode.MissingValue, 4, 9)],
            r.Report.Problems.Select(p => (p.Code, p.Row!.Value, p.Column!.Value)));
    }

    [Fact]
    public void Load_BadCopy_ValidationException() =>
        Assert.Throws<ValidationException>(() => SeedObservations.Load(new StringReader("province_code,indicator,value\n70,ict_index_rank,64\n")));
}
