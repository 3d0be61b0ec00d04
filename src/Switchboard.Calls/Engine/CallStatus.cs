namespace Switchboard.Calls.Engine;

/// <summary>The life of a call leg, in the Calls API's own words (<c>in-progress</c> and so on, see <see cref="CallStatusNames"/>).</summary>
public enum CallStatus
{
    Queued,
    Trying,
    Ringing,
    EarlyMedia,
    InProgress,
    Completed,
    Busy,
    NoAnswer,
    Failed,
    Canceled,
}
