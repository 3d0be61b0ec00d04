using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Replies;
using Switchboard.Webhooks.Signing;
using Switchboard.Webhooks.Tests.Support;

namespace Switchboard.Webhooks.Tests.Replies;

/// <summary>Hooks whose answer the call needs: asked once, then the fallback, and signed like every webhook.</summary>
public sealed class ReplyHookSenderTests
{
    private const string Secret = "whsec_test";
    private static readonly Uri Primary = new("https://app.example/hook");
    private static readonly Uri Fallback = new("https://backup.example/hook");
    private static readonly byte[] Body = """{"call_sid":"CA1"}"""u8.ToArray();

    [Fact]
    public async Task ARetryableAnswer_IsAskedOfTheFallback()
    {
        var handler = new ScriptedHandler(url => url == Primary
            ? ScriptedHandler.Answer(HttpStatusCode.ServiceUnavailable)
            : ScriptedHandler.Answer(HttpStatusCode.OK, """[{"verb":"hangup"}]"""));

        var reply = await Sender(handler).PostAsync(Delivery(), TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None);

        Assert.Equal(200, reply.StatusCode);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("""[{"verb":"hangup"}]""", Encoding.UTF8.GetString(reply.Body));
        Assert.Equal([Primary, Fallback], handler.Sent.Select(request => request.Url));
    }

    [Fact]
    public async Task AConnectionFailure_IsAskedOfTheFallback()
    {
        var handler = new ScriptedHandler(url => url == Primary
            ? throw new HttpRequestException("connection refused")
            : ScriptedHandler.Answer(HttpStatusCode.NoContent));

        var reply = await Sender(handler).PostAsync(Delivery(), TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None);

        Assert.Equal(204, reply.StatusCode);
        Assert.Equal([Primary, Fallback], handler.Sent.Select(request => request.Url));
    }

    [Fact]
    public async Task AFinalAnswer_IsTheReply_WithoutAskingTheFallback()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.NotFound));

        var reply = await Sender(handler).PostAsync(Delivery(), TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None);

        Assert.Equal(404, reply.StatusCode);
        Assert.False(reply.IsSuccess);
        Assert.Equal([Primary], handler.Sent.Select(request => request.Url));
    }

    [Fact]
    public async Task AConnectionFailure_WithoutAFallback_IsThrown()
    {
        var handler = new ScriptedHandler(_ => throw new HttpRequestException("connection refused"));

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            Sender(handler).PostAsync(Delivery() with { FallbackUrl = null }, TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None));
    }

    [Fact]
    public async Task AUrlThatIsNotHttp_IsRefused_WithoutARequest()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.OK));
        var delivery = new WebhookDelivery(new Uri("file:///etc/passwd"), Body);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            Sender(handler).PostAsync(delivery, TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None));
        Assert.Empty(handler.Sent);
    }

    [Fact]
    public async Task TheQuestion_IsPostedAsJson_SignedWithTheAccountsSecret_AndWithItsCredentials()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.OK));
        var delivery = Delivery() with { Credentials = new WebhookCredentials("user", "pass") };

        await Sender(handler).PostAsync(delivery, TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None);

        var sent = Assert.Single(handler.Sent);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal(Body, sent.Body);
        Assert.Equal(new WebhookCredentials("user", "pass").ToHeader().ToString(), sent.Headers["Authorization"]);
        Assert.True(WebhookSignature.Verify(sent.Headers[WebhookSignature.HeaderName], sent.Body, [Secret], DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public async Task EachRequest_IsRecordedUnderItsCall_TheFallbackAsTheSecondAttempt()
    {
        var attempts = new RecordedAttempts();
        var handler = new ScriptedHandler(url => url == Primary
            ? ScriptedHandler.Answer(HttpStatusCode.ServiceUnavailable)
            : ScriptedHandler.Answer(HttpStatusCode.OK, """[{"verb":"hangup"}]"""));

        await Sender(handler, attempts).PostAsync(Delivery() with { CallSid = "CA1" }, TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None);

        Assert.Equal(
            [("CA1", "call hook", Primary.AbsoluteUri, 1, (int?)503, (string?)null), ("CA1", "call hook", Fallback.AbsoluteUri, 2, 200, """[{"verb":"hangup"}]""")],
            attempts.Records.Select(record => (record.CallSid, record.Kind, record.Url, record.Attempt, record.StatusCode, record.AnswerBody)));
        Assert.All(attempts.Records, record => Assert.Equal(("POST", """{"call_sid":"CA1"}""", "AC1"), (record.Method, record.RequestBody, record.AccountSid)));
    }

    [Fact]
    public async Task AConnectionFailure_IsRecordedWithItsError_AndStillThrown()
    {
        var attempts = new RecordedAttempts();
        var handler = new ScriptedHandler(_ => throw new HttpRequestException("connection refused"));

        await Assert.ThrowsAsync<HttpRequestException>(() => Sender(handler, attempts).PostAsync(
            Delivery() with { CallSid = "CA1", FallbackUrl = null }, TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None));

        var record = Assert.Single(attempts.Records);
        Assert.Equal(((int?)null, "connection refused"), (record.StatusCode, record.Error));
    }

    [Fact]
    public async Task AStoreThatCannotRecord_DoesNotFailTheHook()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.OK, "[]"));

        var reply = await Sender(handler, new RecordedAttempts { Failing = true }).PostAsync(
            Delivery() with { CallSid = "CA1" }, TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None);

        Assert.Equal(200, reply.StatusCode);
    }

    [Fact]
    public async Task ALongAnswer_IsRecordedOnlyInPart()
    {
        var attempts = new RecordedAttempts();
        var longAnswer = "[" + string.Join(",", Enumerable.Repeat("""{"verb":"pause","length":1}""", 400)) + "]";
        var handler = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.OK, longAnswer));

        var reply = await Sender(handler, attempts).PostAsync(Delivery() with { CallSid = "CA1" }, TimeSpan.FromSeconds(5), CancellationToken.None, CancellationToken.None);

        Assert.Equal(longAnswer.Length, reply.Body.Length);
        Assert.Equal(longAnswer[..Storage.Webhooks.WebhookAttemptRecord.MaxBodyBytes], Assert.Single(attempts.Records).AnswerBody);
    }

    private static WebhookDelivery Delivery() => new(Primary, Body) { AccountSid = "AC1", FallbackUrl = Fallback, Event = "call hook" };

    private static ReplyHookSender Sender(ScriptedHandler handler, RecordedAttempts? attempts = null)
    {
        var secrets = new WebhookSecrets(new FixedSecretStore(Secret), WebhookOptions.Default, TimeProvider.System);
        var sender = new WebhookSender(new HttpClient(handler), secrets, TimeProvider.System, NullLogger.Instance);
        return new ReplyHookSender(sender, (attempts ?? new RecordedAttempts()).Log(), WebhookOptions.Default.MaxAnswerBytes, TimeProvider.System, NullLogger.Instance);
    }
}
