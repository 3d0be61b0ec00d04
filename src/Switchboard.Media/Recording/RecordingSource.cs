using Switchboard.Media.Sessions;

namespace Switchboard.Media.Recording;

/// <summary>One channel of a recording: one direction of one session.</summary>
/// <param name="Session">The leg.</param>
/// <param name="Direction"><see cref="AudioDirection.Received"/> (what the peer says) or <see cref="AudioDirection.Sent"/> (what it hears from us).</param>
public readonly record struct RecordingSource(MediaSession Session, AudioDirection Direction);
