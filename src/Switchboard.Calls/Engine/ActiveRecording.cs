using Switchboard.Media.Recording;

namespace Switchboard.Calls.Engine;

/// <summary>A recording under way: the sid it will be stored as and the recorder writing its file.</summary>
internal sealed record ActiveRecording(string Sid, MediaRecorder Recorder);
