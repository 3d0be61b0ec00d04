using System.Text.Json;
using Switchboard.Calls.Engine;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// jambonz's <c>refer_details</c>, what a <c>referHook</c> is posted besides the call: the REFER's Refer-To and
/// Referred-By as sent and their users, its User-Agent, the call whose peer asked (<c>referring_call_sid</c>) and the
/// dial's other party the transfer would move (<c>referred_call_sid</c>, null outside a dial), then its <c>X-</c> headers.
/// </summary>
internal static class ReferDetailsPayload
{
    public static void Write(Utf8JsonWriter writer, IncomingTransfer transfer)
    {
        writer.WriteStartObject("refer_details");
        writer.WriteString("sip_refer_to", transfer.ReferTo);
        writer.WriteString("refer_to_user", transfer.ReferToUser);
        if (transfer.ReferredBy is { } referredBy)
        {
            writer.WriteString("sip_referred_by", referredBy);
            writer.WriteString("referred_by_user", transfer.ReferredByUser);
        }

        if (transfer.UserAgent is { } userAgent)
        {
            writer.WriteString("sip_user_agent", userAgent);
        }

        writer.WriteString("referring_call_sid", transfer.ReferringCallSid);
        writer.WriteString("referred_call_sid", transfer.ReferredCallSid);
        foreach (var (name, value) in transfer.CustomHeaders)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }
}
