using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;

namespace Switchboard.FunctionalTests.Media;

/// <summary>
/// A callee whose SDP offers no telephone-event can only press keys as tones in its audio (ITU-T Q.23): SIPp
/// replays a capture of G.711 µ-law RTP that the test writes with our encoder, and a <c>gather</c> hears
/// the keys through in-band detection.
/// </summary>
public sealed class InbandDtmfCallTests
{
    private const string Keys = "159";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Gather_HearsKeysSentAsTonesInTheAudio_WhenTheCalleeHasNoTelephoneEvent()
    {
        var workspace = Directory.CreateTempSubdirectory("switchboard-inband-");
        try
        {
            var scenario = WriteScenario(workspace.FullName);
            await using var rtp = RtpSink.Start();
            await using var callee = await SippProcess.StartCalleeAsync(scenario, new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
            await using var hooks = await WebhookReceiver.StartAsync();
            hooks.Respond = webhook => webhook.Path switch
            {
                "/call" => (200, """
                    [{"verb": "gather", "actionHook": "/action", "input": ["digits"], "numDigits": 3, "timeout": 20}]
                    """),
                "/action" => (200, """[{"verb": "hangup"}]"""),
                _ => (200, null),
            };
            await using var server = await TestServer.StartAsync(callee.Uri);

            var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", new JsonObject
            {
                ["call_hook"] = hooks.Url("/call"),
                ["call_status_hook"] = hooks.Url("/status"),
                ["from"] = "+15550001",
                ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);

            var action = await hooks.WaitForAsync(w => w.Path == "/action", Patience);
            Assert.Equal(Keys, action.Body.GetProperty("digits").GetString());
            Assert.Equal("dtmfDetected", action.Body.GetProperty("reason").GetString());
            await hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);
            Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        }
        finally
        {
            workspace.Delete(recursive: true);
        }
    }

    /// <summary>The scenario, pointed at a capture of the keys written beside it.</summary>
    private static string WriteScenario(string directory)
    {
        var pcap = Path.Combine(directory, "keys.pcap");
        var datagrams = KeyedAudio(Keys).Select((payload, i) => (TimeSpan.FromMilliseconds(20 * i), payload)).ToArray();
        File.WriteAllBytes(pcap, PcapWriter.Write(datagrams, new IPEndPoint(IPAddress.Loopback, 6000), new IPEndPoint(IPAddress.Loopback, 6002)));
        var scenario = Path.Combine(directory, "uas_answer_inband_dtmf.xml");
        var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "uas_answer_inband_dtmf.xml"));
        File.WriteAllText(scenario, template.Replace("PCAP_FILE", pcap, StringComparison.Ordinal));
        return scenario;
    }

    /// <summary>
    /// RTP packets of 20 ms PCMU: 300 ms of quiet (our latch learns a source that is not the SDP's from its
    /// first packets), then each key as 100 ms of its two tones at −10 dBm0 and 100 ms of quiet.
    /// </summary>
    private static List<byte[]> KeyedAudio(string keys)
    {
        var samples = new List<short>(Quiet(300));
        foreach (var key in keys)
        {
            Assert.True(DtmfKeys.TryGetEventCode(key, out var code));
            var (low, high) = DtmfKeys.FrequenciesOf(code);
            var amplitude = 32767 * Math.Pow(10, (-10 - 3.17) / 20);
            for (var n = 0; n < 800; n++)
            {
                var t = n / 8000.0;
                samples.Add((short)(amplitude * (Math.Sin(2 * Math.PI * low * t) + Math.Sin(2 * Math.PI * high * t))));
            }

            samples.AddRange(Quiet(100));
        }

        samples.AddRange(Quiet(300));
        var packets = new List<byte[]>();
        for (var frame = 0; (frame + 1) * 160 <= samples.Count; frame++)
        {
            var packet = new byte[RtpHeader.FixedLength + 160];
            new RtpHeader(frame == 0, 0, (ushort)(4000 + frame), (uint)(frame * 160), 0x1B0D5EED).WriteTo(packet);
            MuLaw.Encode(samples.GetRange(frame * 160, 160).ToArray(), packet.AsSpan(RtpHeader.FixedLength));
            packets.Add(packet);
        }

        return packets;
    }

    private static short[] Quiet(int milliseconds) => new short[milliseconds * 8];
}
