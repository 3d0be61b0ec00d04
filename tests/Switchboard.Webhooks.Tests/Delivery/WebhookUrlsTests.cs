using Switchboard.Webhooks.Delivery;

namespace Switchboard.Webhooks.Tests.Delivery;

public sealed class WebhookUrlsTests
{
    [Theory]
    [InlineData("http://app.example/hook", true)]
    [InlineData("https://app.example/hook", true)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("ftp://app.example/hook", false)]
    [InlineData("gopher://app.example/", false)]
    public void IsAllowed_OnlyHttpAndHttps(string url, bool allowed)
    {
        Assert.Equal(allowed, WebhookUrls.IsAllowed(new Uri(url)));
    }

    [Fact]
    public void IsAllowed_RefusesRelativeUrls()
    {
        Assert.False(WebhookUrls.IsAllowed(new Uri("/hook", UriKind.Relative)));
    }

    [Fact]
    public void ForLog_DropsUserInfoAndQuery()
    {
        Assert.Equal("https://app.example/hook", WebhookUrls.ForLog(new Uri("https://user:secret@app.example/hook?token=abc")));
        Assert.Equal("http://127.0.0.1:8080/status", WebhookUrls.ForLog(new Uri("http://user@127.0.0.1:8080/status?token=abc#part")));
        Assert.Equal("(relative URL)", WebhookUrls.ForLog(new Uri("/hook?token=abc", UriKind.Relative)));
    }

    [Fact]
    public void Credentials_AreBasicAuth_AndKeepThePasswordOutOfText()
    {
        var credentials = new WebhookCredentials("user", "pa:ss");

        var header = credentials.ToHeader();

        Assert.Equal("Basic", header.Scheme);
        Assert.Equal(Convert.ToBase64String("user:pa:ss"u8), header.Parameter);
        Assert.DoesNotContain("pa:ss", credentials.ToString(), StringComparison.Ordinal);
    }
}
