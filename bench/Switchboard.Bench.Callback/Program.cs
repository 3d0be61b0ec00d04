using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Bench.Callback;
using Switchboard.Server.Configuration;
using Switchboard.Server.Hosting;

// Places N callback sessions at once (every POST in flight together) against one server on loopback whose
// callees all answer at once, holds the bridged calls, then ends them. Prints one table: setup time (POST sent →
// "Bridged" event received) and, for the bridged media, the frames lost across the bridge and their pacing.
var sessions = args.Length > 0 ? int.Parse(args[0]) : 200;
var holdSeconds = args.Length > 1 ? int.Parse(args[1]) : 10;
var mode = args.Length > 2 ? args[2] : "sequential";

using var farm = new CalleeFarm();
var bridged = new ConcurrentDictionary<string, long>();
var ended = new ConcurrentDictionary<string, string>();
var hookBuilder = WebApplication.CreateSlimBuilder();
hookBuilder.WebHost.UseUrls("http://127.0.0.1:0");
hookBuilder.Logging.ClearProviders();
await using var hooks = hookBuilder.Build();
hooks.MapPost("/events", async (HttpRequest request) =>
{
    var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
    if (body.TryGetProperty("event", out var name))
    {
        var sid = body.GetProperty("sid").GetString()!;
        if (name.GetString() == "Bridged")
        {
            bridged.TryAdd(sid, Stopwatch.GetTimestamp());
        }
        else if (name.GetString() is "Completed" or "Failed")
        {
            ended[sid] = name.GetString() + " " + body.GetProperty("reason").GetString();
        }
    }

    return Results.Ok();
});
await hooks.StartAsync();
var hookBase = hooks.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

