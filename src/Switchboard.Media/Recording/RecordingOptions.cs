using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Recording;

/// <summary>Where a recording goes and what ends it besides <see cref="MediaRecorder.StopAsync"/>.</summary>
/// <param name="Path">The WAV file to create (its directory is created; an existing file is replaced).</param>
public sealed record RecordingOptions(string Path)
{
    /// <summary>Ends the recording when this much audio is recorded (paused time not counted); null: no limit.</summary>
    public TimeSpan? MaxLength { get; init; }

    /// <summary>Ends the recording after this long without sound on any channel; null: never.</summary>
    public TimeSpan? SilenceTimeout { get; init; }

    /// <summary>Keys (<c>0-9 * # A-D</c>) that end the recording when a recorded session receives one; empty: none.</summary>
    public string TerminationKeys { get; init; } = string.Empty;

    /// <summary>
    /// The mean absolute sample value (of 32,767) under which a 20 ms frame counts as silence: 200 is about
    /// -44 dBFS, above the noise of a quiet line and below soft speech.
    /// </summary>
    public int SilenceLevel { get; init; } = 200;

    /// <summary>
    /// How often the file's sizes are brought up to date: a process killed between two flushes leaves a valid
    /// file holding everything up to the last one.
    /// </summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws on a missing path, a non-positive limit or an unknown termination key.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Path);
        if (MaxLength is { } max && max <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLength), max, "The maximum length must be positive.");
        }

        if (SilenceTimeout is { } silence && silence <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SilenceTimeout), silence, "The silence timeout must be positive.");
        }

        if (SilenceLevel is < 0 or > short.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(SilenceLevel), SilenceLevel, "The silence level is a sample value, 0 to 32767.");
        }

        if (FlushInterval < TimeSpan.FromMilliseconds(100) || FlushInterval > TimeSpan.FromSeconds(5))
        {
            throw new ArgumentOutOfRangeException(nameof(FlushInterval), FlushInterval, "Flush every 100 ms to 5 s.");
        }

        foreach (var key in TerminationKeys ?? throw new ArgumentNullException(nameof(TerminationKeys)))
        {
            if (!DtmfKeys.TryGetEventCode(key, out _))
            {
                throw new ArgumentException($"'{key}' is not a DTMF key.", nameof(TerminationKeys));
            }
        }
    }
}
