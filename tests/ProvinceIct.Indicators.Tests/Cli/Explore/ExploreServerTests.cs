using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Cli;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;
using Xunit.Abstractions;

namespace ProvinceIct.Indicators.Tests.Cli.Explore;

/// <summary>
/// The explore server's endpoints against a real Kestrel on the loopback address: the security rules (each with a
/// refused case), recalculation equal to the library's, located errors, exports and the uncertainty job.
/// </summary>
public sealed class ExploreServerTests(ExploreTestServer fixture, ITestOutputHelper output) : IClassFixture<ExploreTestServer>
{
    private const string Pillar = "infra";

    private static string Scenario(string pillar = Pillar, double weight = 3, string aggregator = "geometric") =>
        "{\"weights\":{\"" + pillar + "\":" + weight.ToString(CultureInfo.InvariantCulture) + "},\"aggregators\":{\"" + OpenReadiness2016.Methodology.Framework.IndexCode + "\":\"" + aggregator + "\"}}";

    private static Methodology Expected(string pillar = Pillar, double weight = 3, string aggregator = "geometric")
    {
        var m = OpenReadiness2016.Methodology;
        var fw = m.Framework.WithWeight(pillar, weight);
        fw = fw.Replace(fw[fw.IndexCode] with { Aggregator = ProvinceIct.Indicators.Methods.MethodRegistry.Default.Parse<ProvinceIct.Indicators.Aggregation.Aggregator>(aggregator) });
        return m with { Framework = fw };
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, Action<HttpRequestMessage>? change = null, string? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        change?.Invoke(request);
        return await fixture.Client.SendAsync(request);
    }

    [Fact]
    public void Url_IsLoopbackWithAToken()
    {
        var uri = new Uri(fixture.Base);
        Assert.Equal("127.0.0.1", uri.Host);
        Assert.Matches("^/s/[0-9a-f]{32}/$", uri.AbsolutePath);
    }

