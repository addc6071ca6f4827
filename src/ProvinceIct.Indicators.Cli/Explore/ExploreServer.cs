using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Cli.Explore;

/// <summary>
/// The local web server of <c>ictindex explore</c> (Kestrel, minimal APIs). Security, since it is a server: it listens
/// on 127.0.0.1 and ::1 only, on a free port (or the one asked for); every request must carry the random session token
/// as its first path segment (<c>/s/TOKEN/...</c>), name the loopback address it serves in <c>Host</c> (DNS-rebinding
/// protection) and, when it has an <c>Origin</c>, that same origin; request bodies are capped (<see cref="MaxBodyBytes"/>);
/// every input is validated with the CLI's located errors. Refusals: 403 for a wrong host, origin or token, 413 for a
/// body over the cap, 400 for an invalid input.
/// </summary>
internal sealed class ExploreServer : IAsyncDisposable
{
    /// <summary>The largest request body accepted, in bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private readonly WebApplication _app;
    private readonly ExploreSession _session;
    private readonly string _language;
    private readonly HashSet<string> _hosts;
    private readonly HashSet<string> _origins;
    private readonly byte[] _tokenBytes;
    private readonly ExploreComputeHandler _compute;
    private readonly object _jobLock = new();
    private UncertaintyJob? _job;

    private ExploreServer(WebApplication app, ExploreSession session, string language, int port, string token, bool ipv6)
    {
        _app = app;
        _session = session;
        _language = language;
        _compute = new ExploreComputeHandler(session, language);
        Port = port;
        Token = token;
        _tokenBytes = Encoding.ASCII.GetBytes(token);
        var p = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "127.0.0.1:" + p, "localhost:" + p };
        if (ipv6)
        {
            _hosts.Add("[::1]:" + p);
        }

