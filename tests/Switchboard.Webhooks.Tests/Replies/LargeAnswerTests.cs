using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Foundation.Net;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Outbox;
using Switchboard.Webhooks.Replies;
using Switchboard.Webhooks.Signing;
using Switchboard.Testing.Http;
using Switchboard.Webhooks.Tests.Support;

namespace Switchboard.Webhooks.Tests.Replies;

/// <summary>
/// Hooks that answer 50 MB, streamed by a receiver on 127.0.0.1: the client reads no more than its limit (plus what
/// the sockets buffer), so no hook URL can make the server hold an answer of any size.
/// </summary>
public sealed class LargeAnswerTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    /// <summary>What loopback socket buffers may take in beyond what the client reads: a few MiB, far from 50.</summary>
    private const long Buffered = 12L * 1024 * 1024;

    private static readonly byte[] Body = """{"call_sid":"CA1"}"""u8.ToArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACallHookAnswerOverTheLimit_FailsTheHook_WithoutReadingIt(bool announceLength)
    {
        await using var receiver = RawHttpServer.Large(FiftyMegabytes, announceLength);
        using var http = WebhookHttpClient.Create(new PublicAddressFilter(allowPrivate: true));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() =>
            ReplySender(http).PostAsync(new WebhookDelivery(receiver.Url, Body) { AccountSid = "AC1" }, TimeSpan.FromSeconds(10), CancellationToken.None, CancellationToken.None));

        Assert.Equal(HttpRequestError.ConfigurationLimitExceeded, failure.HttpRequestError);
        Assert.Contains("exceeds the 1048576-byte limit", failure.Message, StringComparison.Ordinal);
        Assert.Contains(announceLength ? "Content-Length of 52428800 bytes" : "the body", failure.Message, StringComparison.Ordinal);
        await WaitForWriterAsync(receiver);
        Assert.InRange(receiver.BodyBytesSent, 0, Buffered);
    }

    [Fact]
    public async Task ACallHookAnswerWithinTheLimit_IsRead()
    {
        await using var receiver = RawHttpServer.Large(900 * 1024, announceLength: false);
        using var http = WebhookHttpClient.Create(new PublicAddressFilter(allowPrivate: true));

        var reply = await ReplySender(http).PostAsync(new WebhookDelivery(receiver.Url, Body) { AccountSid = "AC1" }, TimeSpan.FromSeconds(10), CancellationToken.None, CancellationToken.None);

        Assert.Equal(900 * 1024, reply.Body.Length);
    }

    [Fact]
    public async Task ANotificationAnsweredWithFiftyMegabytes_IsDelivered_WithoutReadingTheAnswer()
    {
        await using var receiver = RawHttpServer.Large(FiftyMegabytes, announceLength: true);
        using var http = WebhookHttpClient.Create(new PublicAddressFilter(allowPrivate: true));
        var secrets = new WebhookSecrets(new FixedSecretStore("whsec_test"), WebhookOptions.Default, TimeProvider.System);
        var sender = new WebhookSender(http, secrets, TimeProvider.System, NullLogger.Instance);
        // Id 0 is a message that was never stored: the deliverer writes no outcome, so it needs no store.
        var deliverer = new WebhookDeliverer(sender, null!, null!, new RecordedAttempts().Log(), WebhookOptions.Default, TimeProvider.System, NullLogger.Instance);
        var pending = new PendingWebhook(0, "CA1", new WebhookDelivery(receiver.Url, Body) { AccountSid = "AC1" }, DateTimeOffset.UtcNow);

        await deliverer.DeliverAsync(pending, CancellationToken.None);

        Assert.Equal(1, pending.Attempts);
        await WaitForWriterAsync(receiver);
        Assert.InRange(receiver.BodyBytesSent, 0, Buffered);
    }

    /// <summary>The receiver writes until the client closes; give its last write time to fail before counting.</summary>
    private static async Task WaitForWriterAsync(RawHttpServer receiver)
    {
        long before;
        do
        {
            before = receiver.BodyBytesSent;
            await Task.Delay(200);
        }
        while (receiver.BodyBytesSent != before);
    }

    private static ReplyHookSender ReplySender(HttpClient http)
    {
        var secrets = new WebhookSecrets(new FixedSecretStore("whsec_test"), WebhookOptions.Default, TimeProvider.System);
        return new ReplyHookSender(new WebhookSender(http, secrets, TimeProvider.System, NullLogger.Instance), new RecordedAttempts().Log(), WebhookOptions.Default.MaxAnswerBytes, TimeProvider.System, NullLogger.Instance);
    }
}
