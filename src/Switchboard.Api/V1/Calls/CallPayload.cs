using System.Buffers;
using System.Text.Json;
using Switchboard.Api.Json;
using Switchboard.Calls.Engine;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// The call description every jambonz webhook starts with (<c>call_sid</c>, <c>direction</c>, <c>call_status</c>,
/// ... and the application's <c>customerData</c>), followed by the members one hook adds.
/// </summary>
public static class CallPayload
{
    /// <summary>
    /// jambonz's <c>sip</c> object, which the first call hook of an inbound call carries: the INVITE's Request-URI,
    /// headers (a header sent more than once, as Via, is one comma-separated value, as SIP allows) and body.
    /// </summary>
    public static void WriteInvite(Utf8JsonWriter writer, InboundCallOffer invite)
    {
        writer.WriteStartObject("sip");
        writer.WriteStartObject("headers");
        foreach (var header in invite.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            writer.WriteString(header.Key, string.Join(", ", header.Select(h => h.Value)));
        }

        writer.WriteEndObject();
        writer.WriteString("method", "INVITE");
        writer.WriteString("version", "2.0");
        writer.WriteString("uri", invite.RequestUri);
        writer.WriteString("body", invite.Sdp ?? string.Empty);
        writer.WriteStartArray("payload");
        if (invite.Sdp is { } sdp)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "application/sdp");
            writer.WriteString("content", sdp);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static byte[] Build(CallSnapshot call, CallContext context, string? sipReason, Action<Utf8JsonWriter>? addMembers = null)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WebhookJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("call_sid", call.Sid);
            writer.WriteString("direction", call.Direction);
            writer.WriteString("from", call.From);
            writer.WriteString("to", call.To);
            WriteOptional(writer, "call_id", call.SipCallId);
            if (call.SipStatus is { } sipStatus)
            {
                writer.WriteNumber("sip_status", sipStatus);
            }

            WriteOptional(writer, "sip_reason", sipReason ?? StandardReason(call.SipStatus));
            writer.WriteString("call_status", JambonzCallStatus.Of(call.Status, call.SipStatus));
            writer.WriteString("account_sid", call.AccountSid);
            WriteOptional(writer, "application_sid", context.ApplicationSid);
            WriteOptional(writer, "parent_call_sid", call.ParentCallSid);
            WriteOptional(writer, "caller_name", context.CallerName);
            WriteOptional(writer, "trace_id", TraceId(call.Sid));
            if (context.Origin is { } origin)
            {
                // As jambonz: the address the INVITE came from, the carrier it came through, and (there the SBC's,
                // here ours, for we are the edge) the Call-ID it carried.
                writer.WriteString("originating_sip_ip", origin.Offer.Source.Address.ToString());
                WriteOptional(writer, "originating_sip_trunk_name", origin.CarrierName);
                writer.WriteString("sbc_callid", origin.Offer.SipCallId);
            }

            if (call.Tag is { } tag)
            {
                writer.WritePropertyName("customerData");
                tag.WriteTo(writer);
            }

            addMembers?.Invoke(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// jambonz's <c>trace_id</c>, a W3C trace id (16 bytes as 32 lowercase hex digits) for the call: the call sid's
    /// own 16 bytes, so every hook of the call, and of the call after a restart, carries the same one without storing
    /// it, and a log search for either finds the other.
    /// </summary>
    private static string? TraceId(string callSid) => Guid.TryParse(callSid, out var sid) ? sid.ToString("N") : null;

    private static string? StandardReason(int? sipStatus) => sipStatus switch
    {
        100 => "Trying",
        180 => "Ringing",
        183 => "Session Progress",
        200 => "OK",
        _ => null,
    };

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