        _origins = new HashSet<string>(_hosts.Select(h => "http://" + h), StringComparer.OrdinalIgnoreCase);
        IPv6 = ipv6;
    }

    /// <summary>The port it listens on (the same on 127.0.0.1 and ::1).</summary>
    public int Port { get; }

    /// <summary>The session token.</summary>
    public string Token { get; }

    /// <summary>True when it listens on ::1 too.</summary>
    public bool IPv6 { get; }

    /// <summary>
    /// For tests: awaited by every uncertainty job, with the job's cancellation token, before it starts its replications
    /// (null: none). A gate that waits for the token makes a job that cannot finish before it is cancelled.
    /// </summary>
    internal Func<CancellationToken, Task>? UncertaintyGate { get; set; }

    /// <summary>The page's address.</summary>
    public string Url => $"http://127.0.0.1:{Port}/s/{Token}/";

    /// <summary>Starts a server on the session; <paramref name="port"/> 0 picks a free port.</summary>
    public static async Task<ExploreServer> StartAsync(ExploreSession session, string language, int port = 0, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        for (var attempt = 0; ; attempt++)
        {
            var p = port == 0 ? FreePort() : port;
            var ipv6 = CanBind(IPAddress.IPv6Loopback, p);
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var server = Build(session, language, p, token, ipv6);
            try
            {
                await server._app.StartAsync(cancellation).ConfigureAwait(false);
                return server;
            }
            catch (IOException) when (port == 0 && attempt < 5)
            {
                // The free port was taken between the probe and the bind: try another.
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static bool CanBind(IPAddress address, int port)
    {
        if (!Socket.OSSupportsIPv6)
        {
            return false;
        }

        try
        {
            var probe = new TcpListener(address, port);
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static ExploreServer Build(ExploreSession session, string language, int port, string token, bool ipv6)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.Listen(IPAddress.Loopback, port);
            if (ipv6)
            {
                k.Listen(IPAddress.IPv6Loopback, port);
            }
        });
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ExploreJsonContext.Default));
        var app = builder.Build();
        var server = new ExploreServer(app, session, language, port, token, ipv6);
        app.Use(server.Guard);
        var g = app.MapGroup("/s/" + token);
        g.MapGet("/", (HttpContext ctx) => server.Page());
        g.MapGet("/app.js", () => Results.Text(Resource("app.js"), "text/javascript; charset=utf-8"));
        g.MapGet("/app.css", () => Results.Text(Resource("app.css"), "text/css; charset=utf-8"));
        g.MapGet("/api/model", () => Results.Json(server.Model(), ExploreJsonContext.Default.ModelDto));
        g.MapPost("/api/compute", (HttpContext ctx, CancellationToken ct) => server.Handle(ctx, server.Compute, ct));
        g.MapPost("/api/unit", (HttpContext ctx, CancellationToken ct) => server.Handle(ctx, server.Unit, ct));
        g.MapPost("/api/heatmap", (HttpContext ctx, CancellationToken ct) => server.Handle(ctx, server.Heatmap, ct));
        g.MapPost("/api/export/{kind}", (HttpContext ctx, string kind, CancellationToken ct) => server.Handle(ctx, s => server.Export(s, kind), ct));
        g.MapPost("/api/uncertainty", (HttpContext ctx, CancellationToken ct) => server.Handle(ctx, server.StartUncertainty, ct));
        g.MapGet("/api/uncertainty/{id}", (string id) => server.JobState(id));
        g.MapDelete("/api/uncertainty/{id}", (string id) => server.CancelJob(id));
        return server;
    }

    /// <summary>Refuses what is not for this session: wrong host, wrong origin, missing token, oversized body.</summary>
    private async Task Guard(HttpContext ctx, Func<Task> next)
    {
        var headers = ctx.Response.Headers;
        headers["Content-Security-Policy"] = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers["X-Content-Type-Options"] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cache-Control"] = "no-store";
        headers["X-Frame-Options"] = "DENY";
        if (!_hosts.Contains(ctx.Request.Host.Value ?? string.Empty))
        {
            await Refuse(ctx, StatusCodes.Status403Forbidden, Text("Explore_BadHost", ctx.Request.Host.Value)).ConfigureAwait(false);
            return;
        }

        var origin = ctx.Request.Headers.Origin;
        if (origin.Count > 0 && (origin.Count > 1 || !_origins.Contains(origin.ToString())))
        {
            await Refuse(ctx, StatusCodes.Status403Forbidden, Text("Explore_BadOrigin", origin.ToString())).ConfigureAwait(false);
            return;
        }

        if (!HasToken(ctx.Request.Path.Value ?? string.Empty))
        {
            await Refuse(ctx, StatusCodes.Status403Forbidden, Text("Explore_BadToken")).ConfigureAwait(false);
            return;
        }

        if (ctx.Request.ContentLength > MaxBodyBytes)
        {
            await Refuse(ctx, StatusCodes.Status413PayloadTooLarge, Text("Explore_BodyTooLarge", MaxBodyBytes)).ConfigureAwait(false);
            return;
        }

        await next().ConfigureAwait(false);
    }

    private bool HasToken(string path)
    {
        // "/s/TOKEN" or "/s/TOKEN/...", the token compared in constant time.
        if (!path.StartsWith("/s/", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path.AsSpan(3);
        var end = rest.IndexOf('/');
        var given = end < 0 ? rest : rest[..end];
        Span<byte> bytes = stackalloc byte[64];
        if (given.Length > bytes.Length || given.Length != _tokenBytes.Length)
        {
            return false;
        }

        var n = Encoding.ASCII.GetBytes(given, bytes);
        return CryptographicOperations.FixedTimeEquals(bytes[..n], _tokenBytes);
    }

    private Task Refuse(HttpContext ctx, int status, string message)
    {
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(new ErrorDto(Text("Msg_ErrorPrefix") + message, []), ExploreJsonContext.Default.ErrorDto);
    }

    /// <summary>
    /// The text of <paramref name="key"/> (CliStrings) in the page's language <paramref name="language"/>, its numbered
    /// arguments formatted invariantly: the answers to the browser follow the page, not the thread that serves them.
    /// </summary>
    internal static string TextIn(string language, string key, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, CliStrings.In(CliLanguage.Culture(language), key), args);

    /// <summary>The text of <paramref name="key"/> in this server's page language.</summary>
    private string Text(string key, params object?[] args) => TextIn(_language, key, args);

    /// <summary>What an invalid request was (the headline's subject) in the session's language; a library's own subject stays as written.</summary>
    private string WhatText(string what) => what switch
    {
        "scenario" => Text("Explore_WhatScenario"),
        "request" => Text("Explore_WhatRequest"),
        _ => what,
    };

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("explore/" + name)
            ?? throw new InvalidOperationException("Missing embedded resource explore/" + name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private IResult Page()
    {
        var html = Resource("index.html");
        var sb = new StringBuilder(html);
        foreach (var (key, value) in ExploreText.For(_language))
        {
            sb.Replace("{{" + key + "}}", ExploreViews.Encode(value));
        }

        sb.Replace("{{lang}}", _language).Replace("{{name}}", ExploreViews.Encode(ExploreViews.IndexName(_session.Nominal, _language)));
        return Results.Text(sb.ToString(), "text/html; charset=utf-8");
    }

    private ModelDto Model()
    {
        var m = _session.Nominal;
        var fw = m.Framework;
        var nodes = fw.Nodes.Select(n => new NodeDto(n.Code, ExploreViews.NodeName(n, _language), n.ParentCode, fw.Level(n.Code), n.Weight, n.IsIndicator,
            n.IsIndicator ? m.NormaliserFor(n.Code).ToString() : null, n.IsIndicator ? null : m.AggregatorFor(n.Code).ToString())).ToList();
        return new ModelDto(m.Code, ExploreViews.IndexName(m, _language), _language, nodes, _session.Dataset.Units.Select(u => new UnitDto(u.Code, u.Name)).ToList(),
            _session.NormaliserChoices, _session.AggregatorChoices, MethodOptions.TieNames, m.Ties.ToString().ToLowerInvariant(),
            ExploreViews.HasMap(_session.NominalResult), ExploreText.For(_language));
    }

    /// <summary>Reads the scenario, runs the handler, and maps failures to the CLI's located messages.</summary>
    private async Task<IResult> Handle(HttpContext ctx, Func<Scenario, IResult> handler, CancellationToken cancellation)
    {
        Scenario? scenario;
        try
        {
            scenario = await JsonSerializer.DeserializeAsync(ctx.Request.Body, ExploreJsonContext.Default.Scenario, cancellation).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            var body = Text("Explore_RequestBody");
            var where = body + (ex.Path is null ? string.Empty : Text("Explore_AtPath", ex.Path)) + (ex.LineNumber is { } l ? Text("Explore_AtLine", l + 1) : string.Empty) + (ex.BytePositionInLine is { } c ? Text("Explore_AtColumn", c + 1) : string.Empty);
            return Error(StatusCodes.Status400BadRequest, Text("Msg_ErrorPrefix") + Text("Msg_InvalidInput", body, 1), [where + Text("Explore_ExpectedScenario")]);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, Text("Msg_ErrorPrefix") + Text("Explore_BodyTooLarge", MaxBodyBytes), []);
        }

        try
        {
            return handler(scenario ?? new Scenario());
        }
        catch (ValidationException ex)
        {
            // As the CLI prints it: "error: invalid WHAT: N problem(s)", then one located line per problem.
            return Error(StatusCodes.Status400BadRequest, Text("Msg_ErrorPrefix") + Text("Msg_InvalidInput", WhatText(ex.What), ex.Report.Problems.Length), ex.Report.Problems.Select(p => p.Describe(CliLanguage.Culture(_language))).ToList());
        }
        catch (CalculationException ex)
        {
            return Error(StatusCodes.Status422UnprocessableEntity, Text("Msg_ErrorPrefix") + ex.MessageIn(CliLanguage.Culture(_language)), []);
        }
        catch (IndicatorException ex)
        {
            return Error(StatusCodes.Status400BadRequest, Text("Msg_ErrorPrefix") + ex.Message, []);
        }
        catch (KeyNotFoundException ex)
        {
            return Error(StatusCodes.Status400BadRequest, Text("Msg_ErrorPrefix") + ex.Message, []);
        }
    }

    private static IResult Error(int status, string error, IReadOnlyList<string> problems) =>
        Results.Json(new ErrorDto(error, problems), ExploreJsonContext.Default.ErrorDto, statusCode: status);

    private IResult Compute(Scenario s) => Results.Json(_compute.Handle(s), ExploreJsonContext.Default.ComputeDto);


    private IResult Unit(Scenario s)
    {
        var m = _session.ToMethodology(s, _language);
        var run = _session.Run(m, withResult: true);
        if (s.Unit is null || !run.Units.Any(u => u.Code == s.Unit))
        {
            throw new ValidationException("scenario", ValidationReport.Of([new ValidationProblem(ProblemCode.UnknownValue, Text("Explore_NoSuchUnit", s.Unit)) { Source = "unit", UnitCode = s.Unit, Expected = Text("Explore_ExpectedUnitCode"), Found = s.Unit ?? "(none)" }]));
        }

        return Results.Json(new FragmentDto(ExploreViews.UnitPanel(run.Result!, _session.Dataset, s.Unit, _language)), ExploreJsonContext.Default.FragmentDto);
    }

    private IResult Heatmap(Scenario s)
    {
        var run = _session.Run(_session.ToMethodology(s, _language), withResult: true);
        return Results.Json(new FragmentDto(ExploreViews.Heatmap(run.Result!)), ExploreJsonContext.Default.FragmentDto);
    }

    private IResult Export(Scenario s, string kind)
    {
        var m = _session.ToMethodology(s, _language);
        var file = m.Code + "-explore";
        switch (kind)
        {
            case "methodology":
                return Results.Bytes(Encoding.UTF8.GetBytes(MethodologyJson.Serialize(m)), "application/json; charset=utf-8", file + ".methodology.json");
            case "html":
                return Results.Bytes(Encoding.UTF8.GetBytes(HtmlReport.Create(IndexCalculator.Compute(m, _session.Dataset)).ToHtml()), "text/html; charset=utf-8", file + ".html");
            case "csv":
                return Results.Bytes(Encoding.UTF8.GetBytes(ExploreViews.Ranking(_session.Run(m), _language, null).ToCsv()), "text/csv; charset=utf-8", file + ".csv");
            case "xlsx":
                var run = _session.Run(m, withResult: s.Unit is not null);
                return Results.Bytes(TableWorkbook.ToBytes(ExploreViews.WorkbookTables(run, _session.Dataset, s.Unit, _language)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file + ".xlsx");
            default:
                throw new ValidationException("request", ValidationReport.Of([new ValidationProblem(ProblemCode.UnknownValue, Text("Explore_UnknownExport", kind)) { Source = "export", Expected = Text("Explore_ExpectedExport"), Found = kind }]));
        }
    }

    private IResult StartUncertainty(Scenario s)
    {
        var m = _session.ToMethodology(s, _language);
        var runs = s.Runs ?? 500;
        if (runs is < 2 or > 20_000)
        {
            throw new ValidationException("scenario", ValidationReport.Of([new ValidationProblem(ProblemCode.InvalidParameter, Text("Explore_RunsOutOfRange")) { Source = "runs", Expected = Text("Explore_ExpectedRuns"), Found = runs.ToString(System.Globalization.CultureInfo.InvariantCulture) }]));
        }

        var job = new UncertaintyJob(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), runs);
        lock (_jobLock)
        {
            _job?.Cancel();
            _job = job;
        }

        job.Start(m, _session.Dataset, UncertaintyGate, _app.Lifetime.ApplicationStopping);
        return Results.Json(job.State(), ExploreJsonContext.Default.JobDto);
    }

    private IResult JobState(string id)
    {
        var job = _job;
        return job is not null && job.Id == id
            ? Results.Json(job.State(), ExploreJsonContext.Default.JobDto)
            : Error(StatusCodes.Status404NotFound, Text("Msg_ErrorPrefix") + Text("Explore_NoUncertaintyRun", id), []);
    }

    private IResult CancelJob(string id)
    {
        var job = _job;
        if (job is null || job.Id != id)
        {
            return Error(StatusCodes.Status404NotFound, Text("Msg_ErrorPrefix") + Text("Explore_NoUncertaintyRun", id), []);
        }

        job.Cancel();
        return Results.Json(job.State(), ExploreJsonContext.Default.JobDto);
    }

    /// <summary>Waits until <paramref name="cancellation"/> is cancelled (Ctrl-C), then stops cleanly.</summary>
    public async Task RunUntilCancelledAsync(CancellationToken cancellation)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM: stop below.
        }

        _job?.Cancel();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _job?.Cancel();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or ObjectDisposedException)
        {
            // Not started, or already stopped.
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Leaves signals to the CLI's <see cref="CancellationHost"/>: the host neither waits for nor handles Ctrl-C itself.</summary>
    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>One uncertainty run in the background: weight noise of ±25% on the scenario, with progress and cancel.</summary>
    private sealed class UncertaintyJob(string id, int runs) : IProgress<UncertaintyProgress>, IDisposable
    {
        private readonly CancellationTokenSource _cancel = new();
        private long _done;
        private long _total = runs;
        private volatile string _state = "running";
        private string? _html;
        private string? _error;

        public string Id { get; } = id;

        public void Report(UncertaintyProgress value)
        {
            Interlocked.Exchange(ref _done, value.Done);
            Interlocked.Exchange(ref _total, value.Total);
        }

        public void Cancel()
        {
            try
            {
                _cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Finished.
            }
        }

        public void Dispose() => _cancel.Dispose();

        public JobDto State() => new(Id, _state, Interlocked.Read(ref _done), Interlocked.Read(ref _total), _html, _error);

        public void Start(Methodology m, Model.Dataset dataset, Func<CancellationToken, Task>? gate, CancellationToken stopping)
        {
            var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token, stopping);
            _ = Task.Run(async () =>
            {
                try
                {
                    if (gate is not null)
                    {
                        await gate(linked.Token).ConfigureAwait(false);
                    }

                    var options = new UncertaintyOptions { Runs = runs, Seed = 1, Threads = Math.Max(1, Environment.ProcessorCount - 1) };
                    var result = UncertaintyAnalysis.Run(m, dataset, [UncertainFactor.WeightNoise(0.25)], options, this, linked.Token);
                    _html = "<figure>" + RankIntervalChart.Create(result, 30).ToSvg() + "</figure>\n" + UncertaintyTable.From(result, 30).ToHtml();
                    _state = "done";
                }
                catch (OperationCanceledException)
                {
                    _state = "cancelled";
                }
                catch (IndicatorException ex)
                {
                    _error = "error: " + ex.Message;
                    _state = "failed";
                }
                finally
                {
                    linked.Dispose();
                    Dispose();
                }
            }, CancellationToken.None);
        }
    }
}