var data = Path.Combine(Path.GetTempPath(), "switchboard-bench-" + Guid.NewGuid().ToString("N"));
var settings = new SwitchboardSettings(
    new IPEndPoint(IPAddress.Loopback, 0), new IPEndPoint(IPAddress.Loopback, 0), null, 40000, 41999, data, null, "sb_bench", null)
{
    AllowPrivateUrls = true,

    // The bench measures the engine, not the per-account limits that would pace 400 legs at 10 per second.
    CallsPerSecondPerAccount = 100_000,
    ConcurrentCallsPerAccount = 100_000,
    MaxLiveCalls = 100_000,
};
await using var server = await SwitchboardApp.StartAsync(settings, logging => logging.SetMinimumLevel(LogLevel.Warning), CancellationToken.None);
using var http = new HttpClient { BaseAddress = server.HttpAddress, Timeout = TimeSpan.FromSeconds(60) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sb_bench");
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

var posted = new long[sessions];
var sids = new string?[sessions];
await Task.WhenAll(Enumerable.Range(0, sessions).Select(async i =>
{
    posted[i] = Stopwatch.GetTimestamp();
    var response = await http.PostAsJsonAsync("/voice/call/callback", new
    {
        leg_A = new { to = $"sip:a{i}@127.0.0.1:{farm.Port}", from = "1000125" },
        leg_B = new { to = $"sip:b{i}@127.0.0.1:{farm.Port}", from = "1000123" },
        mode,
        callback = new { url = hookBase + "/events", strategy = "OnChange" },
    });
    if (response.IsSuccessStatusCode)
    {
        sids[i] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();
    }
    else
    {
        Console.Error.WriteLine($"session {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}));

var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 30);
while (sids.Count(sid => sid is not null && bridged.ContainsKey(sid)) + ended.Count < sids.Count(sid => sid is not null) && Stopwatch.GetTimestamp() < deadline)
{
    await Task.Delay(100);
}

// The server's own view of setup (session stored → both legs bridged), without the webhook that reports it.
var serverSetupMs = new ConcurrentBag<double>();
await Task.WhenAll(sids.OfType<string>().Select(async sid =>
{
    var session = await http.GetFromJsonAsync<JsonElement>($"/voice/call/callback/{sid}");
    if (session.TryGetProperty("bridgedAt", out var bridgedAt) && bridgedAt.ValueKind == JsonValueKind.String)
    {
        serverSetupMs.Add((bridgedAt.GetDateTimeOffset() - session.GetProperty("createdAt").GetDateTimeOffset()).TotalMilliseconds);
    }
}));

await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
var stoppedAt = Stopwatch.GetTimestamp();
await Task.WhenAll(sids.OfType<string>().Select(sid => http.DeleteAsync($"/voice/call/callback/{sid}")));
var waitEnd = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 20);
while (ended.Count < sids.Count(sid => sid is not null) && Stopwatch.GetTimestamp() < waitEnd)
{
    await Task.Delay(100);
}

var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
var setupMs = new List<double>();
long expected = 0, lost = 0;
var intervals = new List<double>();
var margin = Stopwatch.Frequency / 2;
for (var i = 0; i < sessions; i++)
{
    if (sids[i] is not { } sid || !bridged.TryGetValue(sid, out var bridgedAt))
    {
        continue;
    }

    setupMs.Add(Milliseconds(bridgedAt - posted[i]));
    if (!farm.Legs.TryGetValue($"a{i}", out var a) || !farm.Legs.TryGetValue($"b{i}", out var b))
    {
        continue;
    }

    foreach (var (from, to) in new[] { (a, b), (b, a) })
    {
        var windowStart = bridgedAt + margin;
        var windowEnd = stoppedAt - margin;
        var heard = to.Received().Where(r => r.Counter >= 0).Select(r => r.Counter).ToHashSet();
        var sent = from.SentTicks;
        for (var counter = 0; counter < sent.Count; counter++)
        {
            if (sent[counter] >= windowStart && sent[counter] <= windowEnd)
            {
                expected++;
                lost += heard.Contains(counter) ? 0 : 1;
            }
        }

        var arrivals = to.Received().Where(r => r.Ticks >= windowStart && r.Ticks <= windowEnd).Select(r => r.Ticks).ToArray();
        for (var k = 1; k < arrivals.Length; k++)
        {
            intervals.Add(Milliseconds(arrivals[k] - arrivals[k - 1]));
        }
    }
}

var failures = ended.Values.Where(outcome => !outcome.StartsWith("Completed", StringComparison.Ordinal)).GroupBy(outcome => outcome).Select(g => $"{g.Count()}× {g.Key}");
Console.WriteLine($"| measure ({sessions} {mode} callback sessions at once, {holdSeconds} s bridged) | value |");
Console.WriteLine("| --- | --- |");
Console.WriteLine($"| sessions created / bridged / ended Completed | {sids.Count(s => s is not null)} / {setupMs.Count} / {ended.Values.Count(o => o.StartsWith("Completed", StringComparison.Ordinal))} |");
Console.WriteLine($"| other outcomes | {(failures.Any() ? string.Join(", ", failures) : "none")} |");
Console.WriteLine($"| setup, POST sent → Bridged event: p50 / p99 / max | {Percentile(setupMs, 0.5):F0} / {Percentile(setupMs, 0.99):F0} / {Percentile(setupMs, 1):F0} ms |");
Console.WriteLine($"| setup inside the server, session stored → bridged: p50 / p99 / max | {Percentile([.. serverSetupMs], 0.5):F0} / {Percentile([.. serverSetupMs], 0.99):F0} / {Percentile([.. serverSetupMs], 1):F0} ms |");
Console.WriteLine($"| bridged frames expected / lost (both directions) | {expected:N0} / {lost:N0} ({(expected == 0 ? 0 : 100.0 * lost / expected):F3} %) |");
Console.WriteLine($"| inter-arrival at the far callee: p50 / p99 / max | {Percentile(intervals, 0.5):F2} / {Percentile(intervals, 0.99):F2} / {Percentile(intervals, 1):F2} ms |");
Console.WriteLine($"| share of intervals within 20 ± 5 ms | {(intervals.Count == 0 ? 0 : 100.0 * intervals.Count(v => v is >= 15 and <= 25) / intervals.Count):F2} % |");
Console.WriteLine($"| CPU, bench process (server, callees and webhook receiver) | {cpu.TotalSeconds:F1} s |");
try
{
    Directory.Delete(data, recursive: true);
}
catch (IOException)
{
}

static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

static double Percentile(List<double> values, double share)
{
    if (values.Count == 0)
    {
        return double.NaN;
    }

    var sorted = values.Order().ToArray();
    return sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * share))];
}
