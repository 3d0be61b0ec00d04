using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Bench.Latency;
using Switchboard.Server.Configuration;
using Switchboard.Server.Hosting;

// Measures, over N sequential calls: POST /voice/conversation → INVITE received by the callee, and
// the callee's key (first RFC 4733 end packet sent) → COLLECT's eventUrl post received. Prints one table.
var calls = args.Length > 0 ? int.Parse(args[0]) : 20;
using var callee = new MiniCallee();
var posts = Channel.CreateUnbounded<long>();
var hookBuilder = WebApplication.CreateSlimBuilder();
hookBuilder.WebHost.UseUrls("http://127.0.0.1:0");
hookBuilder.Logging.ClearProviders();
await using var hooks = hookBuilder.Build();
hooks.MapPost("/collect", () =>
{
    posts.Writer.TryWrite(Stopwatch.GetTimestamp());
    return Results.Ok();
});
await hooks.StartAsync();
var hookBase = hooks.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

var data = Path.Combine(Path.GetTempPath(), "switchboard-bench-" + Guid.NewGuid().ToString("N"));
var settings = new SwitchboardSettings(
    new IPEndPoint(IPAddress.Loopback, 0), new IPEndPoint(IPAddress.Loopback, 0), null, 36000, 36999, data, null, "sb_bench",
    $"sip:127.0.0.1:{callee.Port}");
await using var server = await SwitchboardApp.StartAsync(settings, logging => logging.SetMinimumLevel(LogLevel.Warning), CancellationToken.None);
using var http = new HttpClient { BaseAddress = server.HttpAddress };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sb_bench");

var inviteMs = new List<double>();
var keyMs = new List<double>();
var firstCallGaps = new List<double>();
var laterGaps = new List<double>();
for (var i = 0; i < calls; i++)
{
    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
    var answering = callee.AnswerAsync(timeout.Token);
    var posted = Stopwatch.GetTimestamp();
    var response = await http.PostAsJsonAsync("/voice/conversation", new
    {
        from = "123",
        to = new { phone = "+15550100" },
        dialPlan = new { verbs = new object[] { new { type = "COLLECT", eventUrl = hookBase + "/collect", timeout = 5 } } },
    });
    response.EnsureSuccessStatusCode();
    var (inviteTicks, media) = await answering;
    callee.TakeArrivals();
    await Task.Delay(1000);
    var keyTicks = await callee.PressOneAsync(media, timeout.Token);
    var postTicks = await posts.Reader.ReadAsync(timeout.Token);
    await callee.AwaitByeAsync(timeout.Token);
    var arrivals = callee.TakeArrivals();
    (i == 0 ? firstCallGaps : laterGaps).AddRange(arrivals.Skip(1).Select((t, n) => Milliseconds(t - arrivals[n])));
    inviteMs.Add(Milliseconds(inviteTicks - posted));
    keyMs.Add(Milliseconds(postTicks - keyTicks));
}

Console.WriteLine($"| measure ({calls} calls) | median ms | p90 ms | max ms |");
Console.WriteLine("| --- | --- | --- | --- |");
Row("POST /voice/conversation → INVITE at the callee", inviteMs);
Row("callee's key (RFC 4733 end) → eventUrl post", keyMs);
Console.WriteLine();
Console.WriteLine("| RTP from the server, gap between packets at the callee | packets | min ms | p1 ms | median ms | p99 ms | max ms | outside 20 ± 5 ms |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
Gaps("first call after start", firstCallGaps);
Gaps($"calls 2 to {calls}", laterGaps);
Directory.Delete(data, recursive: true);

static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

static void Gaps(string name, List<double> gaps)
{
    if (gaps.Count == 0)
    {
        Console.WriteLine($"| {name} | 0 | | | | | | |");
        return;
    }

    var sorted = gaps.Order().ToArray();
    Console.WriteLine($"| {name} | {gaps.Count + 1} | {sorted[0]:F2} | {sorted[sorted.Length / 100]:F2} | {sorted[sorted.Length / 2]:F2} | {sorted[Math.Min(sorted.Length - 1, sorted.Length * 99 / 100)]:F2} | {sorted[^1]:F2} | {gaps.Count(g => g is < 15 or > 25)} |");
}

static void Row(string name, List<double> values)
{
    var sorted = values.Order().ToArray();
    Console.WriteLine($"| {name} | {sorted[sorted.Length / 2]:F2} | {sorted[(int)(sorted.Length * 0.9)]:F2} | {sorted[^1]:F2} |");
}
