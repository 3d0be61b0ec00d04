using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Switchboard.Api.Json;
using Switchboard.Calls.Engine;

namespace Switchboard.Api.EventAction;

/// <summary>
/// One event's JSON as seed 004 writes it: <c>event</c>, the parties (<c>callerId</c>, <c>dialedNumber</c>), the
/// members the event adds, then <c>eventTime</c>, <c>sessionId</c>, the <c>transactionId</c> of the action that
/// produced it and the application's <c>correlationId</c>.
/// </summary>
public static class EventBody
{
    public static byte[] Build(string eventName, CallSnapshot call, EventActionContext context, string? transactionId, DateTimeOffset at, Action<Utf8JsonWriter>? addMembers = null)
    {
        var buffer = new ArrayBufferWriter<byte>(384);
        using (var writer = new Utf8JsonWriter(buffer, WebhookJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("event", eventName);
            writer.WriteString("callerId", call.From);
            writer.WriteString("dialedNumber", call.To);
            addMembers?.Invoke(writer);
            writer.WriteString("eventTime", Time(at));
            writer.WriteString("sessionId", call.Sid);
            if (transactionId is not null)
            {
                writer.WriteString("transactionId", transactionId);
            }

            if (context.CorrelationId is { } correlationId)
            {
                writer.WriteString("correlationId", correlationId);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The seed's timestamps: UTC, milliseconds, a <c>Z</c>.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Whole seconds, as the seed counts durations.</summary>
    public static int Seconds(TimeSpan duration) => (int)Math.Round(duration.TotalSeconds, MidpointRounding.AwayFromZero);

    /// <summary><c>error {code, message}</c>; the code is left out when there is none.</summary>
    public static void WriteError(Utf8JsonWriter writer, string? code, string message)
    {
        writer.WriteStartObject("error");
        if (code is not null)
        {
            writer.WriteString("code", code);
        }

        writer.WriteString("message", message);
        writer.WriteEndObject();
    }
}
