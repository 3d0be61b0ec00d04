using Switchboard.Foundation.Net;
using Switchboard.Testing.Http;

namespace Switchboard.Foundation.Tests.Net;

/// <summary>
/// The handler against real servers on 127.0.0.1: HTTP/1.0 servers that close after each answer, HTTP/1.1 servers that
/// keep connections, say <c>Connection: close</c> or drop them, and servers that close without answering.
/// </summary>
public sealed class ConnectionReuseHandlerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Gets_ToAnHttp10ServerThatClosesAfterEachAnswer_AtTwentyASecond_AllSucceed()
    {
        // The server closes 80 ms after answering: at 20 requests a second, each connection pooled after an answer
        // would carry the next request into that window and meet the close.
        await using var server = RawHttpServer.Http10(TimeSpan.FromMilliseconds(80));
        using var http = Client(new PublicAddressFilter(allowPrivate: true).CreateHandler());
        var gets = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 60; i++)
        {
            gets.Add(http.GetAsync(server.Url));
            await Task.Delay(50);
        }

        var failures = 0;
        foreach (var get in gets)
        {
            try
            {
                using var response = await get;
                Assert.Equal("[]", await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException)
            {
                failures++;
            }
        }

        Assert.Equal(0, failures);
        Assert.Equal(60, server.Requests);
    }

    [Fact]
    public async Task EmptyAnswersFromAnHttp10Server_ToBurstsOfRequests_AllSucceed()
    {
        // An answer without a body frees its connection for the pool as soon as its head is parsed, before the handler
        // sees it: the connection must be retired by then, or the next request of the burst is written onto it.
        await using var server = RawHttpServer.Http10Empty(TimeSpan.FromMilliseconds(80));
        using var http = Client(new SocketsHttpHandler());
        var posts = new List<Task<HttpResponseMessage>>();
        for (var burst = 0; burst < 20; burst++)
        {
            for (var i = 0; i < 5; i++)
            {
                posts.Add(http.PostAsync(server.Url, new StringContent("status")));
            }

            await Task.Delay(20);
        }

        var failures = 0;
        foreach (var post in posts)
        {
            try
            {
                (await post).Dispose();
            }
            catch (HttpRequestException)
            {
                failures++;
            }
        }

        Assert.Equal(0, failures);
        Assert.Equal(100, server.Requests);
    }

    [Fact]
    public async Task ARequestWaitingForTheConnection_OfAnEmptyHttp10Answer_GoesOutOnANewOne()
    {
        // One connection per server: the second request waits in the pool and can be handed the first one's connection
        // the moment the empty answer's head is parsed, before the handler has seen that answer; it must find it retired.
        await using var server = RawHttpServer.Http10Empty(TimeSpan.FromMilliseconds(80));
        var sockets = new SocketsHttpHandler { MaxConnectionsPerServer = 1 };
        using var http = Client(sockets);

        for (var i = 0; i < 10; i++)
        {
            var first = http.PostAsync(server.Url, new StringContent("first"));
            var second = http.PostAsync(server.Url, new StringContent("second"));
            (await first).Dispose();
            (await second).Dispose();
        }

        Assert.Equal(20, server.Requests);
        Assert.Equal(20, server.Connections);
    }

    [Fact]
    public async Task AnHttp10ServerThatAnswersKeepAlive_KeepsOneConnection()
    {
        await using var server = RawHttpServer.Http10KeepAlive();
        await GetOneAfterAnotherAsync(server, 3);

        Assert.Equal(3, server.Requests);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task AnHttp10Server_GetsEachRequestOnANewConnection_EvenWithoutAConnectCallback()
    {
        // The server holds each connection open long after its answer: a request written onto one would wait for that
        // close past the client's patience before anything noticed.
        await using var server = RawHttpServer.Http10(TimeSpan.FromSeconds(30));
        await GetOneAfterAnotherAsync(server, 3);

        Assert.Equal(3, server.Requests);
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task AnHttp11ServerThatSaysConnectionClose_GetsEachRequestOnANewConnection()
    {
        await using var server = RawHttpServer.Http11Closing(TimeSpan.FromSeconds(30));
        await GetOneAfterAnotherAsync(server, 3);

        Assert.Equal(3, server.Requests);
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task AKeepAliveServer_KeepsOneConnectionForSuccessiveRequests()
    {
        await using var server = RawHttpServer.KeepAlive();
        await GetOneAfterAnotherAsync(server, 5);

        Assert.Equal(5, server.Requests);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task ARequestOnAConnectionTheServerDroppedUnread_IsSentOnceMoreOnANewConnection()
    {
        // HTTP/1.1 promised the connection would stay; the server drops it 300 ms after answering, with the second
        // request unread: that request failed before any byte of an answer, on a reused connection.
        await using var server = RawHttpServer.Http11Dropping(TimeSpan.FromMilliseconds(300));
        using var http = Client(new SocketsHttpHandler());

        (await http.PostAsync(server.Url, new StringContent("first"))).Dispose();
        await Task.Delay(50);
        using var response = await http.PostAsync(server.Url, new StringContent("second"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Requests);
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task ARequestThatANewConnectionClosesWithoutAnswering_IsNotSentTwice()
    {
        // The server read the request and may have acted on it: only a reused connection that heard nothing is retried.
        await using var server = RawHttpServer.Silent();
        using var http = Client(new SocketsHttpHandler());

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(server.Url, new StringContent("once")));

        Assert.Equal(1, server.Requests);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task TheAddressFilterOfTheWrappedHandler_StillRefusesLoopback()
    {
        await using var server = RawHttpServer.KeepAlive();
        using var http = Client(new PublicAddressFilter(allowPrivate: false).CreateHandler());

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(server.Url));

        Assert.IsType<RefusedAddressException>(refused.InnerException);
        Assert.Equal(0, server.Connections);
    }

    /// <summary>Sends <paramref name="count"/> GETs one after another through the handler; each must be answered <c>[]</c>.</summary>
    private static async Task GetOneAfterAnotherAsync(RawHttpServer server, int count)
    {
        using var http = Client(new SocketsHttpHandler());
        for (var i = 0; i < count; i++)
        {
            using var response = await http.GetAsync(server.Url);
            Assert.Equal("[]", await response.Content.ReadAsStringAsync());
        }
    }

    private static HttpClient Client(SocketsHttpHandler sockets) => new(new ConnectionReuseHandler(sockets)) { Timeout = Patience };
}
