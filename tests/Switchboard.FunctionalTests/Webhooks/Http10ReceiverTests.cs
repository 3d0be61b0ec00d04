using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Calls.Limits;
using Switchboard.FunctionalTests.Peers;
using Switchboard.Webhooks;

namespace Switchboard.FunctionalTests.Webhooks;

/// <summary>
/// Real calls against an application on Python's <c>http.server</c>, which answers in HTTP/1.0 and closes each
/// connection after its answer: a webhook written onto such a connection as the server's FIN is on its way used to
/// fail, and a call hook is asked once, so its call failed; an audio fetch for <c>play</c> failed the same way and
/// the call went on without its audio.
/// </summary>
public sealed class Http10ReceiverTests
{
    private const string Number = "+15558880010";
    private const int Calls = 100;
    private const int CallsPerSecond = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A caller that dials [service], is answered, and waits for Switchboard's BYE. The ACK and BYE answer carry the
    /// dialog's identifiers as SIPp keeps them per call, so one run places many calls.
    /// </summary>
    private const string CallerScenario = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="call a number, await BYE">
          <send retrans="500">
            <![CDATA[
              INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:+15557770001@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: <sip:+15557770001@[local_ip]:[local_port]>
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=caller 53655765 2353687637 IN IP[local_ip_type] [local_ip]
              s=-
              c=IN IP[media_ip_type] [media_ip]
              t=0 0
              m=audio [media_port] RTP/AVP 0
              a=rtpmap:0 PCMU/8000
              a=sendrecv

            ]]>
          </send>
          <recv response="100" optional="true" />
          <recv response="180" optional="true" />
          <recv response="200" rrs="true" />
          <send>
            <![CDATA[
              ACK [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:+15557770001@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
              [routes]
              Call-ID: [call_id]
              CSeq: 1 ACK
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv request="BYE" timeout="15000" />
          <send>
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]>
          </send>
          <timewait milliseconds="500" />
        </scenario>
        """;

    [Fact]
    public async Task CallsAtTwentyASecond_ToAnHttp10Application_AllRunTheirVerbs_AndReportEveryStatus()
    {
        await using var application = await PythonHttp10Receiver.StartAsync("""[{"verb": "pause", "length": 1}, {"verb": "hangup"}]""");

        await CallAndCheckAsync(application);
    }

    [Fact]
    public async Task CallsAtTwentyASecond_PlayingAudioFromAnHttp10Server_FetchItEveryTime()
    {
        // Each call plays its own URL, so every play is a fetch on the wire; a fetch that failed would end the play
        // early and its call still completes, but the server would never have read it.
        await using var application = await PythonHttp10Receiver.StartAsync("""[{"verb": "play", "url": "$audio"}, {"verb": "hangup"}]""");

        var callSids = await CallAndCheckAsync(application);

        var fetched = application.Received.Where(h => h.Path == "/audio").Select(h => h.CallSid).ToList();
        var missed = callSids.Except(fetched).Count();
        Assert.True(missed == 0, $"{missed} of {Calls} calls' audio never reached the server");
        Assert.Equal(callSids.Order(), fetched.Order());
    }

    /// <summary>
    /// Places the calls against <paramref name="application"/> and checks that none failed, that SIPp saw each answered
    /// and hung up, and that each call's hook was asked once and its four statuses arrived in order; returns the call sids.
    /// </summary>
    private static async Task<HashSet<string>> CallAndCheckAsync(PythonHttp10Receiver application)
    {
        var room = new CallLimits { CallsPerSecondPerAccount = 4 * CallsPerSecond };

        // What this looks for fails at once ("An error occurred while sending the request"); a longer wait for the call
        // hook keeps a Python server slowed by a loaded machine (its listen backlog is 5) from counting as that.
        var patient = WebhookOptions.Default with { ReplyTimeout = TimeSpan.FromSeconds(15) };
        await using var server = await TestServer.StartAsync(defaultCarrier: null, configure: services => services.AddSingleton(room).AddSingleton(patient));
        await CreateNumberAsync(server, application);

        var (exitCode, output) = await CallAsync(server.App.SipEndPoint);
        var statuses = await WaitForFinalStatusesAsync(application);

        var failed = application.Received.Where(h => h.Path == "/status" && h.Status == "failed").ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {Calls} calls failed: {string.Join("; ", failed.Select(h => h.Detail).Distinct())}");
        Assert.True(exitCode == 0, $"SIPp's calls did not all run as written ({exitCode}): {output}");
        var callHooks = application.Received.Where(h => h.Path == "/call").Select(h => h.CallSid).ToList();
        Assert.Equal(Calls, callHooks.Distinct().Count());
        Assert.Equal(callHooks.Order(), statuses.Keys.Order());
        Assert.All(callHooks, sid => Assert.Equal(["trying", "in-progress", "completed"], statuses[sid]));
        return [.. callHooks];
    }

    /// <summary>Every call's statuses by call sid, once every call has its final one (or patience runs out).</summary>
    private static async Task<Dictionary<string, List<string>>> WaitForFinalStatusesAsync(PythonHttp10Receiver application)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var statuses = application.Received
                .Where(h => h.Path == "/status")
                .GroupBy(h => h.CallSid)
                .ToDictionary(g => g.Key, g => g.Select(h => h.Status).ToList());
            var ended = statuses.Values.Count(s => s.Contains("completed") || s.Contains("failed"));
            if (ended >= Calls || deadline.Elapsed > Patience)
            {
                return statuses;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Places <see cref="Calls"/> calls at <see cref="CallsPerSecond"/> with one SIPp run; its exit code is 0 when all ran.
    /// SIPp's default behaviours stay on, so a call refused instead of answered is aborted at once, not left waiting.
    /// </summary>
    private static async Task<(int ExitCode, string Output)> CallAsync(IPEndPoint target)
    {
        var scenario = Path.Combine(Path.GetTempPath(), $"sipp-{Guid.NewGuid():N}-uac_await_bye.xml");
        await File.WriteAllTextAsync(scenario, CallerScenario);
        var info = new ProcessStartInfo("sipp")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[]
        {
            "-sf", scenario, "-i", "127.0.0.1", "-p", FreePort.Udp().ToString(), "-mp", FreePort.Udp().ToString(),
            "-s", Number, "-r", CallsPerSecond.ToString(), "-m", Calls.ToString(), "-nostdin",
            "-timeout", "30s", "-timeout_error", target.ToString(),
        })
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var sipp = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
            var stdout = sipp.StandardOutput.ReadToEndAsync();
            var stderr = sipp.StandardError.ReadToEndAsync();
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            try
            {
                await sipp.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                sipp.Kill(entireProcessTree: true);
                await sipp.WaitForExitAsync();
            }

            var output = await stdout;
            return (sipp.ExitCode, output[^Math.Min(3000, output.Length)..] + await stderr);
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    private static async Task CreateNumberAsync(TestServer server, PythonHttp10Receiver application)
    {
        var created = await server.Client.PostAsJsonAsync(
            $"/v1/Accounts/{server.App.AccountSid}/Applications",
            new { name = "http.server", call_hook = application.Url("/call"), call_status_hook = application.Url("/status") });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var applicationSid = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();
        var number = await server.Client.PostAsJsonAsync(
            $"/v1/Accounts/{server.App.AccountSid}/PhoneNumbers",
            new { number = Number, application_sid = applicationSid });
        Assert.Equal(HttpStatusCode.Created, number.StatusCode);
    }
}
