using ProvinceIct.Indicators.Cli;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed class GuardedWriterTests
{
    private sealed class FullDevice : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }

    [Fact]
    public void WriteLine_ReportAndStreamFails_IOExceptionNamingTheStream()
    {
        using var writer = new GuardedWriter(new FullDevice(), "standard output", WriteFailure.Report);
        var ex = Assert.Throws<IOException>(() => writer.WriteLine("x"));
        Assert.Equal("cannot write to standard output: No space left on device", ex.Message);
    }

    [Fact]
    public void WriteLine_ReportAndStreamFailsVietnamese_VietnameseLineNamingTheStream()
    {
        using var scope = CliStrings.Use(System.Globalization.CultureInfo.GetCultureInfo("vi"));
        using var writer = new GuardedWriter(new FullDevice(), "standard output", WriteFailure.Report);
        var ex = Assert.Throws<IOException>(() => writer.WriteLine("x"));
        Assert.Equal("không ghi được vào đầu ra chuẩn: No space left on device", ex.Message);
    }

    [Fact]
    public void Write_IgnoreAndStreamFails_NoException()
    {
        using var writer = new GuardedWriter(new FullDevice(), "standard error", WriteFailure.Ignore);
        writer.Write("x");
        writer.WriteLine("y");
        writer.Write('z');
        Assert.IsType<FullDevice>(writer.Inner);
    }

    [Fact]
    public void Write_StreamWorks_PassesTextThrough()
    {
        using var inner = new StringWriter();
        using var writer = new GuardedWriter(inner, "standard output", WriteFailure.Report);
        writer.Write("a");
        writer.Write('b');
        writer.WriteLine("c");
        writer.Write(3);
        Assert.Equal("abc" + inner.NewLine + "3", inner.ToString());
    }
}
