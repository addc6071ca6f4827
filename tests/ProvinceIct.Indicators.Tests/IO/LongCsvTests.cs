using System.Collections.Immutable;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Tests.IO;

public partial class LongCsvTests
{
    private static readonly LongCsvOptions Named = LongCsvOptions.Default with { SourceName = "obs.csv" };

    private static ReadResult<ObservationTable> Read(string text, LongCsvOptions? options = null) =>
        LongCsv.Read(new StringReader(text), options ?? Named);

    [Fact]
    public void Read_MinimalColumns_Observations()
    {
        var t = Read("unit,indicator,value\n70,servers,105\n74,servers,145\n").Value;
        Assert.Equal(2, t.Count);
        Assert.Equal(Observation.Create("70", "servers", 105), t.Observations[0]);
        Assert.Equal(2, t.Observations[0].Line);
        Assert.Null(t.Observations[0].Year);
        Assert.Equal("obs.csv", t.SourceName);
    }

    [Fact]
    public void Read_AlternativeHeadersAnyCaseAndOrder_Recognised()
    {
        var t = Read("Year,VALUE,Indicator_Code,UNIT_CODE,Source\n2012,3339,computers,70,report.txt\n").Value;
        var o = Assert.Single(t.Observations);
        Assert.Equal(("70", "computers", 3339.0, (int?)2012, "report.txt"), (o.UnitCode, o.IndicatorCode, o.Value, o.Year, o.Source));
    }

    [Fact]
    public void Read_ColumnNamesOption_MapsOtherHeaders()
    {
        var options = Named with
        {
            ColumnNames = ImmutableDictionary<string, LongColumn>.Empty.Add("province_code", LongColumn.Unit).Add("unit", LongColumn.MeasureUnit),
        };
        var o = Read("province_code,indicator,value,unit\n70,spend,\"15.875\",billion VND\n", options).Value.Observations[0];
        Assert.Equal(("70", "billion VND"), (o.UnitCode, o.MeasureUnit));
    }

    [Theory]
    [InlineData("")]
    [InlineData("NA")]
    [InlineData("NaN")]
    [InlineData("..")]
    public void Read_MissingMark_NaN(string mark) =>
        Assert.True(double.IsNaN(Read("unit,indicator,value\nA,x," + mark + "\n").Value.Observations[0].Value));

    [Fact]
    public void Read_VietnameseNumbers_ReadUnderThatPolicyOnly()
    {
        const string Text = "unit,indicator,value\n70,computers,3.339\n70,spend,\"15,875\"\n66,lan,\"92,3%\"\n";
        var vi = Read(Text, Named with { NumberCulture = NumberCulture.Vietnamese }).Value;
        Assert.Equal([3339, 15.875, 92.3], vi.Observations.Select(o => o.Value));

        // Under the default (invariant) policy the comma values are reported, never reinterpreted.
        var inv = Read(Text);
        Assert.Equal([3, 4], inv.Report.Problems.Select(p => p.Row!.Value));
        Assert.All(inv.Report.Problems, p => Assert.Equal(ProblemCode.NotANumber, p.Code));
    }

    [Fact]
    public void Read_BadFile_EveryProblemWithFileLineColumnValueAndExpected()
    {
        var r = Read("unit,indicator,value,year\n70,a,1,2012\n70,b,12x,2012\n,c,1,2012\n70,d,1,20x2\n70,e,1\n70,f,Infinity,2012\n");
        Assert.False(r.Success);
        var p = r.Report.Problems;
        Assert.Equal(
            [
                (ProblemCode.NotANumber, 3, (int?)3, "12x"),
                (ProblemCode.MissingValue, 4, 1, "\"\""),
                (ProblemCode.NotANumber, 5, 4, "20x2"),
                (ProblemCode.RaggedRow, 6, null, "3 cells"),
                (ProblemCode.NonFiniteValue, 7, 3, "Infinity"),
            ],
            p.Select(x => (x.Code, x.Row!.Value, x.Column, x.Found!)));
        Assert.All(p, x => Assert.Equal("obs.csv", x.Source));
        Assert.All(p, x => Assert.False(string.IsNullOrEmpty(x.Expected)));
        Assert.StartsWith("obs.csv:3:3: [NotANumber]", p[0].ToString(), StringComparison.Ordinal);
        Assert.Equal(("70", "b"), (p[0].UnitCode, p[0].IndicatorCode));
    }

