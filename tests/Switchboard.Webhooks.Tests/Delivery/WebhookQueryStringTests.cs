using Switchboard.Webhooks.Delivery;

namespace Switchboard.Webhooks.Tests.Delivery;

public sealed class WebhookQueryStringTests
{
    [Fact]
    public void Append_PutsTopLevelMembersInTheQuery_AfterTheUrlsOwn()
    {
        var url = WebhookQueryString.Append(new Uri("https://app.example/hook?token=abc"), """{"call_sid":"CA1","duration":5,"answered":true,"from":"+1 555"}"""u8.ToArray());

        Assert.Equal("?token=abc&call_sid=CA1&duration=5&answered=true&from=%2B1%20555", url.Query);
    }

    [Fact]
    public void Append_LeavesOutNulls_AndSendsNestedValuesAsTheirJson()
    {
        var url = WebhookQueryString.Append(new Uri("https://app.example/hook"), """{"reason":null,"digits":["1","2"]}"""u8.ToArray());

        Assert.Equal("?digits=" + Uri.EscapeDataString("""["1","2"]"""), url.Query);
    }

    [Fact]
    public void Append_LeavesTheUrlAlone_WhenTheBodyIsNotAnObject()
    {
        var url = new Uri("https://app.example/hook?x=1");

        Assert.Equal(url, WebhookQueryString.Append(url, "[1,2]"u8.ToArray()));
    }
}
