namespace Switchboard.Storage.Recordings;

/// <summary>The states a stored recording can be in, as stored in <see cref="RecordingRecord.Status"/>.</summary>
public static class RecordingStatuses
{
    /// <summary>The file is complete.</summary>
    public const string Completed = "completed";

    /// <summary>The file could not be written to the end; it holds what was written before the failure.</summary>
    public const string Failed = "failed";
}
