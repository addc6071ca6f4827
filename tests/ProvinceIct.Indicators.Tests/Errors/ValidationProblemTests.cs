using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Methods;
using ProvinceIct.Indicators.Normalisation;

namespace ProvinceIct.Indicators.Tests.Errors;

public sealed class ValidationProblemTests
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private const string Meta = """
        iCode,iName,Level,Parent,Direction,Weight,Type,Kind
        i1,Indicator 1,1,IDX,1,1,Indicator,percent
        i2,Indicator 2,1,IDX,1,1,Indicator,count
        IDX,Index,2,,1,1,Aggregate,
        """;

    private static ValidationProblem ReadBadCell()
    {
        var result = WideCsv.Read(new StringReader("uCode,i1,i2\nHN,12,3\nHP,abc,4\n"), new WideCsvOptions { SourceName = "bad.csv" });
        return Assert.Single(result.Report.Problems);
    }

    [Fact]
    public void Describe_BadCsvCellInVietnamese_TranslatesMessageAndLabelsKeepsLocation()
    {
        var line = ReadBadCell().Describe(Vi);

        Assert.Equal(
            "bad.csv:3:2: [NotANumber] Ô ở cột 2 ('i1') của đơn vị 'HP' không phải là số: 'abc'. (đơn vị HP, chỉ tiêu i1, "
            + "cần một số (định dạng bất biến: dấu '.' thập phân, không có dấu phân cách hàng nghìn) hoặc ô trống, NA, NaN hay .., gặp abc)",
            line);
    }

    [Fact]
    public void Describe_BadCsvCellInEnglish_SameAsToString()
    {
        var problem = ReadBadCell();

        Assert.Equal(
            "bad.csv:3:2: [NotANumber] The cell in column 2 ('i1') for unit 'HP' is not a number: 'abc'. (unit HP, indicator i1, "
            + "expected a number (invariant culture: '.' decimal point, no thousands separator) or an empty cell, NA, NaN or .., found abc)",
            problem.ToString());
        Assert.Equal(problem.ToString(), problem.Describe(CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal(problem.ToString(), problem.Describe(CultureInfo.InvariantCulture));
        Assert.Equal(problem.ToString(), problem.Describe(null));
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("de")]
    [InlineData("")]
    public void Describe_CultureWithoutTranslation_GivesTheEnglishLine(string culture)
    {
        var problem = ReadBadCell();

        Assert.Equal(problem.ToString(), problem.Describe(CultureInfo.GetCultureInfo(culture)));
        Assert.Equal(problem.Message, problem.MessageIn(CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void MessageIn_Vietnamese_OnlyTheMessage()
    {
        var problem = ReadBadCell();

        Assert.Equal("Ô ở cột 2 ('i1') của đơn vị 'HP' không phải là số: 'abc'.", problem.MessageIn(Vi));
        Assert.Equal("The cell in column 2 ('i1') for unit 'HP' is not a number: 'abc'.", problem.Message);
    }

    [Fact]
    public void Describe_UserProblemWithPlainMessageInVietnamese_MessageAsGivenLabelsTranslated()
    {
        var problem = new ValidationProblem(ProblemCode.ValueOutOfRange, "Custom check failed.")
        { Row = 4, Column = 2, UnitCode = "HN", IndicatorCode = "x1", Parameter = "p", Expected = "below 5", Found = "7" };

        Assert.Equal("hàng 4, cột 2: [ValueOutOfRange] Custom check failed. (đơn vị HN, chỉ tiêu x1, tham số p, cần below 5, gặp 7)", problem.Describe(Vi));
        Assert.Equal("row 4, column 2: [ValueOutOfRange] Custom check failed. (unit HN, indicator x1, parameter p, expected below 5, found 7)", problem.ToString());
        Assert.Equal("Custom check failed.", problem.MessageIn(Vi));
    }

    [Fact]
    public void Equals_ResourceAndPlainProblemWithSameFacts_Equal()
    {
        var read = ReadBadCell();
        var plain = new ValidationProblem(read.Code, read.Message)
        { Source = read.Source, Row = read.Row, Column = read.Column, UnitCode = read.UnitCode, IndicatorCode = read.IndicatorCode, Expected = read.Expected, Found = read.Found };

        Assert.Equal(plain, read);
        Assert.Equal(plain.GetHashCode(), read.GetHashCode());
        Assert.NotEqual(plain with { Found = "x" }, read);
    }

    [Fact]
    public void With_ExpectedReplaced_RendersTheNewPlainText()
    {
        var changed = ReadBadCell() with { Expected = "a digit" };

        Assert.EndsWith("(đơn vị HP, chỉ tiêu i1, cần a digit, gặp abc)", changed.Describe(Vi), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_InvalidParameterInVietnamese_TranslatesTheHelperMessage()
    {
        var ex = Assert.Throws<ValidationException>(() => Normaliser.MinMax(5, 1));
        var problem = Assert.Single(ex.Report.Problems);

        Assert.DoesNotContain(" the ", problem.Describe(Vi), StringComparison.Ordinal);
        Assert.Contains("khoảng đầu ra", problem.MessageIn(Vi), StringComparison.Ordinal);
        Assert.Contains("tham số lower, upper", problem.Describe(Vi), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadInputs() => new()
    {
        { "wide: not a number", "uCode,i1,i2\nHN,12,3\nHP,abc,4\n" },
        { "wide: ragged row", "uCode,i1,i2\nHN,12,3\nHP,4\n" },
        { "wide: duplicate header", "uCode,i1,i1\nHN,12,3\n" },
        { "wide: no code column", "code;i1;i2\nHN;12;3\n" },
        { "wide: no data rows", "uCode,i1,i2\n" },
        { "wide: empty", "" },
        { "wide: no unit code", "uCode,i1,i2\n,12,3\n" },
        { "wide: duplicate unit", "uCode,i1,i2\nHN,12,3\nHN,4,5\n" },
        { "wide: percent above 100", "uCode,i1,i2\nHN,120,3\n" },
        { "wide: case-only codes", "uCode,i1,i2\nHN,12,3\nhn,4,5\n" },
        { "wide: missing indicator", "uCode,i1\nHN,12\n" },
        { "csv: unclosed quote", "uCode,i1,i2\nHN,\"12,3\n" },
        { "csv: text after quote", "uCode,i1,i2\nHN,\"12\"x,3\n" },
        { "meta: unknown kind", "iCode,iName,Level,Parent,Direction,Weight,Type,Kind\ni1,I,1,IDX,1,1,Indicator,weird\nIDX,Index,2,,1,1,Aggregate,\n" },
        { "meta: missing column", "iCode,iName,Level,Parent,Direction,Weight\ni1,I,1,IDX,1,1\n" },
        { "meta: bad direction and level", "iCode,iName,Level,Parent,Direction,Weight,Type\ni1,I,x,IDX,2,1,Indicator\nIDX,Index,2,,1,1,Aggregate\n" },
        { "long: not a number", "unit,indicator,value\nHN,i1,1.2.3\n" },
        { "long: no value column", "unit,indicator\nHN,i1\n" },
        { "long: duplicate observation", "unit,indicator,value\nHN,i1,1\nHN,i1,2\n" },
    };

    private static IEnumerable<ValidationProblem> ProblemsOf(string name, string text)
    {
        var meta = MetaCsv.Read(new StringReader(Meta), "meta.csv").Value;
        if (name.StartsWith("meta:", StringComparison.Ordinal))
        {
            return MetaCsv.Read(new StringReader(text), "meta.csv").Report.Problems;
        }

        if (name.StartsWith("long:", StringComparison.Ordinal))
        {
            var read = LongCsv.Read(new StringReader(text), new LongCsvOptions { SourceName = "long.csv" });
            return read.Success ? read.Value.TryToDataset(null).Report.Problems : read.Report.Problems;
        }

        var wide = WideCsv.Read(new StringReader(text), new WideCsvOptions { SourceName = "data.csv", Framework = meta.Framework });
        return wide.Report.Problems.Concat(wide.Warnings);
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Describe_ProblemsOfRealBadInputsInVietnamese_NoEnglishWords(string name, string text)
    {
        var problems = ProblemsOf(name, text).ToList();

        Assert.NotEmpty(problems);
        foreach (var p in problems)
        {
            var vi = p.Describe(Vi);
            Assert.NotEqual(p.ToString(), vi);
            foreach (var word in new[] { " the ", " is ", " of ", " has ", " not ", " no ", " expected ", " found ", " unit ", " row ", " line " })
            {
                Assert.False(vi.Contains(word, StringComparison.OrdinalIgnoreCase), name + ": '" + word.Trim() + "' in: " + vi);
            }
        }
    }
}
