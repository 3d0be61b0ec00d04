namespace Switchboard.Storage.Recordings;

/// <summary>What made a recording, as stored in <see cref="RecordingRecord.Source"/>.</summary>
public static class RecordingSources
{
    /// <summary>A <c>record</c> verb: what the caller said, mono.</summary>
    public const string Verb = "record";

    /// <summary>An application's <c>record_all_calls</c>: the whole call from answer to end, stereo.</summary>
    public const string WholeCall = "call";

    /// <summary>A callback session's bridged call, stereo: <c>leg_A</c> left, <c>leg_B</c> right.</summary>
    public const string Callback = "callback";
}
