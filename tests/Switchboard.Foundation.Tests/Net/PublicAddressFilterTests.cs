using System.Net;
using System.Net.Sockets;
using Switchboard.Foundation.Net;

namespace Switchboard.Foundation.Tests.Net;

/// <summary>
/// The SSRF guard: the address table of RFC 6890 (IPv4, IPv6, IPv4 inside IPv6), and real requests over
/// loopback that it refuses at connect time, by literal address and by a name that resolves there.
/// </summary>
public sealed class PublicAddressFilterTests
{
    [Theory]
    [InlineData("8.8.8.8", AddressScope.Public)]
    [InlineData("93.184.216.34", AddressScope.Public)]
    [InlineData("172.15.255.255", AddressScope.Public)]
    [InlineData("172.32.0.1", AddressScope.Public)]
    [InlineData("100.63.255.255", AddressScope.Public)]
    [InlineData("0.0.0.0", AddressScope.Unspecified)]
    [InlineData("0.1.2.3", AddressScope.Unspecified)]
    [InlineData("127.0.0.1", AddressScope.Loopback)]
    [InlineData("127.255.255.254", AddressScope.Loopback)]
    [InlineData("10.0.0.1", AddressScope.Private)]
    [InlineData("172.16.0.1", AddressScope.Private)]
    [InlineData("172.31.255.255", AddressScope.Private)]
    [InlineData("192.168.1.1", AddressScope.Private)]
    [InlineData("100.64.0.1", AddressScope.Private)]
    [InlineData("169.254.169.254", AddressScope.LinkLocal)]
    [InlineData("224.0.0.1", AddressScope.Multicast)]
    [InlineData("239.255.255.250", AddressScope.Multicast)]
    [InlineData("255.255.255.255", AddressScope.Reserved)]
    [InlineData("240.0.0.1", AddressScope.Reserved)]
    [InlineData("192.0.2.10", AddressScope.Reserved)]
    [InlineData("198.18.0.1", AddressScope.Reserved)]
    [InlineData("203.0.113.7", AddressScope.Reserved)]
    [InlineData("2606:4700:4700::1111", AddressScope.Public)]
    [InlineData("2001:4860:4860::8888", AddressScope.Public)]
    [InlineData("::", AddressScope.Unspecified)]
    [InlineData("::1", AddressScope.Loopback)]
    [InlineData("fe80::1", AddressScope.LinkLocal)]
    [InlineData("febf::1", AddressScope.LinkLocal)]
    [InlineData("fec0::1", AddressScope.Private)]
    [InlineData("fc00::1", AddressScope.UniqueLocal)]
    [InlineData("fd12:3456:789a::1", AddressScope.UniqueLocal)]
    [InlineData("ff02::1", AddressScope.Multicast)]
    [InlineData("2001:db8::1", AddressScope.Reserved)]
    [InlineData("::2", AddressScope.Reserved)]
    [InlineData("::127.0.0.1", AddressScope.Reserved)]
    [InlineData("100::1", AddressScope.Reserved)]
    [InlineData("::ffff:127.0.0.1", AddressScope.Loopback)]
    [InlineData("::ffff:10.1.2.3", AddressScope.Private)]
    [InlineData("::ffff:169.254.169.254", AddressScope.LinkLocal)]
    [InlineData("::ffff:8.8.8.8", AddressScope.Public)]
    [InlineData("64:ff9b::7f00:1", AddressScope.Loopback)]
    [InlineData("64:ff9b::808:808", AddressScope.Public)]
    [InlineData("2002:c0a8:0101::1", AddressScope.Private)]
    [InlineData("2002:0808:0808::1", AddressScope.Public)]
    public void Classify_FollowsTheSpecialPurposeRegistries(string address, AddressScope scope)
    {
        Assert.Equal(scope, PublicAddressFilter.Classify(IPAddress.Parse(address)));
    }

    [Fact]
    public void Allows_OnlyPublicAddresses_UnlessPrivateOnesAreAllowed()
    {
        var strict = new PublicAddressFilter(allowPrivate: false);
        var open = new PublicAddressFilter(allowPrivate: true);

        Assert.True(strict.Allows(IPAddress.Parse("8.8.8.8")));
        Assert.False(strict.Allows(IPAddress.Loopback));
        Assert.False(strict.Allows(IPAddress.Parse("::ffff:192.168.0.1")));
        Assert.True(open.Allows(IPAddress.Loopback));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task ARequestToALoopbackUrl_IsRefusedAtConnect_WhenPrivateAddressesAreNotAllowed(string host)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var http = new HttpClient(new PublicAddressFilter(allowPrivate: false).CreateHandler());

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(Url(host, listener), CancellationToken.None));

        var refused = Assert.IsType<RefusedAddressException>(failure.InnerException);
        Assert.Equal(host, refused.Host);
        Assert.Equal(AddressScope.Loopback, refused.Scope);
        Assert.Contains("loopback", refused.Message, StringComparison.Ordinal);
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task ARequestToALoopbackUrl_Connects_WhenPrivateAddressesAreAllowed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var http = new HttpClient(new PublicAddressFilter(allowPrivate: true).CreateHandler());

        var request = http.GetAsync(Url("127.0.0.1", listener), CancellationToken.None);
        using (var connection = await listener.AcceptTcpClientAsync())
        {
            var stream = connection.GetStream();
            var buffer = new byte[4096];
            _ = await stream.ReadAsync(buffer);
            await stream.WriteAsync("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"u8.ToArray());
        }

        using var response = await request;
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static Uri Url(string host, TcpListener listener) => new($"http://{host}:{((IPEndPoint)listener.LocalEndpoint).Port}/");
}
