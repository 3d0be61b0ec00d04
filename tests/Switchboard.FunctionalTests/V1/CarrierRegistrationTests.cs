using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Switchboard.FunctionalTests.Peers;
using Switchboard.Testing.Kamailio;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// VoipCarriers with <c>register: true</c> against a real Kamailio registrar: the server registers as soon as the
/// carrier is created, shows the state on GET, and removes its binding when the carrier stops asking and at shutdown.
/// </summary>
public sealed class CarrierRegistrationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Carrier_ThatAsksToRegister_IsRegisteredAtOnce_AndUnregisteredWhenItStopsAsking()
    {
        await using var kamailio = await KamailioProcess.StartAsync(new IPEndPoint(IPAddress.Loopback, 9));
        await using var server = await TestServer.StartAsync(defaultCarrier: null);
        var carriers = $"/v1/Accounts/{server.App.AccountSid}/VoipCarriers";

        var created = await server.Client.PostAsJsonAsync(carriers, new
        {
            name = "kamailio",
            host = "127.0.0.1",
            port = kamailio.Port,
            register = true,
            username = KamailioProcess.RegisteredUser,
            password = KamailioProcess.Password,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var sid = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();

        await WaitForStatusAsync(server, $"{carriers}/{sid}", "registered", kamailio);
        Assert.Equal(200, await ProbeAsync(kamailio));

        var stopped = await server.Client.PutAsJsonAsync($"{carriers}/{sid}", new { register = false });
        Assert.Equal(HttpStatusCode.NoContent, stopped.StatusCode);
        await WaitUntilAsync(async () => await ProbeAsync(kamailio) == 404, () => "the binding was not removed:\n" + kamailio.Output);
        var carrier = await server.Client.GetFromJsonAsync<JsonElement>($"{carriers}/{sid}");
        Assert.Equal(JsonValueKind.Null, carrier.GetProperty("registration_status").ValueKind);
    }

    [Fact]
    public async Task Carrier_WithTheWrongPassword_ShowsFailed_AndShutdownRemovesAGoodBinding()
    {
        await using var kamailio = await KamailioProcess.StartAsync(new IPEndPoint(IPAddress.Loopback, 9));
        var server = await TestServer.StartAsync(defaultCarrier: null);
        var carriers = $"/v1/Accounts/{server.App.AccountSid}/VoipCarriers";
        try
        {
            var created = await server.Client.PostAsJsonAsync(carriers, new
            {
                name = "kamailio",
                host = "127.0.0.1",
                port = kamailio.Port,
                register = true,
                username = KamailioProcess.RegisteredUser,
                password = "not-the-password",
            });
            var sid = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();
            await WaitForStatusAsync(server, $"{carriers}/{sid}", "failed", kamailio);

            await server.Client.PutAsJsonAsync($"{carriers}/{sid}", new { password = KamailioProcess.Password });
            await WaitForStatusAsync(server, $"{carriers}/{sid}", "registered", kamailio);
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.Equal(404, await ProbeAsync(kamailio));
    }

    private static async Task WaitForStatusAsync(TestServer server, string path, string status, KamailioProcess kamailio)
    {
        string? last = null;
        await WaitUntilAsync(
            async () =>
            {
                var carrier = await server.Client.GetFromJsonAsync<JsonElement>(path);
                last = carrier.GetProperty("registration_status").GetString();
                return last == status;
            },
            () => $"registration_status stayed {last}, not {status}:\n{kamailio.Output}");
    }

    /// <summary>
    /// Asks Kamailio to route an OPTIONS to the registered user: 404 when it has no binding, otherwise whatever
    /// our user agent answers through it (200).
    /// </summary>
    private static async Task<int> ProbeAsync(KamailioProcess kamailio)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var branch = "z9hG4bK" + Guid.NewGuid().ToString("N");
        var request =
            $"OPTIONS sip:{KamailioProcess.RegisteredUser}@127.0.0.1:{kamailio.Port} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{port};branch={branch};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:probe@127.0.0.1:{port}>;tag=probe\r\n" +
            $"To: <sip:{KamailioProcess.RegisteredUser}@{KamailioProcess.Domain}>\r\n" +
            $"Call-ID: {branch}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        await socket.SendToAsync(Encoding.ASCII.GetBytes(request), kamailio.EndPoint);
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var received = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
            var status = int.Parse(Encoding.ASCII.GetString(buffer, 8, 3), System.Globalization.CultureInfo.InvariantCulture);
            if (status >= 200)
            {
                return status;
            }
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure());
            await Task.Delay(100);
        }
    }
}
