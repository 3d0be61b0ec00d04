using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Switchboard.Bench.Soak;

// Soak: calls at a steady rate for N minutes through a receiver that fails a share of status deliveries, then
// counts what the receiver got: events lost (target 0), duplicates (target 0), out of order (target 0), and the
// server's memory at start and end. The server runs as its own process (switchboard.dll), the callee is SIPp's
// built-in UAS, each call answers, pauses a second and hangs up.
// Usage: dotnet run -c Release --project bench/Switchboard.Bench.Soak -- [--minutes 10] [--rate 2] [--failure 0.2]
var minutes = Option("--minutes", 10);
var rate = Option("--rate", 2);
var failureRate = Option("--failure", 0.2);
string[] completedSequence = ["trying", "ringing", "in-progress", "completed"];

var sipPort = FreeUdpPort();
using var callee = new ChildProcess("sipp", ["-sn", "uas", "-i", "127.0.0.1", "-p", sipPort.ToString(CultureInfo.InvariantCulture), "-mp", FreeUdpPort().ToString(CultureInfo.InvariantCulture), "-nostdin", "-nd"]);
await using var receiver = await FlakyReceiver.StartAsync(failureRate, """[{"verb": "pause", "length": 1}, {"verb": "hangup"}]""");
var data = Path.Combine(Path.GetTempPath(), "switchboard-soak-" + Guid.NewGuid().ToString("N"));
var httpPort = FreeTcpPort();
const string Key = "sb_soak_key_0123456789";
using var server = new ChildProcess(
    "dotnet",
    [Path.Combine(AppContext.BaseDirectory, "switchboard.dll")],
    new Dictionary<string, string>
    {
        ["SWITCHBOARD_HTTP"] = $"127.0.0.1:{httpPort}",
        ["SWITCHBOARD_SIP"] = $"127.0.0.1:{FreeUdpPort()}",
        ["SWITCHBOARD_RTP_PORTS"] = "37000-37999",
        ["SWITCHBOARD_DATA"] = data,
        ["SWITCHBOARD_API_KEY"] = Key,
        ["Logging__LogLevel__Default"] = "Warning",
    });
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
await WaitForHealthAsync(http);
var accounts = await http.GetFromJsonAsync<JsonElement>("/v1/Accounts");
var callsPath = $"/v1/Accounts/{accounts[0].GetProperty("account_sid").GetString()}/Calls";
var idleMiB = server.ResidentMiB();

Console.WriteLine($"soak: {minutes} min at {rate} calls/s, receiver failing {failureRate:P0} of status deliveries");
var sids = new List<string>();
var notPlaced = 0;
double warmMiB = 0;
var clock = Stopwatch.StartNew();
var interval = TimeSpan.FromSeconds(1 / rate);
for (var next = TimeSpan.Zero; clock.Elapsed < TimeSpan.FromMinutes(minutes); next += interval)
{
    if (next > clock.Elapsed)
    {
        await Task.Delay(next - clock.Elapsed);
    }

    var response = await http.PostAsJsonAsync(callsPath, new
    {
        call_hook = receiver.BaseUrl + "/call",
        call_status_hook = receiver.BaseUrl + "/status",
        from = "+15550001",
        to = new { type = "sip", sipUri = $"sip:+15550002@127.0.0.1:{sipPort}" },
    });
    if (response.StatusCode == HttpStatusCode.Created)
    {
        sids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString()!);
    }
    else
    {
        notPlaced++;
    }

    if (warmMiB == 0 && clock.Elapsed > TimeSpan.FromSeconds(30))
    {
        warmMiB = server.ResidentMiB();
    }

    if (sids.Count % 100 == 0 && sids.Count > 0)
    {
        Console.WriteLine($"  {clock.Elapsed:mm\\:ss} {sids.Count} calls, {receiver.Posts} status posts ({receiver.Refused} refused), server {server.ResidentMiB():0} MiB");
    }
}

var placing = clock.Elapsed;

// Every call's final status must arrive; retries of the last ones may take a few backoff rounds.
var drainClock = Stopwatch.StartNew();
while (drainClock.Elapsed < TimeSpan.FromMinutes(3) && sids.Any(sid => !HasFinal(sid)))
{
    await Task.Delay(500);
}

await Task.Delay(TimeSpan.FromSeconds(3));
var endMiB = server.ResidentMiB();

long expected = 0, lost = 0, duplicates = 0, outOfOrder = 0;
var finals = new Dictionary<string, int>();
foreach (var sid in sids)
{
    var call = await http.GetFromJsonAsync<JsonElement>($"{callsPath}/{sid}");
    var final = call.GetProperty("call_status").GetString()!;
    finals[final] = finals.GetValueOrDefault(final) + 1;
    string[] wanted = final == "completed" ? completedSequence : [final];
    var got = receiver.Accepted.TryGetValue(sid, out var queue) ? queue.ToArray() : [];
    expected += wanted.Length;
    lost += wanted.Count(status => !got.Contains(status));
    duplicates += got.Length - got.Distinct().Count();
    var positions = got.Distinct().Select(status => Array.IndexOf(completedSequence, status)).Where(index => index >= 0).ToArray();
    outOfOrder += positions.Zip(positions.Skip(1)).Count(pair => pair.First > pair.Second);
}

var givenUp = (await http.GetFromJsonAsync<JsonElement>("/v1/WebhookFailures?limit=500")).GetArrayLength();
Console.WriteLine();
Console.WriteLine($"| measure ({placing.TotalMinutes:0.#} min, {rate} calls/s, {failureRate:P0} of deliveries failed) | value |");
Console.WriteLine("| --- | --- |");
Console.WriteLine($"| calls placed / refused by the API | {sids.Count} / {notPlaced} |");
Console.WriteLine($"| final statuses | {string.Join(", ", finals.Select(pair => $"{pair.Key} {pair.Value}"))} |");
Console.WriteLine($"| status posts received / answered 500 | {receiver.Posts} / {receiver.Refused} |");
Console.WriteLine($"| events expected / lost | {expected} / {lost} |");
Console.WriteLine($"| duplicates | {duplicates} |");
Console.WriteLine($"| out of order | {outOfOrder} |");
Console.WriteLine($"| webhooks given up (GET /v1/WebhookFailures) | {givenUp} |");
Console.WriteLine($"| server memory (RSS): idle / after 30 s / end | {idleMiB:0} / {warmMiB:0} / {endMiB:0} MiB |");
Console.WriteLine($"| last final status delivered after the last call was placed | {drainClock.Elapsed.TotalSeconds:0.0} s |");

server.Dispose();
Directory.Delete(data, recursive: true);
return lost == 0 && duplicates == 0 && outOfOrder == 0 ? 0 : 1;

bool HasFinal(string sid) =>
    receiver.Accepted.TryGetValue(sid, out var queue) && queue.Any(status => status is "completed" or "failed" or "busy" or "no-answer");

double Option(string name, double fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static async Task WaitForHealthAsync(HttpClient http)
{
    for (var attempt = 0; attempt < 300; attempt++)
    {
        try
        {
            if ((await http.GetAsync("/health")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(100);
    }

    throw new TimeoutException("the server did not become healthy");
}

static int FreeTcpPort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static int FreeUdpPort()
{
    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    return ((IPEndPoint)socket.LocalEndPoint!).Port;
}
