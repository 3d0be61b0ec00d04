using System.Net;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Webhooks.Tests.Outbox;

public sealed class WebhookRetryPolicyTests
{
    private static readonly WebhookRetryPolicy Policy = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Gone, false)]
    public void IsRetryable_OnlyTooManyRequestsAndServerErrors(HttpStatusCode status, bool retryable)
    {
        Assert.Equal(retryable, WebhookRetryPolicy.IsRetryable(status));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(6, 30)]
    [InlineData(60, 30)]
    public void DelayAfter_DoublesUpToTheCap_WithinTwentyPercentJitter(int attempt, double seconds)
    {
        for (var i = 0; i < 50; i++)
        {
            var delay = Policy.DelayAfter(attempt).TotalSeconds;
            Assert.InRange(delay, seconds * 0.8, seconds * 1.2);
        }
    }

    [Fact]
    public void IsExhausted_OnceRetryForHasPassedSinceTheFirstAttempt()
    {
        var first = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);

        Assert.False(Policy.IsExhausted(first, first + TimeSpan.FromMinutes(9)));
        Assert.True(Policy.IsExhausted(first, first + TimeSpan.FromMinutes(10)));
    }
}
