using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;

namespace ProvinceIct.Indicators.Tests.IO;

/// <summary>Province names in the unit column (<see cref="LongCsvOptions.MatchProvinces"/>).</summary>
public partial class LongCsvTests
{
    private static readonly LongCsvOptions Provinces2016 = Named with { MatchProvinces = ProvinceGeography.Provinces2016 };

    [Fact]
    public void Read_RealSpellingsWithMatchProvinces_GsoCodesAndCatalogueNames()
    {
        var t = Read("unit,indicator,value,unit_name\nTP. Hồ Chí Minh,x,1,\nBinh Phuoc,x,2,\nThừa Thiên - Huế,x,3,Huế\nDaklak,x,4,\nDaklak,y,5,\n", Provinces2016).Value;
        Assert.Equal(["79", "70", "46", "66", "66"], t.Observations.Select(o => o.UnitCode));
        Assert.Equal("Bình Phước", t.Observations[1].UnitName);
        Assert.Equal("Huế", t.Observations[2].UnitName);
    }

    [Fact]
    public void Read_UnknownProvinceName_UnknownValueWithLineColumnAndCandidates()
    {
        var p = Assert.Single(Read("indicator,unit,value\nx,Binh Phuc,1\n", Provinces2016).Report.Problems);
        Assert.Equal(ProblemCode.UnknownValue, p.Code);
        Assert.Equal(("obs.csv", 2, 2), (p.Source, p.Row, p.Column));
        Assert.Contains("did you mean 70 Bình Phước", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownProvinceNameVietnamese_NamesTheGeographyInVietnamese()
    {
        var p = Assert.Single(Read("indicator,unit,value\nx,Binh Phuc,1\n", Provinces2016).Report.Problems);
        var vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        Assert.Equal(
            "Đơn vị 'Binh Phuc' ở dòng 2, cột 2 ('unit'): không phải là mã TCTK (GSO) hay tên tỉnh/thành phố của địa giới hành chính 2016 (63 tỉnh/thành phố); có phải ý bạn là 70 Bình Phước, 26 Vĩnh Phúc, 60 Bình Thuận?",
            p.MessageIn(vi));
        Assert.Contains("of Provinces2016; did you mean", p.Message, StringComparison.Ordinal);
    }
}
