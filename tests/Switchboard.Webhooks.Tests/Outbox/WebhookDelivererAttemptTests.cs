using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Outbox;
using Switchboard.Webhooks.Signing;
using Switchboard.Webhooks.Tests.Support;

namespace Switchboard.Webhooks.Tests.Outbox;

/// <summary>A notification's attempts, delivered or not, each go to its call's timeline.</summary>
public sealed class WebhookDelivererAttemptTests
{
    private static readonly Uri Url = new("https://app.example/status");
    private static readonly WebhookOptions Options = WebhookOptions.Default with
    {
        Retry = new WebhookRetryPolicy(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMinutes(1)),
    };

    [Fact]
    public async Task ARetriedNotification_LeavesOneRecordPerAttempt_InOrder()
    {
        var attempts = new RecordedAttempts();
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        var handler = new ScriptedHandler(_ => ScriptedHandler.Answer(answers.Dequeue(), """{"ok":true}"""));
        var pending = new PendingWebhook(0, "CA7", new WebhookDelivery(Url, """{"call_status":"completed"}"""u8.ToArray()) { AccountSid = "AC1", Event = "status:completed" }, DateTimeOffset.UtcNow);

        await Deliverer(handler, attempts).DeliverAsync(pending, CancellationToken.None);

        Assert.Equal([(1, (int?)503), (2, 503), (3, 200)], attempts.Records.Select(record => (record.Attempt, record.StatusCode)));
        Assert.All(attempts.Records, record => Assert.Equal(("CA7", "status:completed", """{"call_status":"completed"}""", """{"ok":true}"""), (record.CallSid, record.Kind, record.RequestBody, record.AnswerBody)));
        Assert.True(attempts.Records.Zip(attempts.Records.Skip(1)).All(pair => pair.First.StartedAt <= pair.Second.StartedAt));
    }

    [Fact]
    public async Task AStoreThatCannotRecord_DoesNotStopDelivery()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.NoContent));
        var pending = new PendingWebhook(0, "CA7", new WebhookDelivery(Url, "{}"u8.ToArray()) { AccountSid = "AC1" }, DateTimeOffset.UtcNow);

        await Deliverer(handler, new RecordedAttempts { Failing = true }).DeliverAsync(pending, CancellationToken.None);

        Assert.Equal(1, pending.Attempts);
        Assert.Single(handler.Sent);
    }

    private static WebhookDeliverer Deliverer(ScriptedHandler handler, RecordedAttempts attempts)
    {
        var secrets = new WebhookSecrets(new FixedSecretStore("whsec_test"), Options, TimeProvider.System);
        var sender = new WebhookSender(new HttpClient(handler), secrets, TimeProvider.System, NullLogger.Instance);
        // Id 0 is a message that was never stored: the deliverer writes no outcome, so it needs no store.
        return new WebhookDeliverer(sender, null!, null!, attempts.Log(), Options, TimeProvider.System, NullLogger.Instance);
    }
}
