using System.Text.Json;
using Switchboard.Calls.Scripts;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// A <c>listen</c>'s action hook: jambonz's <c>digits</c> (the finishing key) and <c>dialCallDuration</c> (seconds
/// streamed), and Switchboard's <c>listen_status</c>: why the stream ended (<c>closed</c>, <c>disconnect</c>,
/// <c>connect-failure</c>, <c>stall</c>, <c>error</c>, <c>finishOnKey</c>, <c>maxLength</c>, <c>timeout</c>,
/// <c>hangup</c>), with <c>error</c> saying what went wrong for a failure.
/// </summary>
internal static class ListenPayload
{
    public static void Write(Utf8JsonWriter writer, ListenResult listen)
    {
        writer.WriteString("listen_status", Name(listen.Reason));
        writer.WriteNumber("dialCallDuration", (int)listen.Duration.TotalSeconds);
        if (listen.Digits.Length > 0)
        {
            writer.WriteString("digits", listen.Digits);
        }

        if (listen.Error is { } error)
        {
            writer.WriteString("error", error);
        }
    }

    public static string Name(ListenEndReason reason) => reason switch
    {
        ListenEndReason.Closed => "closed",
        ListenEndReason.Disconnect => "disconnect",
        ListenEndReason.ConnectFailure => "connect-failure",
        ListenEndReason.Stall => "stall",
        ListenEndReason.Error => "error",
        ListenEndReason.FinishOnKey => "finishOnKey",
        ListenEndReason.MaxLength => "maxLength",
        ListenEndReason.Timeout => "timeout",
        ListenEndReason.Hangup => "hangup",
        _ => "stopped",
    };
}
