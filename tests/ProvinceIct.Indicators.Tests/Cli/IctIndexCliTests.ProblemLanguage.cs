namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>The library's validation problems in the run's language (<c>--language</c>).</summary>
public sealed partial class IctIndexCliTests
{
    private const string BadData = """
        uCode,uName,Group_region,i1,i2,i3
        A,Alpha,North,0,10,5
        B,Bravo,South,abc,20,NA
        """;

    [Fact]
    public void Compute_BadCellInVietnamese_ProblemLineInVietnamese()
    {
        var data = Write("bad.csv", BadData);

        var (code, _, err) = Run("compute", "--data", data, "--meta", Write("m.csv", Meta), "--language", "vi");

        Assert.Equal(3, code);
        Assert.Contains(data + ":3:4: [NotANumber] Ô ở cột 4 ('i1') của đơn vị 'B' không phải là số: 'abc'. (đơn vị B, chỉ tiêu i1, cần một số", err, StringComparison.Ordinal);
        Assert.Contains(", gặp abc)", err, StringComparison.Ordinal);
        Assert.DoesNotContain("is not a number", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_BadCellInEnglish_ProblemLineUnchanged()
    {
        var data = Write("bad.csv", BadData);

        var (code, _, err) = Run("compute", "--data", data, "--meta", Write("m.csv", Meta));

        Assert.Equal(3, code);
        Assert.Contains(data + ":3:4: [NotANumber] The cell in column 4 ('i1') for unit 'B' is not a number: 'abc'. (unit B, indicator i1, expected a number", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ConstantIndicatorInVietnamese_CalculationErrorInVietnamese()
    {
        var data = Write("constant.csv", Data.Replace("A,Alpha,North,0,", "A,Alpha,North,4,", StringComparison.Ordinal).Replace("B,Bravo,South,5,", "B,Bravo,South,4,", StringComparison.Ordinal).Replace("C,Charlie,South,10,", "C,Charlie,South,4,", StringComparison.Ordinal));

        var (code, _, err) = Run("compute", "--data", data, "--meta", Write("m.csv", Meta), "--language", "vi");

        Assert.Equal(3, code);
        Assert.Equal("lỗi: Không thể chuẩn hoá chỉ tiêu 'i1' bằng MinMax: các giá trị không thiếu của chỉ tiêu không có độ phân tán (max = min = 4). Hãy bỏ chỉ tiêu này, hoặc yêu cầu lấy điểm giữa của khoảng đầu ra cho cột như vậy: degenerate=midpoint trong chuỗi phương pháp, ví dụ minmax(0,100,degenerate=midpoint) (DegenerateColumnPolicy.Midpoint trong C#).", err.Trim());
    }

    [Fact]
    public void Compute_ConstantIndicatorInEnglish_CalculationErrorUnchanged()
    {
        var data = Write("constant.csv", Data.Replace("A,Alpha,North,0,", "A,Alpha,North,4,", StringComparison.Ordinal).Replace("B,Bravo,South,5,", "B,Bravo,South,4,", StringComparison.Ordinal).Replace("C,Charlie,South,10,", "C,Charlie,South,4,", StringComparison.Ordinal));

        var (code, _, err) = Run("compute", "--data", data, "--meta", Write("m.csv", Meta));

        Assert.Equal(3, code);
        Assert.Equal("error: Indicator 'i1' cannot be normalised by MinMax: its non-missing values have no spread (max = min = 4). Remove it, or ask for the midpoint of the output range for such a column: degenerate=midpoint in the method text, as in minmax(0,100,degenerate=midpoint) (DegenerateColumnPolicy.Midpoint in C#).", err.Trim());
    }

    [Fact]
    public void Compute_ConstantIndicatorWithTheAdvisedMidpoint_ComputesItAtTheMidpoint()
    {
        var data = Write("constant.csv", Data.Replace("A,Alpha,North,0,", "A,Alpha,North,4,", StringComparison.Ordinal).Replace("B,Bravo,South,5,", "B,Bravo,South,4,", StringComparison.Ordinal).Replace("C,Charlie,South,10,", "C,Charlie,South,4,", StringComparison.Ordinal));

        var (code, output, err) = Run("compute", "--data", data, "--meta", Write("m.csv", Meta), "--normalise", "minmax(0,100,degenerate=midpoint)", "--format", "csv");

        Assert.True(code == 0, err);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var i1 = Array.IndexOf(rows[0].Split(','), "i1");
        Assert.True(i1 > 0, rows[0]);
        Assert.All(rows.Skip(1), row => Assert.Equal("50", row.Split(',')[i1]));
    }
}
