using System.Collections;
using System.Globalization;

namespace Switchboard.Calls.Engine;

/// <summary>
/// The scope every log line of a call's loop carries (and the work it starts): the call sid, the SIP Call-ID and the
/// local RTP port, so one line links the three. JSON logs show them as fields; text logs as <c>=> call ...</c> when
/// scopes are on.
/// </summary>
internal sealed class CallLogScope(string callSid, string? sipCallId, int? rtpPort) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("CallSid", callSid),
        1 => new("SipCallId", sipCallId),
        2 => new("RtpPort", rtpPort),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"call {callSid} SIP {sipCallId} RTP {rtpPort}");
}
