namespace Switchboard.Foundation.Net;

/// <summary>Where an IP address leads, as far as fetching a user-given URL is concerned.</summary>
public enum AddressScope
{
    /// <summary>A global unicast address: the public internet.</summary>
    Public,

    /// <summary><c>0.0.0.0/8</c> or <c>::</c>: "this host" (RFC 6890), which connects to the local machine on Linux.</summary>
    Unspecified,

    /// <summary><c>127.0.0.0/8</c> or <c>::1</c> (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3).</summary>
    Loopback,

    /// <summary>RFC 1918 (<c>10/8</c>, <c>172.16/12</c>, <c>192.168/16</c>), RFC 6598 carrier-grade NAT (<c>100.64/10</c>), or deprecated IPv6 site-local <c>fec0::/10</c>.</summary>
    Private,

    /// <summary><c>169.254/16</c> (RFC 3927, where cloud metadata services live) or <c>fe80::/10</c>.</summary>
    LinkLocal,

    /// <summary><c>224/4</c> or <c>ff00::/8</c>.</summary>
    Multicast,

    /// <summary>IPv6 unique local addresses, <c>fc00::/7</c> (RFC 4193): IPv6's private ranges.</summary>
    UniqueLocal,

    /// <summary>Not routable on the internet: documentation, benchmarking, protocol assignments, <c>240/4</c>, broadcast (RFC 6890).</summary>
    Reserved,
}
