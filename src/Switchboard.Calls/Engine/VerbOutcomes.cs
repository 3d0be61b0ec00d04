using System.Globalization;
using Switchboard.Calls.Scripts;

namespace Switchboard.Calls.Engine;

/// <summary>A verb's result in a few words, for the call's timeline (<see cref="CallEventNames.VerbEnded"/>).</summary>
internal static class VerbOutcomes
{
    public static string Describe(VerbResult result) => result switch
    {
        GatherResult gather => gather.Reason switch
        {
            GatherEndReason.SpeechDetected => $"speech detected: {gather.Speech?.Transcript}",
            GatherEndReason.Error => $"error: {gather.Error}",
            _ => Joined(gather.Reason.ToString(), gather.Digits.Length > 0 ? "digits " + gather.Digits : null),
        },
        RecordResult record => Joined(record.Reason.ToString(), Seconds(record.Duration), record.RecordingSid is { } sid ? "recording " + sid : null),
        DialResult dial => Joined(dial.Status.ToWire(), dial.SipStatus?.ToString(CultureInfo.InvariantCulture), dial.DialCallSid is { } sid ? "call " + sid : null, Seconds(dial.Duration)),
        ListenResult listen => Joined(listen.Reason.ToString(), Seconds(listen.Duration), listen.Error),
        AnnounceResult announce => Joined(Seconds(announce.Played), announce.Error),
        ReferResult refer => Joined("REFER " + refer.ReferStatus.ToString(CultureInfo.InvariantCulture), refer.FinalReferredStatus?.ToString(CultureInfo.InvariantCulture)),
        SipRequestResult request => Joined(request.Answer.SipStatus.ToString(CultureInfo.InvariantCulture), request.Answer.Reason, request.Answer.Error),
        RedirectResult => "redirected",
        _ => "done",
    };

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    private static string Joined(params string?[] parts) => string.Join(", ", parts.Where(part => !string.IsNullOrEmpty(part)));
}
