using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Client.Webhooks;

namespace Switchboard.FunctionalTests.Client;

/// <summary>
/// An ASP.NET Core application as a user writes one: its webhook endpoints verify Switchboard's signature with one
/// line, <c>.RequireSwitchboardSignature(...)</c>, and bind the body as usual.
/// </summary>
internal sealed class SignedWebhookApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SignedWebhookApp(WebApplication app, string baseUrl, ConcurrentQueue<JsonElement> calls, ConcurrentQueue<string> statuses)
    {
        _app = app;
        BaseUrl = baseUrl;
        Calls = calls;
        Statuses = statuses;
    }

    public string BaseUrl { get; }

    /// <summary>The bodies the verified <c>/call</c> endpoint bound.</summary>
    public ConcurrentQueue<JsonElement> Calls { get; }

    /// <summary>The <c>call_status</c> of each GET the verified <c>/status</c> endpoint took.</summary>
    public ConcurrentQueue<string> Statuses { get; }

    /// <param name="secret">The account's webhook secret.</param>
    /// <param name="callAnswer">What <c>/call</c> answers: the call's verbs.</param>
    public static async Task<SignedWebhookApp> StartAsync(string secret, string callAnswer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var calls = new ConcurrentQueue<JsonElement>();
        app.MapPost("/call", (JsonElement call) =>
        {
            calls.Enqueue(call);
            return Results.Text(callAnswer, "application/json");
        }).RequireSwitchboardSignature(secret);
        var statuses = new ConcurrentQueue<string>();
        app.MapGet("/status", (string call_status) =>
        {
            statuses.Enqueue(call_status);
            return Results.Ok();
        }).RequireSwitchboardSignature(secret);
        app.MapPost("/replay", (JsonElement _) => Results.Ok()).RequireSwitchboardSignature(secret);
        app.MapPost("/foreign", (JsonElement _) => Results.Ok()).RequireSwitchboardSignature("whsec_someone_elses_secret");
        app.MapPost("/later", (JsonElement _) => Results.Ok())
            .RequireSwitchboardSignature(new WebhookSignatureVerifier([secret], timeProvider: new ShiftedTime(TimeSpan.FromMinutes(10))));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SignedWebhookApp(app, address.TrimEnd('/'), calls, statuses);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>A clock <paramref name="ahead"/> of the real one: what a replay that much later sees.</summary>
    private sealed class ShiftedTime(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }
}
