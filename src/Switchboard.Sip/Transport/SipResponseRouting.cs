using System.Net;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transport;

/// <summary>Where responses go and how inbound requests record where they came from (RFC 3261 §18.2, RFC 3581).</summary>
public static class SipResponseRouting
{
    /// <summary>
    /// RFC 3261 §18.2.1 adds <c>received</c> when the sent-by host is not the packet's source address; RFC 3581 §4
    /// fills an empty <c>rport</c> with the source port (and then always adds <c>received</c>). The top Via of
    /// <paramref name="request"/> (a <see cref="SipRequest"/>, or a <see cref="SipPartialRequest"/> about to be refused)
    /// is rewritten in place so every response built from it carries them.
    /// </summary>
    public static void StampTopVia(SipMessage request, IPEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        if (request.TopVia is not { } via)
        {
            return;
        }

        var sourceAddress = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        var stamped = via;
        if (via.HasRport && via.Rport is null)
        {
            stamped = stamped.WithParameter("rport", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stamped = stamped.WithParameter("received", sourceAddress.ToString());
        }
        else if (!IPAddress.TryParse(via.Host.Trim('[', ']'), out var sentBy) || !sentBy.Equals(sourceAddress))
        {
            stamped = stamped.WithParameter("received", sourceAddress.ToString());
        }

        if (!ReferenceEquals(stamped, via))
        {
            request.ReplaceFirstHeaderValue(SipHeaderNames.Via, Encoding.UTF8.GetBytes(stamped.ToString()));
        }
    }

    /// <summary>
    /// RFC 3261 §18.2.2 for unreliable transports: send to <c>received</c> (falling back to the source) at the
    /// <c>rport</c> (RFC 3581 §4), else the sent-by port, else 5060.
    /// </summary>
    public static IPEndPoint GetResponseDestination(SipVia topVia, IPEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(topVia);
        ArgumentNullException.ThrowIfNull(source);
        var address = topVia.Received is { } received && IPAddress.TryParse(received, out var parsed)
            ? parsed
            : IPAddress.TryParse(topVia.Host.Trim('[', ']'), out var host) ? host : source.Address;
        var port = topVia.Rport ?? topVia.Port ?? 5060;
        return new IPEndPoint(address, port);
    }
}
