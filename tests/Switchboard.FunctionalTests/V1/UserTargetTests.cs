using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.FunctionalTests.Peers;
using Switchboard.Sip.Registrar;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// <c>to.type=user</c> for real: a baresip softphone registers to Switchboard's registrar with a SIP client's
/// username and password (digest), and <c>POST /Calls</c> reaches it at the contact it registered.
/// </summary>
public sealed class UserTargetTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Baresip_RegisteredAsAClient_IsCalledAsToTypeUser_AnswersAndHearsTheCall()
    {
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call"
            ? (200, """[{"verb": "say", "text": "Hello from Switchboard. This call reached you as a registered user."}, {"verb": "hangup"}]""")
            : (200, null);
        await using var server = await TestServer.StartAsync(defaultCarrier: null);
        var user = "phone" + Guid.NewGuid().ToString("N")[..8];
        var created = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Clients", new { username = user, password = "softphone-secret" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await using var baresip = BaresipProcess.Start(user, "softphone-secret", "127.0.0.1", server.App.SipEndPoint.Port);
        var locations = server.App.Services.GetRequiredService<SipRegistrar>().Locations;
        await WaitUntilAsync(() => locations.Lookup(user).Count > 0, Patience, () => "baresip did not register:\n" + baresip.Output);
        Assert.Equal(baresip.Port, locations.Lookup(user)[0].Contact.Uri.Port);
        var contact = locations.FindContactUri(user);
        var addressOfRecord = locations.FindAddressOfRecord(user);

        var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", new
        {
            call_hook = hooks.Url("/call"),
            call_status_hook = hooks.Url("/status"),
            from = "+15550001",
            to = new { type = "user", name = user },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await WaitUntilAsync(() => hooks.Received.Any(w => w.Path == "/status" && Status(w) == "completed"), Patience, () => "the call did not complete; baresip said:\n" + baresip.Output);
        var statuses = hooks.Received.Where(w => w.Path == "/status").Select(Status).ToList();
        Assert.Contains("in-progress", statuses);
        Assert.Equal("completed", statuses[^1]);
        Assert.Contains("answering call", baresip.Output, StringComparison.Ordinal);

        // RFC 3261 §8.1.1: the INVITE's Request-URI is the contact baresip registered; its To is the address-of-record
        // baresip registered that contact for (the To of its REGISTER), not the contact again.
        var invite = ReceivedInvite(baresip.Output);
        Assert.StartsWith($"INVITE {contact} SIP/2.0", invite, StringComparison.Ordinal);
        Assert.Contains($"\nTo: <{addressOfRecord}>", invite, StringComparison.Ordinal);
        Assert.Equal($"sip:{user}@127.0.0.1:{server.App.SipEndPoint.Port}", addressOfRecord);

        // What baresip decoded is the prompt: seconds of audio, most of it well above silence.
        await WaitUntilAsync(() => baresip.HeardAudioFiles().Count > 0, Patience, () => "baresip dumped no audio:\n" + baresip.Output);
        var heard = await ReadSamplesAsync(baresip.HeardAudioFiles()[0]);
        Assert.True(heard.Length > 8000 * 2, $"heard only {heard.Length} samples");
        Assert.True(Rms(heard) > 500, $"heard near silence (RMS {Rms(heard):F0})");
    }

    [Fact]
    public async Task Client_ThatIsNotRegistered_Answers422AndPlacesNoCall()
    {
        await using var server = await TestServer.StartAsync(defaultCarrier: null);
        var user = "idle" + Guid.NewGuid().ToString("N")[..8];
        await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Clients", new { username = user, password = "softphone-secret" });

        var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", new
        {
            call_hook = "http://127.0.0.1:9/call",
            from = "+15550001",
            to = new { type = "user", name = user },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("not registered", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The INVITE in baresip's SIP trace (<c>-s</c>): from its request line to the blank line after its headers.</summary>
    private static string ReceivedInvite(string output)
    {
        var start = output.IndexOf("INVITE sip:", StringComparison.Ordinal);
        Assert.True(start >= 0, "baresip traced no INVITE:\n" + output);
        var end = output.IndexOf("\n\n", start, StringComparison.Ordinal);
        return output[start..(end < 0 ? output.Length : end)].ReplaceLineEndings("\n");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure());
            await Task.Delay(50);
        }
    }

    /// <summary>The 16-bit samples of a PCM WAV, found by walking its RIFF chunks to "data".</summary>
    private static async Task<short[]> ReadSamplesAsync(string path)
    {
        byte[] bytes = [];
        for (var attempt = 0; attempt < 50 && bytes.Length <= 44; attempt++)
        {
            bytes = await File.ReadAllBytesAsync(path);
            await Task.Delay(100);
        }

        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var size = BitConverter.ToInt32(bytes, offset + 4);
            if (bytes.AsSpan(offset, 4).SequenceEqual("data"u8))
            {
                var length = Math.Min(size < 0 ? int.MaxValue : size, bytes.Length - offset - 8) / 2;
                var samples = new short[length];
                Buffer.BlockCopy(bytes, offset + 8, samples, 0, length * 2);
                return samples;
            }

            offset += 8 + size;
        }

        return [];
    }

    private static double Rms(short[] samples) => Math.Sqrt(samples.Average(s => (double)s * s));

    private static string? Status(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_status").GetString();
}