    [Fact]
    public async Task Page_WithToken_ServedWithSecurityHeaders()
    {
        using var response = await fixture.Client.GetAsync(fixture.Base);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html.Replace("http-equiv", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal); // no external asset, no CDN
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        using var js = await fixture.Client.GetAsync(fixture.Base + "app.js");
        Assert.Equal("text/javascript", js.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1:1")]
    [InlineData("attacker.test:{port}")]
    public async Task Request_WrongHost_Refused403(string host)
    {
        using var response = await SendAsync(HttpMethod.Get, fixture.Base, r => r.Headers.Host = host.Replace("{port}", fixture.Server.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("is not the loopback address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_LocalhostHost_Served()
    {
        using var response = await SendAsync(HttpMethod.Get, fixture.Base + "api/model", r => r.Headers.Host = "localhost:" + fixture.Server.Port.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1:1")]
    public async Task Post_WrongOrigin_Refused403(string origin)
    {
        using var response = await SendAsync(HttpMethod.Post, fixture.Base + "api/compute", r => r.Headers.Add("Origin", origin), "{}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Origin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OwnOrigin_Served()
    {
        var origin = "http://127.0.0.1:" + fixture.Server.Port.ToString(CultureInfo.InvariantCulture);
        using var response = await SendAsync(HttpMethod.Post, fixture.Base + "api/compute", r => r.Headers.Add("Origin", origin), "{}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("api/model")]
    [InlineData("s/0123456789abcdef0123456789abcdef/api/model")]
    [InlineData("s//api/model")]
    public async Task Request_MissingOrWrongToken_Refused403(string path)
    {
        var root = "http://127.0.0.1:" + fixture.Server.Port.ToString(CultureInfo.InvariantCulture) + "/";
        using var response = await fixture.Client.GetAsync(root + path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("session token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OversizedBody_Refused413()
    {
        var big = "{\"ties\":\"" + new string('x', 100_000) + "\"}";
        using var response = await fixture.PostAsync("api/compute", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_OversizedChunkedBody_Refused413()
    {
        var big = "{\"ties\":\"" + new string('x', 100_000) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Base + "api/compute") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))) };
        request.Headers.TransferEncodingChunked = true;
        using var response = await fixture.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Compute_WeightAndAggregator_EqualsTheLibrary()
    {
        using var response = await fixture.PostAsync("api/compute", Scenario());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await ExploreTestServer.JsonAsync(response);
        var expected = IndexCalculator.Compute(Expected(), OpenReadiness2016.Dataset);
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(63, rows.Count);
        foreach (var row in rows)
        {
            var code = row.GetProperty("code").GetString()!;
            Assert.Equal(expected.Rank(code), row.GetProperty("rank").GetDouble());
            Assert.Equal(expected.Score(code), row.GetProperty("score").GetDouble());
            Assert.Equal(fixture.Session.NominalResult.Rank(code) - expected.Rank(code), row.GetProperty("change").GetDouble());
        }

        Assert.Contains("<table class=\"explore-ranking\">", json.GetProperty("rankingHtml").GetString(), StringComparison.Ordinal);
        Assert.Contains("<svg", json.GetProperty("mapSvg").GetString(), StringComparison.Ordinal);
        Assert.Contains(rows, r => r.GetProperty("change").GetDouble() != 0);
    }

    [Fact]
    public async Task Compute_EmptyScenario_IsTheNominalRun()
    {
        using var response = await fixture.PostAsync("api/compute", "{}");
        var json = await ExploreTestServer.JsonAsync(response);
        Assert.All(json.GetProperty("rows").EnumerateArray(), r => Assert.Equal(0, r.GetProperty("change").GetDouble()));
    }

    [Fact]
    public async Task Compute_InvalidScenario_400WithEveryLocatedProblem()
    {
        using var response = await fixture.PostAsync("api/compute", "{\"weights\":{\"nope\":1,\"" + Pillar + "\":-2},\"aggregators\":{\"" + Pillar + "\":\"geometrc\"},\"ties\":\"sideways\"}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await ExploreTestServer.JsonAsync(response);
        Assert.Equal("error: invalid scenario: 4 problem(s)", json.GetProperty("error").GetString());
        var problems = string.Join("\n", json.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        output.WriteLine(problems);
        Assert.Contains("nope", problems, StringComparison.Ordinal);
        Assert.Contains("-2", problems, StringComparison.Ordinal);
        Assert.Contains("geometrc", problems, StringComparison.Ordinal);
        Assert.Contains("sideways", problems, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"weights\":{\"infra\":\"heavy\"}}", "$.weights.infra")]
    [InlineData("{\"weights\":", "request body")]
    [InlineData("[1,2]", "request body")]
    public async Task Compute_MalformedBody_400Located(string body, string where)
    {
        using var response = await fixture.PostAsync("api/compute", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await ExploreTestServer.JsonAsync(response);
        Assert.Equal("error: invalid request body: 1 problem(s)", json.GetProperty("error").GetString());
        Assert.Contains(where, json.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_AndHeatmap_ReturnTheLibrarysFragments()
    {
        using var unit = await fixture.PostAsync("api/unit", "{\"unit\":\"48\"}");
        var html = (await ExploreTestServer.JsonAsync(unit)).GetProperty("html").GetString()!;
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Peers", html, StringComparison.Ordinal);
        using var heat = await fixture.PostAsync("api/heatmap", "{}");
        Assert.Contains("<svg", (await ExploreTestServer.JsonAsync(heat)).GetProperty("html").GetString(), StringComparison.Ordinal);
        using var bad = await fixture.PostAsync("api/unit", "{\"unit\":\"999\"}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task ExportMethodology_ComputeReproducesTheScreen()
    {
        using var screen = await fixture.PostAsync("api/compute", Scenario(weight: 2.5, aggregator: "harmonic"));
        var rows = (await ExploreTestServer.JsonAsync(screen)).GetProperty("rows").EnumerateArray().ToList();
        using var export = await fixture.PostAsync("api/export/methodology", Scenario(weight: 2.5, aggregator: "harmonic"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("methodology.json", export.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        var dir = Directory.CreateTempSubdirectory("explore-export").FullName;
        try
        {
            var methodology = Path.Combine(dir, "exported.json");
            await File.WriteAllTextAsync(methodology, await export.Content.ReadAsStringAsync());
            var data = Path.Combine(dir, "data.csv");
            WideCsv.Save(OpenReadiness2016.Dataset, data);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = IctIndexCli.Run(["compute", "--methodology", methodology, "--data", data, "--format", "long-csv"], stdout, stderr);
            Assert.True(code == 0, stderr.ToString());
            var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("unit_code,unit_name,node_code,level,score,rank", lines[0]);
            var index = OpenReadiness2016.Methodology.Framework.IndexCode;
            // Counted from the end: a unit name may hold a quoted comma.
            var computed = lines.Skip(1).Select(l => l.Split(',')).Where(c => c[^4] == index)
                .ToDictionary(c => c[0], c => (Score: double.Parse(c[^2], CultureInfo.InvariantCulture), Rank: double.Parse(c[^1], CultureInfo.InvariantCulture)));
            Assert.Equal(63, computed.Count);
            foreach (var row in rows)
            {
                var c = computed[row.GetProperty("code").GetString()!];
                Assert.Equal(row.GetProperty("rank").GetDouble(), c.Rank);
                Assert.Equal(row.GetProperty("score").GetDouble(), c.Score);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("html", "text/html", "<!DOCTYPE html>")]
    [InlineData("csv", "text/csv", "rank,")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK")]
    public async Task Export_Kinds_ServeFiles(string kind, string mediaType, string start)
    {
        using var response = await fixture.PostAsync("api/export/" + kind, "{\"unit\":\"01\"}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith(start, Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 200)).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownKind_400()
    {
        using var response = await fixture.PostAsync("api/export/pdf", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Uncertainty_RunsToTheEnd_AndCancels()
    {
        using var start = await fixture.PostAsync("api/uncertainty", "{\"runs\":64}");
        var id = (await ExploreTestServer.JsonAsync(start)).GetProperty("id").GetString()!;
        var state = await WaitForJobAsync(id);
        Assert.Equal("done", state.GetProperty("state").GetString());
        Assert.Equal(64, state.GetProperty("done").GetInt64());
        Assert.Contains("<svg", state.GetProperty("html").GetString(), StringComparison.Ordinal);

        // A run that cannot finish before it is cancelled, whatever the machine's speed: the job waits at the server's
        // gate until its own cancellation token fires, so only the DELETE below can end it.
        fixture.Server.UncertaintyGate = ct => Task.Delay(Timeout.Infinite, ct);
        try
        {
            using var big = await fixture.PostAsync("api/uncertainty", "{\"runs\":20000}");
            var bigId = (await ExploreTestServer.JsonAsync(big)).GetProperty("id").GetString()!;
            using (var running = await fixture.Client.GetAsync(fixture.Base + "api/uncertainty/" + bigId))
            {
                Assert.Equal("running", (await ExploreTestServer.JsonAsync(running)).GetProperty("state").GetString());
            }

            using var cancel = await SendAsync(HttpMethod.Delete, fixture.Base + "api/uncertainty/" + bigId);
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            var cancelled = await WaitForJobAsync(bigId);
            Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
            Assert.Equal(0, cancelled.GetProperty("done").GetInt64());
        }
        finally
        {
            fixture.Server.UncertaintyGate = null;
        }
    }

    private async Task<System.Text.Json.JsonElement> WaitForJobAsync(string id)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var poll = await fixture.Client.GetAsync(fixture.Base + "api/uncertainty/" + id);
            var state = await ExploreTestServer.JsonAsync(poll);
            if (state.GetProperty("state").GetString() != "running" || clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                return state;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Listens_OnIPv6LoopbackToo_WhenTheMachineHasIt()
    {
        if (!fixture.Server.IPv6)
        {
            return; // no ::1 on this machine: 127.0.0.1 only
        }

        using var response = await SendAsync(HttpMethod.Get, $"http://[::1]:{fixture.Server.Port}/s/{fixture.Server.Token}/api/model");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Listens_NotOnOtherAddresses()
    {
        var other = Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (other is null)
        {
            return; // no other interface to try
        }

        using var client = new TcpClient();
        Assert.ThrowsAny<SocketException>(() => client.Connect(other, fixture.Server.Port));
    }

    /// <summary>
    /// The bounded load test: 1,000 recalculations from 4 concurrent clients against the loopback address, no error,
    /// no growth in memory (managed heap after a full collection, first quarter against the end), p50 and p99 reported.
    /// </summary>
    [Fact]
    public async Task Load_1000RecalculationsFrom4Clients_NoErrorsNoGrowth()
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var failures = 0;
        long heapAfterWarmup = 0;
        async Task Client(int id)
        {
            using var client = new HttpClient();
            for (var i = 0; i < 250; i++)
            {
                var weight = 0.5 + ((i * 7 + id) % 20) / 10.0;
                var body = Scenario(weight: weight, aggregator: i % 2 == 0 ? "arithmetic" : "geometric");
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(fixture.Base + "api/compute", new StringContent(body, Encoding.UTF8, "application/json"));
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }

                if (id == 0 && i == 50)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    Interlocked.Exchange(ref heapAfterWarmup, GC.GetTotalMemory(forceFullCollection: true));
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(Client));
        var heapAtEnd = GC.GetTotalMemory(forceFullCollection: true);
        var sorted = latencies.Order().ToArray();
        var p50 = sorted[sorted.Length / 2];
        var p99 = sorted[(int)Math.Ceiling(sorted.Length * 0.99) - 1];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"explore load: {sorted.Length} recalculations, 4 clients, p50 {p50:F2} ms, p99 {p99:F2} ms, max {sorted[^1]:F2} ms; heap {heapAfterWarmup / 1e6:F1} MB -> {heapAtEnd / 1e6:F1} MB"));
        Assert.Equal(1000, sorted.Length);
        Assert.Equal(0, failures);
        // What the server keeps does not grow with the requests: one compiled index per set of normalisers and ties (one
        // here, the nominal one), and a pool of workspaces no larger than the concurrency. The process heap is only a
        // sanity bound: other test classes run alongside and allocate too.
        output.WriteLine($"compiled indices {fixture.Session.CompiledCount}, workspaces made {fixture.Session.WorkspacesCreated}");
        Assert.True(fixture.Session.CompiledCount <= 3, $"{fixture.Session.CompiledCount} compiled indices held");
        Assert.True(fixture.Session.WorkspacesCreated <= 16, $"{fixture.Session.WorkspacesCreated} workspaces made for 4 clients");
        Assert.True(heapAtEnd < heapAfterWarmup + 512_000_000, $"the heap grew from {heapAfterWarmup} to {heapAtEnd} bytes");
        Assert.True(p99 < 5_000, $"p99 {p99} ms"); // generous: shared 2-core CI machine
    }

    [Fact]
    public async Task Errors_VietnamesePage_VietnameseErrorTexts()
    {
        await using var server = await ProvinceIct.Indicators.Cli.Explore.ExploreServer.StartAsync(fixture.Session, "vi");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var malformed = await client.PostAsync(server.Url + "api/compute", new StringContent("[1,2]", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var json = await ExploreTestServer.JsonAsync(malformed);
        Assert.StartsWith("lỗi: nội dung yêu cầu không hợp lệ: 1 vấn đề", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains(": cần một đối tượng kịch bản (weights, normalisers, aggregators, ties) với đúng kiểu dữ liệu", json.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
        using var job = await client.GetAsync(server.Url + "api/uncertainty/nope");
        Assert.Equal(HttpStatusCode.NotFound, job.StatusCode);
        Assert.Equal("lỗi: không có lượt phân tích độ bất định 'nope'", (await ExploreTestServer.JsonAsync(job)).GetProperty("error").GetString());
        using var token = await client.GetAsync(server.Url.Replace("/s/", "/s/x", StringComparison.Ordinal) + "api/model");
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
        Assert.Equal("lỗi: Mã (token) của phiên bị thiếu hoặc sai; hãy mở địa chỉ mà ictindex explore đã in ra.", (await ExploreTestServer.JsonAsync(token)).GetProperty("error").GetString());
        using var scenario = await client.PostAsync(server.Url + "api/compute", new StringContent("{\"ties\":\"sideways\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, scenario.StatusCode);
        var invalid = await ExploreTestServer.JsonAsync(scenario);
        Assert.StartsWith("lỗi: kịch bản không hợp lệ: 1 vấn đề", invalid.GetProperty("error").GetString(), StringComparison.Ordinal);
        var problem = " " + invalid.GetProperty("problems")[0].GetString() + " ";
        Assert.Contains("sideways", problem, StringComparison.Ordinal);
        foreach (var word in new[] { " the ", " is ", " expected ", " found ", " unknown ", " policy " })
        {
            Assert.False(problem.Contains(word, StringComparison.OrdinalIgnoreCase), "'" + word.Trim() + "' in: " + problem);
        }
    }

    [Fact]
    public async Task Errors_EnglishPage_EnglishErrorTexts()
    {
        using var job = await fixture.Client.GetAsync(fixture.Base + "api/uncertainty/nope");
        Assert.Equal(HttpStatusCode.NotFound, job.StatusCode);
        Assert.Equal("error: no uncertainty run 'nope'", (await ExploreTestServer.JsonAsync(job)).GetProperty("error").GetString());
        using var export = await fixture.PostAsync("api/export/pdf", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Contains("Unknown export 'pdf'.", (await ExploreTestServer.JsonAsync(export)).GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }
}
