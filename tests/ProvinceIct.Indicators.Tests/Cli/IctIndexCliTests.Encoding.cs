using System.Text;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary><c>--encoding</c>: a Windows-1258 data file is read when named, refused with its line otherwise.</summary>
public sealed partial class IctIndexCliTests
{
    // The Data table with unit A named "Hà" written in Windows-1258 (à is the single byte 0xE0).
    private static byte[] Windows1258Data() =>
        [.. Encoding.ASCII.GetBytes(Data.Replace("A,Alpha,", "A,H@,", StringComparison.Ordinal)).SelectMany(b => b == (byte)'@' ? new byte[] { 0xE0 } : [b])];

    [Fact]
    public void Compute_Windows1258DataWithEncoding_Succeeds()
    {
        var data = Write("d1258.csv", string.Empty);
        File.WriteAllBytes(data, Windows1258Data());
        var (code, output, err) = Run("compute", "--data", data, "--meta", Write("m.csv", Meta), "--encoding", "windows-1258", "--format", "csv");
        Assert.True(code == 0, err);
        Assert.Contains("H\u00E0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Windows1258DataWithoutEncoding_FailsNamingLineAndByte()
    {
        var data = Write("d1258.csv", string.Empty);
        File.WriteAllBytes(data, Windows1258Data());
        var (code, _, err) = Run("compute", "--data", data, "--meta", Write("m.csv", Meta), "--format", "csv");
        Assert.NotEqual(0, code);
        Assert.Contains("d1258.csv:2:2", err, StringComparison.Ordinal);
        Assert.Contains("0xE0", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_UnknownEncoding_IsAUsageError()
    {
        var (code, _, err) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), "--encoding", "klingon");
        Assert.NotEqual(0, code);
        Assert.Contains("--encoding: unknown encoding 'klingon'", err, StringComparison.Ordinal);
    }
}
