using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProvinceIct.Indicators.Cli.Explore;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Tests.Cli.Explore;

/// <summary>One explore server on the 63-province Open-data Provincial Readiness Index 2016, shared by a test class.</summary>
public sealed class ExploreTestServer : IAsyncLifetime
{
    internal ExploreSession Session { get; } = new(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset);

    internal ExploreServer Server { get; private set; } = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The session's base address, ending in a slash: <c>http://127.0.0.1:PORT/s/TOKEN/</c>.</summary>
    public string Base => Server.Url;

    public async Task InitializeAsync() => Server = await ExploreServer.StartAsync(Session, "en");

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json) =>
        Client.PostAsync(Base + path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;
}
