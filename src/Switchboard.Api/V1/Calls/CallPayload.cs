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
            writer.WriteString("call_status", JambonzCallStatus.Of(call.Status));
            writer.WriteString("account_sid", call.AccountSid);
            WriteOptional(writer, "application_sid", context.ApplicationSid);
            WriteOptional(writer, "parent_call_sid", call.ParentCallSid);
            WriteOptional(writer, "caller_name", context.CallerName);
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