    [Fact]
    public void Read_MissingRequiredColumns_EachReported()
    {
        var r = Read("unit,year\n70,2012\n");
        Assert.Equal(2, r.Report.Problems.Length);
        Assert.All(r.Report.Problems, p => Assert.Equal(ProblemCode.MissingColumn, p.Code));
    }

    [Fact]
    public void Read_TwoColumnsForUnit_DuplicateHeader()
    {
        var p = Assert.Single(Read("unit,unit_code,indicator,value\n70,70,a,1\n").Report.Problems);
        Assert.Equal((ProblemCode.DuplicateHeader, 1, (int?)2), (p.Code, p.Row!.Value, p.Column));
    }

    [Fact]
    public void Read_IndicatorsOption_UnknownCodeAndKindViolationReported()
    {
        var options = Named with
        {
            Indicators = [IndicatorDefinition.Create("pct", "A percent", IndicatorKind.Percent), IndicatorDefinition.Create("n", "A count", IndicatorKind.Count)],
        };
        var p = Read("unit,indicator,value\n70,pct,100.5\n70,n,2.5\n70,zzz,1\n70,pct,\n", options).Report.Problems;
        Assert.Equal(
            [(ProblemCode.ValueOutOfRange, 2, 3), (ProblemCode.ValueOutOfRange, 3, 3), (ProblemCode.UnknownValue, 4, 2)],
            p.Select(x => (x.Code, x.Row!.Value, x.Column!.Value)));
        Assert.Equal("a percent in [0, 100]", p[0].Expected);
        Assert.Equal("100.5", p[0].Found);
    }

    [Fact]
    public void Read_HeaderOnly_EmptyTable() => Assert.Equal(0, Read("unit,indicator,value\n").Value.Count);

    [Fact]
    public void Read_UnterminatedQuote_MalformedInput() =>
        Assert.Equal(ProblemCode.MalformedInput, Assert.Single(Read("unit,indicator,value\n70,a,\"1\n").Report.Problems).Code);

    [Fact]
    public void WriteThenRead_AllFieldsNaNAndQuotes_SameObservations()
    {
        var original = ObservationTable.Create(
        [
            Observation.Create("70", "computers", 3339, 2012, "000.txt") with { UnitName = "Bình Phước", Quote = "3.339 máy tính, \"trong\" cơ quan", MeasureUnit = "count" },
            Observation.Create("70", "spend", 15.875, 2012) with { Qualifier = "approximately; provincial level" },
            Observation.Create("74", "missing", double.NaN, 2019),
            Observation.Create("49", "tiny", 0.1 + 0.2),
            Observation.Create("49", "neg", -1e-300, 2011) with { Quote = "line one\nline two" },
        ]);
        var text = LongCsv.ToCsv(original);
        var back = LongCsv.Read(new StringReader(text)).Value;
        Assert.Equal(original.Observations.ToArray(), back.Observations.ToArray());
        Assert.Equal(text, LongCsv.ToCsv(back));
    }

    [Fact]
    public void Write_OnlyCodesAndValues_OnlyRequiredColumns()
    {
        var text = LongCsv.ToCsv(ObservationTable.Create([Observation.Create("A", "x", 1.5), Observation.Create("B", "x", double.NaN)]));
        Assert.Equal("unit,indicator,value\nA,x,1.5\nB,x,\n", text);
    }

    [Fact]
    public void SaveThenRead_File_SameObservationsAndPathAsSource()
    {
        var path = Path.Combine(Path.GetTempPath(), "longcsv-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            var table = ObservationTable.Create([Observation.Create("70", "a", 1, 2012, "s")]);
            LongCsv.Save(table, path);
            var back = LongCsv.Load(path);
            Assert.Equal(table.Observations.ToArray(), back.Observations.ToArray());
            Assert.Equal(path, back.SourceName);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_BadText_ValidationExceptionWithReport()
    {
        var e = Assert.Throws<ValidationException>(() => LongCsv.Load(new StringReader("unit,indicator,value\n70,a,x\n"), Named));
        Assert.Equal(ProblemCode.NotANumber, e.Code);
        Assert.Single(e.Report.Problems);
    }

    [Fact]
    public void Read_CancelledWithManyRows_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var text = LongCsv.ToCsv(ObservationTable.Create(Enumerable.Range(0, 2100).Select(i => Observation.Create("u" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "pc", 1, 2020))));
        Assert.ThrowsAny<OperationCanceledException>(() => LongCsv.Read(new StringReader(text), cancellation: cts.Token));
    }
}
