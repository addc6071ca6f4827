using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>The usage errors of --plugin, in English and in Vietnamese.</summary>
public sealed class PluginLoaderTests : CliRunner
{
    [Fact]
    public void Load_MissingFileVietnamese_VietnameseAndEnglish()
    {
        var missing = Path.Combine(Dir, "khong-co.dll");
        var (code, _, err) = Run("compute", "--preset", "dti-2022", "--plugin", missing, "--language", "vi");
        Assert.Equal(2, code);
        Assert.Equal("lỗi: --plugin: không tìm thấy tệp: " + missing + "\n", err);
        var (englishCode, _, englishErr) = Run("compute", "--preset", "dti-2022", "--plugin", missing);
        Assert.Equal(2, englishCode);
        Assert.Equal("error: --plugin: file not found: " + missing + "\n", englishErr);
    }

    [Fact]
    public void Load_NotAnAssemblyVietnamese_VietnameseAndEnglish()
    {
        var file = Write("plugin.dll", "not a portable executable");
        var (code, _, err) = Run("compute", "--preset", "dti-2022", "--plugin", file, "--language", "vi");
        Assert.Equal(2, code);
        Assert.StartsWith("lỗi: --plugin plugin.dll: không phải một assembly .NET (", err, StringComparison.Ordinal);
        var (englishCode, _, englishErr) = Run("compute", "--preset", "dti-2022", "--plugin", file);
        Assert.Equal(2, englishCode);
        Assert.StartsWith("error: --plugin plugin.dll: not a .NET assembly (", englishErr, StringComparison.Ordinal);
    }
}
