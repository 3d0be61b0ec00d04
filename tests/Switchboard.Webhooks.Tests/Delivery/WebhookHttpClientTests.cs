using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Foundation.Net;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Replies;
using Switchboard.Webhooks.Signing;
using Switchboard.Testing.Http;
using Switchboard.Webhooks.Tests.Support;

namespace Switchboard.Webhooks.Tests.Delivery;

/// <summary>
/// The webhook client against real receivers on 127.0.0.1: HTTP/1.0 servers that close after each answer, HTTP/1.1
/// servers that keep connections, and servers that close without answering.
/// </summary>
public sealed class WebhookHttpClientTests
{
    private static readonly byte[] Body = """{"call_sid":"CA1"}"""u8.ToArray();

    [Fact]
    public async Task CallHooks_ToAnHttp10ReceiverThatClosesAfterEachAnswer_AtTwentyASecond_AllSucceed()
    {
        // The receiver closes 80 ms after answering: at 20 requests a second, each connection pooled after an answer
        // would carry the next request into that window and meet the close.
        await using var receiver = RawHttpServer.Http10(TimeSpan.FromMilliseconds(80), """[{"verb":"hangup"}]"""u8.ToArray());
        using var http = WebhookHttpClient.Create(new PublicAddressFilter(allowPrivate: true));
        var sender = Sender(http);
        var failures = new List<Exception>();
        var hooks = new List<Task>();
        for (var i = 0; i < 60; i++)
        {
            hooks.Add(AskAsync(sender, receiver.Url, failures));
            await Task.Delay(50);
        }

        await Task.WhenAll(hooks);

        Assert.True(failures.Count == 0, $"{failures.Count} of 60 call hooks failed; first: {failures.FirstOrDefault()}");
        Assert.Equal(60, receiver.Requests);
    }

    [Fact]
    public async Task AKeepAliveReceiver_KeepsOneConnectionForSuccessiveHooks()
    {
        await using var receiver = RawHttpServer.KeepAlive();
        using var http = WebhookHttpClient.Create(new PublicAddressFilter(allowPrivate: true));
        var sender = Sender(http);

        for (var i = 0; i < 5; i++)
        {
            var reply = await sender.PostAsync(new WebhookDelivery(receiver.Url, Body) { AccountSid = "AC1" }, TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None);
            Assert.Equal(200, reply.StatusCode);
        }

        Assert.Equal(5, receiver.Requests);
        Assert.Equal(1, receiver.Connections);
    }

    [Fact]
    public async Task AHookAskedOnAConnectionItDroppedUnread_IsAskedOnceMoreOnANewConnection()
    {
        // HTTP/1.1 promised the connection would stay; the receiver drops it 300 ms after answering, with the second
        // request unread: that request failed before any byte of an answer, on a reused connection.
        await using var receiver = RawHttpServer.Http11Dropping(TimeSpan.FromMilliseconds(300), """[{"verb":"hangup"}]"""u8.ToArray());
        using var http = WebhookHttpClient.Create(new PublicAddressFilter(allowPrivate: true));
        var sender = Sender(http);

        await sender.PostAsync(new WebhookDelivery(receiver.Url, Body) { AccountSid = "AC1" }, TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None);
        await Task.Delay(50);
        var reply = await sender.PostAsync(new WebhookDelivery(receiver.Url, Body) { AccountSid = "AC1" }, TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None);

        Assert.Equal(200, reply.StatusCode);
        Assert.Equal(2, receiver.Requests);
        Assert.Equal(2, receiver.Connections);
    }

    [Fact]
    public async Task AHookThatClosesANewConnectionWithoutAnswering_IsNotAskedTwice()
    {
        // The receiver read the request and may have acted on it: only a reused connection that heard nothing is retried.
        await using var receiver = RawHttpServer.Silent();
        using var http = WebhookHttpClient.Create(new PublicAddressFilter(allowPrivate: true));

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            Sender(http).PostAsync(new WebhookDelivery(receiver.Url, Body) { AccountSid = "AC1" }, TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None));

        Assert.Equal(1, receiver.Requests);
        Assert.Equal(1, receiver.Connections);
    }

    private static async Task AskAsync(ReplyHookSender sender, Uri url, List<Exception> failures)
    {
        try
        {
            var reply = await sender.PostAsync(new WebhookDelivery(url, Body) { AccountSid = "AC1", Event = "call" }, TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None);
            Assert.Equal("""[{"verb":"hangup"}]""", System.Text.Encoding.UTF8.GetString(reply.Body));
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            lock (failures)
            {
                failures.Add(exception);
            }
        }
    }

    private static ReplyHookSender Sender(HttpClient http)
    {
        var secrets = new WebhookSecrets(new FixedSecretStore("whsec_test"), WebhookOptions.Default, TimeProvider.System);
        return new ReplyHookSender(new WebhookSender(http, secrets, TimeProvider.System, NullLogger.Instance), new RecordedAttempts().Log(), WebhookOptions.Default.MaxAnswerBytes, TimeProvider.System, NullLogger.Instance);
    }
}
