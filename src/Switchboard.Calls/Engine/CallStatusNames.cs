namespace Switchboard.Calls.Engine;

/// <summary>Wire names of <see cref="CallStatus"/> (jambonz's <c>call_status</c> values) and terminal checks.</summary>
public static class CallStatusNames
{
    public static string ToWire(this CallStatus status) => status switch
    {
        CallStatus.Queued => "queued",
        CallStatus.Trying => "trying",
        CallStatus.Ringing => "ringing",
        CallStatus.EarlyMedia => "early-media",
        CallStatus.InProgress => "in-progress",
        CallStatus.Completed => "completed",
        CallStatus.Busy => "busy",
        CallStatus.NoAnswer => "no-answer",
        CallStatus.Failed => "failed",
        CallStatus.Canceled => "canceled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The status a stored wire name stands for; null for a name that is none of them.</summary>
    public static CallStatus? FromWire(string wire)
    {
        foreach (var status in Enum.GetValues<CallStatus>())
        {
            if (status.ToWire() == wire)
            {
                return status;
            }
        }

        return null;
    }

    public static bool IsFinal(this CallStatus status) => status >= CallStatus.Completed;
}
