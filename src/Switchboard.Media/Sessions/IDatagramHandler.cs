using System.Net;

namespace Switchboard.Media.Sessions;

/// <summary>What a <see cref="DatagramLoop"/> hands its datagrams to.</summary>
internal interface IDatagramHandler
{
    /// <summary>One datagram; <paramref name="source"/> is reused for the next one, so copy it to keep it.</summary>
    void Handle(ReadOnlySpan<byte> datagram, SocketAddress source);

    /// <summary>A receive failed without ending the loop (an ICMP error for an earlier send, an oversized datagram).</summary>
    void OnBadDatagram();
}
