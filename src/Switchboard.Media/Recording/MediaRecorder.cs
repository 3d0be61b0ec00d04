using Microsoft.Extensions.Logging;
using Switchboard.Media.Clock;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Recording;

/// <summary>
/// Records one or two session directions to a WAV file (8 kHz, 16-bit; mono, or stereo with one channel per
/// source). The media clock takes one 20 ms frame per channel per tick, checks the endings (maximum
/// length, silence, termination key, a closed session) and moves the frame into a ring; the engine's
/// background <see cref="RecordingWriter"/> empties the ring into the file at each flush, so no disk access
/// happens on a media thread. The clock tick allocates nothing.
/// </summary>
public sealed class MediaRecorder : IMediaClockStream, IDigitListener
{
    private readonly RecordingChannel[] _channels;
    private readonly short[] _interleaved;
    private readonly SampleRing<short> _output;
    private readonly WavFileWriter _file;
    private readonly RecordingWriter _writer;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<RecordingResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly short[] _drain;
    private readonly long _maxSamples;
    private readonly long _silenceSamples;
    private readonly Lock _gate = new();
    private volatile RecordingState _state;
    private IDisposable? _clockRegistration;
    private int _endReason = -1;
    private char? _key;
    private long _recordedSamples;
    private long _silentRun;
    private long _lostFrames;
    private long _lastFlush;
    private string? _error;
    private RecordingResult? _result;

    private MediaRecorder(RecordingOptions options, RecordingSource[] sources, RecordingWriter writer, ILogger logger)
    {
        Options = options;
        _writer = writer;
        _logger = logger;
        _channels = [.. sources.Select(s => new RecordingChannel(s))];
        _interleaved = new short[RecordingChannel.FrameSamples * _channels.Length];

        // Room for two flush intervals, so a slow disk has a whole interval to catch up.
        var perSecond = 8000 * _channels.Length;
        _output = new SampleRing<short>((int)(perSecond * options.FlushInterval.TotalSeconds * 2) + _interleaved.Length);
        _drain = new short[Math.Min(_output.Capacity, 16384)];
        _maxSamples = options.MaxLength is { } max ? (long)(max.TotalSeconds * 8000) : long.MaxValue;
        _silenceSamples = options.SilenceTimeout is { } silence ? (long)(silence.TotalSeconds * 8000) : long.MaxValue;
        _file = new WavFileWriter(options.Path, _channels.Length, 8000);
    }

    public RecordingOptions Options { get; }

    public string Path => Options.Path;

    /// <summary>1 (mono) or 2 (stereo).</summary>
    public int Channels => _channels.Length;

    public RecordingState State => _state;

    /// <summary>Audio recorded so far (paused time excluded).</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Interlocked.Read(ref _recordedSamples) / 8000.0);

    /// <summary>
    /// Completes once the file is closed, with why the recording ended. Never faults: a write failure ends
    /// with <see cref="RecordingEndReason.Failed"/>. Continuations run on the thread pool.
    /// </summary>
    public Task<RecordingResult> Completion => _completion.Task;

    /// <summary>Stops writing audio until <see cref="Resume"/>; false when not recording (paused or ending).</summary>
    public bool Pause() => TryTransition(RecordingState.Recording, RecordingState.Paused);

    /// <summary>Writes audio again after <see cref="Pause"/>; false when not paused.</summary>
    public bool Resume() => TryTransition(RecordingState.Paused, RecordingState.Recording);

    /// <summary>Ends the recording (unless it already ended otherwise) and returns <see cref="Completion"/>.</summary>
    public Task<RecordingResult> StopAsync()
    {
        RequestStop();
        return Completion;
    }

    /// <summary>Ends the recording (unless it already ended otherwise); <see cref="Completion"/> tells when the file is closed.</summary>
    public void RequestStop() => RequestEnd(RecordingEndReason.Stopped, null);

    internal static MediaRecorder Start(
        RecordingOptions options, RecordingSource[] sources, MediaClock clock, RecordingWriter writer, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (sources.Length is < 1 or > 2)
        {
            throw new ArgumentException("A recording has one or two sources (mono or stereo).", nameof(sources));
        }

        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source.Session, nameof(sources));
            if (source.Direction is not (AudioDirection.Received or AudioDirection.Sent))
            {
                throw new ArgumentException("Each source records one direction: Received or Sent.", nameof(sources));
            }

