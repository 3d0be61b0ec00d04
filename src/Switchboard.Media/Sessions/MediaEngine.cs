using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Media.Clock;
using Switchboard.Media.Recording;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Owns what media sessions share: the RTP port pool and the one media clock that paces every stream.
/// </summary>
public sealed class MediaEngine : IAsyncDisposable
{
    private static readonly TimeSpan PacketTime = TimeSpan.FromMilliseconds(20);

    private readonly MediaEngineOptions _options;
    private readonly ILogger _logger;
    private readonly PortPool _ports;
    private readonly MediaClock _clock;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<MediaSession, int> _sessions = new();
    private readonly RecordingWriter _recordings;
    private readonly IDatagramPump[] _pumps;
    private int _nextPump;
    private int _disposed;

    public MediaEngine(MediaEngineOptions options, ILoggerFactory loggerFactory)
        : this(options, loggerFactory, TimeProvider.System)
    {
    }

    /// <param name="timeProvider">Drives the media-timeout timers (the media clock keeps its own pacing thread).</param>
    public MediaEngine(MediaEngineOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();
        _options = options;
        _logger = loggerFactory.CreateLogger<MediaEngine>();
        _ports = new PortPool(options.PortMin, options.PortMax);
        _clock = new MediaClock(PacketTime, options.PacingSlots, loggerFactory.CreateLogger<MediaClock>());
        _recordings = new RecordingWriter(timeProvider, loggerFactory.CreateLogger<MediaRecorder>());
        _pumps = EpollDatagramPump.IsSupported
            ? [.. Enumerable.Range(0, options.ReceiveThreads).Select(_ => (IDatagramPump)new EpollDatagramPump(_logger))]
            : [new TaskDatagramPump(_logger)];
    }

    /// <summary>The shared clock (exposed for metrics: lateness, skipped ticks, stream count).</summary>
    public MediaClock Clock => _clock;

    public int ActiveSessions => _sessions.Count;

    /// <summary>RTP ports still free in the pool.</summary>
    public int AvailablePorts => _ports.Available;

    /// <summary>Recordings not yet finished.</summary>
    public int ActiveRecordings => _recordings.Count;

    /// <summary>
    /// Records one or two session directions to a WAV file, one channel per source (e.g. two bridged legs'
    /// <see cref="AudioDirection.Received"/> audio as stereo). See <see cref="MediaSession.StartRecording"/>.
    /// </summary>
    public MediaRecorder StartRecording(RecordingOptions options, params RecordingSource[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return MediaRecorder.Start(options, sources, _clock, _recordings, _logger);
    }

    /// <summary>
    /// Binds a fresh RTP/RTCP port pair and starts receiving. Throws <see cref="MediaPortsExhaustedException"/>
    /// when every port of the range is in use or refused by the OS.
    /// </summary>
    public MediaSession CreateSession(IMediaSessionObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);

        // A refused port goes back to cool down (another process may hold it only for a while); as many draws as the
        // range has ports, so a range some other program fills up ends in a clear refusal.
        for (var attempt = 0; attempt < _ports.Capacity && _ports.TryRent(out var port); attempt++)
        {
            var rtp = new Socket(_options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            var rtcp = new Socket(_options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                rtp.Bind(new IPEndPoint(_options.BindAddress, port));
                rtcp.Bind(new IPEndPoint(_options.BindAddress, port + 1));
            }
            catch (SocketException exception)
            {
                Log.PortRefused(_logger, port, exception);
                rtp.Dispose();
                rtcp.Dispose();
                _ports.Return(port);
                continue;
            }

            var session = new MediaSession(
                port, rtp, rtcp, _clock, _options.AdvertisedAddress, observer, OnSessionClosed, _logger,
                _time, _options.MediaTimeout, _recordings, NextPump());
            _sessions[session] = port;
            return session;
        }

        throw new MediaPortsExhaustedException(
            $"No free RTP port pair in {_options.PortMin}-{_options.PortMax} ({_sessions.Count} sessions active).");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var session in _sessions.Keys)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        _clock.Dispose();
        _recordings.Dispose();
        foreach (var pump in _pumps)
        {
            pump.Dispose();
        }
    }

    /// <summary>The receive threads take new sessions in turn; a session's RTP and RTCP stay on one.</summary>
    private IDatagramPump NextPump() => _pumps[(int)((uint)Interlocked.Increment(ref _nextPump) % (uint)_pumps.Length)];

    private void OnSessionClosed(MediaSession session)
    {
        if (_sessions.TryRemove(session, out var port))
        {
            _ports.Return(port);
        }
    }
}
