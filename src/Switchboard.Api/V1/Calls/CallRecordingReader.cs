using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// jambonz's recording options, in <c>config.record</c> and in live control's <c>record</c>:
/// <c>{action, type, recordingID, siprecServerURL, headers}</c>. Type <c>cloud</c> is the call's own recording, stored
/// as a Recording of the call; <c>siprec</c> (jambonz's default) streams to a recording server, which this server
/// does not do yet.
/// </summary>
public static class CallRecordingReader
{
    /// <summary>Why a SIPREC recording is refused or skipped.</summary>
    public const string SiprecUnsupported =
        "SIPREC (type siprec, jambonz's default) is not supported by this server yet; type cloud records the call itself";

    /// <summary>The action asked for a <c>cloud</c> recording; null for a SIPREC one.</summary>
    /// <exception cref="ValidationException">Not an object, or an unknown action or type.</exception>
    public static CallRecordingAction? Read(JsonElement record, string path)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException(path, "must be an object with action and type");
        }

        var action = JsonFields.RequireString(record, "action", path + ".action") switch
        {
            "startCallRecording" => CallRecordingAction.Start,
            "stopCallRecording" => CallRecordingAction.Stop,
            "pauseCallRecording" => CallRecordingAction.Pause,
            "resumeCallRecording" => CallRecordingAction.Resume,
            _ => throw new ValidationException(path + ".action", "must be startCallRecording, stopCallRecording, pauseCallRecording or resumeCallRecording"),
        };
        return (JsonFields.OptionalString(record, "type", path + ".type") ?? "siprec") switch
        {
            "cloud" => action,
            "siprec" => null,
            _ => throw new ValidationException(path + ".type", "must be cloud or siprec"),
        };
    }
}
