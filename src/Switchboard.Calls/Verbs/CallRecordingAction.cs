namespace Switchboard.Calls.Verbs;

/// <summary>
/// What an application asks of the call's own recording (jambonz <c>record</c> with <c>type: "cloud"</c>, in
/// <c>config</c> or as live control): the whole call as one stereo Recording, as <c>record_all_calls</c> makes it.
/// </summary>
public enum CallRecordingAction
{
    /// <summary>Starts recording (from the answer, for a call not answered yet); a no-op while one runs.</summary>
    Start,

    /// <summary>Stops and stores the recording; a later start makes a new one.</summary>
    Stop,

    /// <summary>Leaves out what is said until resumed (the recording is shorter by the pause).</summary>
    Pause,

    /// <summary>Records again after a pause.</summary>
    Resume,
}