            ObjectDisposedException.ThrowIf(source.Session.IsClosed, source.Session);
        }

        var recorder = new MediaRecorder(options, sources, writer, logger);
        try
        {
            writer.Add(recorder);
        }
        catch (ObjectDisposedException)
        {
            recorder._file.Dispose();
            throw;
        }

        recorder.Attach();
        var registration = clock.Register(recorder);
        lock (recorder._gate)
        {
            recorder._clockRegistration = registration;
        }

        Log.Started(logger, options.Path, sources.Length);
        return recorder;
    }

    void IMediaClockStream.OnTick(long tick)
    {
        var state = _state;
        if (state is RecordingState.Stopping or RecordingState.Ended)
        {
            return;
        }

        foreach (var channel in _channels)
        {
            channel.TakeFrame();
            if (channel.Source.Session.IsClosed)
            {
                RequestEnd(RecordingEndReason.SessionClosed, null);
            }
        }

        if (state == RecordingState.Recording && Volatile.Read(ref _endReason) < 0)
        {
            Record();
        }

        if (Volatile.Read(ref _endReason) >= 0)
        {
            TryTransition(_state, RecordingState.Stopping);
            _writer.Wake();
        }
    }

    void IDigitListener.OnDigit(DtmfDigit digit, bool viaEvents)
    {
        if (Options.TerminationKeys.Contains(digit.Key, StringComparison.OrdinalIgnoreCase))
        {
            RequestEnd(RecordingEndReason.TerminationKey, digit.Key);
        }
    }

    /// <summary>Decides the ending; the first reason wins. The clock thread then stops recording.</summary>
    internal void RequestEnd(RecordingEndReason reason, char? key)
    {
        lock (_gate)
        {
            if (_endReason < 0)
            {
                _key = key;
                Volatile.Write(ref _endReason, (int)reason);
            }
        }
    }

    /// <summary>
    /// Writer thread: flushes the ring into the file when a flush is due or the recording is stopping, and
    /// finishes the file once stopping. Returns true when the file is closed: then <see cref="Publish"/>.
    /// </summary>
    internal bool Service(long now, TimeProvider time, bool force)
    {
        var stopping = _state == RecordingState.Stopping || force;
        if (stopping || time.GetElapsedTime(_lastFlush, now) >= Options.FlushInterval)
        {
            _lastFlush = now;
            WritePending();
        }

        if (!stopping)
        {
            return false;
        }

        Finish();
        return true;
    }

    private void Record()
    {
        var frame = RecordingChannel.FrameSamples;
        long level = 0;
        if (_channels.Length == 1)
        {
            _channels[0].Frame.CopyTo(_interleaved, 0);
        }
        else
        {
            var left = _channels[0].Frame;
            var right = _channels[1].Frame;
            for (var i = 0; i < frame; i++)
            {
                _interleaved[2 * i] = left[i];
                _interleaved[(2 * i) + 1] = right[i];
            }
        }

        foreach (var sample in _interleaved)
        {
            level += Math.Abs((int)sample);
        }

        if (!_output.TryWrite(_interleaved))
        {
            Interlocked.Increment(ref _lostFrames);
        }

        var recorded = Interlocked.Add(ref _recordedSamples, frame);
        _silentRun = level < (long)Options.SilenceLevel * _interleaved.Length ? _silentRun + frame : 0;
        if (_silentRun >= _silenceSamples)
        {
            RequestEnd(RecordingEndReason.Silence, null);
        }
        else if (recorded >= _maxSamples)
        {
            RequestEnd(RecordingEndReason.MaxLength, null);
        }
    }

    private void WritePending()
    {
        if (_error is not null)
        {
            _output.Skip(int.MaxValue);
            return;
        }

        try
        {
            int count;
            while ((count = _output.Read(_drain)) > 0)
            {
                _file.Write(_drain.AsSpan(0, count));
            }

            _file.Flush(toDisk: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _error = exception.Message;
            Log.WriteFailed(_logger, Path, exception);
            RequestEnd(RecordingEndReason.Failed, null);
        }
    }

    private void Finish()
    {
        lock (_gate)
        {
            _clockRegistration?.Dispose();
            _clockRegistration = null;
        }

        Detach();
        WritePending();
        try
        {
            _file.Dispose();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _error ??= exception.Message;
            Log.WriteFailed(_logger, Path, exception);
        }

        var reason = _error is not null ? RecordingEndReason.Failed
            : _endReason >= 0 ? (RecordingEndReason)_endReason
            : RecordingEndReason.EngineStopped;
        if (Interlocked.Read(ref _lostFrames) is > 0 and var lost)
        {
            Log.FramesLost(_logger, Path, lost);
        }

        // The file holds what was written, which is what the duration reports.
        var duration = TimeSpan.FromSeconds(_file.DataBytes / (2.0 * Channels * 8000));
        _result = new RecordingResult(Path, reason, duration, Channels, reason == RecordingEndReason.TerminationKey ? _key : null, _error);
        Log.Ended(_logger, Path, reason, duration.TotalSeconds);
    }

    /// <summary>Writer thread, once the recording is no longer counted as active: the result goes out.</summary>
    internal void Publish()
    {
        TryTransition(_state, RecordingState.Ended);
        _completion.TrySetResult(_result!);
    }

    private void Attach()
    {
        foreach (var channel in _channels)
        {
            channel.Source.Session.AddAudioTap(channel, channel.Source.Direction);
            if (Options.TerminationKeys.Length > 0)
            {
                channel.Source.Session.AddDigitListener(this);
            }
        }
    }

    private void Detach()
    {
        foreach (var channel in _channels)
        {
            channel.Source.Session.RemoveAudioTap(channel);
            channel.Source.Session.RemoveDigitListener(this);
        }
    }

    /// <summary>The one place the state changes: only the edges of <see cref="RecordingState"/> are allowed.</summary>
    private bool TryTransition(RecordingState from, RecordingState to)
    {
        lock (_gate)
        {
            var legal = (_state, to) switch
            {
                (RecordingState.Recording, RecordingState.Paused) => true,
                (RecordingState.Paused, RecordingState.Recording) => true,
                (RecordingState.Recording or RecordingState.Paused, RecordingState.Stopping) => true,
                (RecordingState.Recording or RecordingState.Paused or RecordingState.Stopping, RecordingState.Ended) => true,
                _ => false,
            };
            if (_state != from || !legal)
            {
                return false;
            }

            _state = to;
            return true;
        }
    }
}
