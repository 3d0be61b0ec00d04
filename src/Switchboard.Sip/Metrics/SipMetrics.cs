using System.Diagnostics.Metrics;

namespace Switchboard.Sip.Metrics;

/// <summary>
/// SIP's instruments (meter <see cref="MeterName"/>): every message received and sent, requests by method and
/// responses by class, and the retransmissions our transactions make. Messages are classified from their first line's
/// bytes against tag sets built once, so counting allocates nothing.
/// </summary>
public static class SipMetrics
{
    public const string MeterName = "Switchboard.Sip";

    private const string Received = "received";
    private const string Sent = "sent";

    private static readonly string[] Methods = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO", "MESSAGE", "NOTIFY", "REFER", "SUBSCRIBE", "UPDATE", "PRACK", "PUBLISH", "other"];
    private static readonly string[] Classes = ["1xx", "2xx", "3xx", "4xx", "5xx", "6xx"];

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "switchboard.sip.requests", "{request}", "SIP requests received and sent (retransmissions included), by method and direction.");

    private static readonly Counter<long> Responses = Meter.CreateCounter<long>(
        "switchboard.sip.responses", "{response}", "SIP responses received and sent (retransmissions included), by class and direction.");

    private static readonly Counter<long> Retransmissions = Meter.CreateCounter<long>(
        "switchboard.sip.retransmissions", "{message}", "Messages our transactions sent again: requests on Timer A/E, final responses on Timer G or a repeated request.");

    private static readonly KeyValuePair<string, object?>[][] ReceivedRequests = Tags("method", Methods, Received);
    private static readonly KeyValuePair<string, object?>[][] SentRequests = Tags("method", Methods, Sent);
    private static readonly KeyValuePair<string, object?>[][] ReceivedResponses = Tags("class", Classes, Received);
    private static readonly KeyValuePair<string, object?>[][] SentResponses = Tags("class", Classes, Sent);
    private static readonly KeyValuePair<string, object?>[] RequestAgain = [new("kind", "request")];
    private static readonly KeyValuePair<string, object?>[] ResponseAgain = [new("kind", "response")];

    /// <summary>Counts a message as it arrives from a transport, whether or not it parses.</summary>
    public static void CountReceived(ReadOnlySpan<byte> message) => Count(message, ReceivedRequests, ReceivedResponses);

    /// <summary>Counts a message as a transport sends it.</summary>
    public static void CountSent(ReadOnlySpan<byte> message) => Count(message, SentRequests, SentResponses);

    internal static void CountRequestRetransmitted() => Retransmissions.Add(1, RequestAgain);

    internal static void CountResponseRetransmitted() => Retransmissions.Add(1, ResponseAgain);

    private static void Count(ReadOnlySpan<byte> message, KeyValuePair<string, object?>[][] requests, KeyValuePair<string, object?>[][] responses)
    {
        // RFC 3261 §7.2: a status line starts with the version; a request line with the method.
        if (message.StartsWith("SIP/2.0 "u8))
        {
            var digit = message.Length > 8 ? message[8] - (byte)'1' : -1;
            if (digit is >= 0 and < 6)
            {
                Responses.Add(1, responses[digit]);
            }

            return;
        }

        var space = message.IndexOf((byte)' ');
        if (space > 0)
        {
            Requests.Add(1, requests[MethodIndex(message[..space])]);
        }
    }

    private static int MethodIndex(ReadOnlySpan<byte> method)
    {
        for (var i = 0; i < Methods.Length - 1; i++)
        {
            if (method.Length == Methods[i].Length && IsAscii(method, Methods[i]))
            {
                return i;
            }
        }

        return Methods.Length - 1;
    }

    private static bool IsAscii(ReadOnlySpan<byte> bytes, string text)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    private static KeyValuePair<string, object?>[][] Tags(string name, string[] values, string direction) =>
        [.. values.Select(value => new KeyValuePair<string, object?>[] { new(name, value), new("direction", direction) })];
}
