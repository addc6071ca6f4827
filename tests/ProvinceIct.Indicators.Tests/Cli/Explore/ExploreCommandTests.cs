using System.Net;
using System.Net.Sockets;
using ProvinceIct.Indicators.Cli;

namespace ProvinceIct.Indicators.Tests.Cli.Explore;

public class ExploreCommandTests
{
    /// <summary>A writer whose text can be read while the command is still running.</summary>
    private sealed class SharedWriter : StringWriter
    {
        private readonly object _gate = new();

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_gate)
            {
                base.WriteLine(value);
            }
        }

        public string Text()
        {
            lock (_gate)
            {
                return ToString();
            }
        }
    }

    [Fact]
    public async Task Explore_CtrlC_StopsCleanlyWithExit130AndClosesThePort()
    {
        using var stdout = new SharedWriter();
        using var stderr = new SharedWriter();
        using var cancel = new CancellationTokenSource();
        var run = Task.Run(() => IctIndexCli.Run(["explore", "--no-browser", "--preset", "dti-2022", "--language", "vi"], stdout, stderr, cancel.Token));
        var deadline = DateTime.UtcNow.AddMinutes(2);
        string? url = null;
        while (url is null && DateTime.UtcNow < deadline && !run.IsCompleted)
        {
            url = stdout.Text().Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
            await Task.Delay(50);
        }

        Assert.True(url is not null, "no address printed: " + stdout.Text() + stderr.Text());
        using (var client = new HttpClient())
        {
            var page = await client.GetStringAsync(url);
            Assert.Contains("lang=\"vi\"", page, StringComparison.Ordinal);
            Assert.Contains("Nếu thì sao?", page, StringComparison.Ordinal);
        }

        cancel.Cancel();
        var code = await run.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Contains("explore: đã dừng", stderr.Text(), StringComparison.Ordinal);
        var port = new Uri(url).Port;
        using var probe = new TcpClient();
        Assert.ThrowsAny<SocketException>(() => probe.Connect(IPAddress.Loopback, port));
    }

    [Theory]
    [InlineData("--port", "70000", "--port must be from 0")]
    [InlineData("--language", "fr", "fr")]
    public void Explore_BadOption_Exit2(string option, string value, string message)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = IctIndexCli.Run(["explore", "--no-browser", option, value], stdout, stderr);
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Explore_BadMethodology_Exit3WithLocatedProblems()
    {
        var dir = Directory.CreateTempSubdirectory("explore-bad").FullName;
        try
        {
            var file = Path.Combine(dir, "m.json");
            File.WriteAllText(file, "{\"code\": 1}");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = IctIndexCli.Run(["explore", "--no-browser", "--methodology", file, "--data", file], stdout, stderr);
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains("m.json", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Explore_PortOutOfRangeVietnamese_VietnameseAndEnglish()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(ExitCodes.BadArguments, IctIndexCli.Run(["explore", "--no-browser", "--port", "70000", "--language", "vi"], stdout, stderr));
        Assert.Equal("lỗi: --port phải từ 0 (một cổng còn trống) đến 65535; nhận được 70000.", stderr.ToString().TrimEnd());
        using var englishErr = new StringWriter();
        Assert.Equal(ExitCodes.BadArguments, IctIndexCli.Run(["explore", "--no-browser", "--port", "70000", "--language", "en"], stdout, englishErr));
        Assert.Equal("error: --port must be from 0 (a free port) to 65535; found 70000.", englishErr.ToString().TrimEnd());
    }
}
