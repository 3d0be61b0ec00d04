using System.Collections.Concurrent;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Dtmf;

/// <summary>
/// Sends queued keys on a session's outgoing stream, one frame per clock tick, as RFC 4733 telephone
/// events or, for a peer that declared no telephone-event, as in-band Q.23 tones. RFC 4733 §2.5.1: every
/// packet of an event carries the event's start timestamp, the first has the marker bit (§2.5.1.3), the
/// duration grows by one frame per update, and the final packet, with the E bit, goes out three times
/// (§2.5.1.4). The session's normal audio waits while keys are sent. Requests come from any thread;
/// <see cref="Next"/> runs only on the clock thread and allocates nothing.
/// </summary>
internal sealed class DtmfSender
{
    /// <summary>RFC 4733 §2.5.1.4: the final packet is sent three times.</summary>
    public const int EndPackets = 3;

    /// <summary>RFC 4733 §2.3.2: the power of the tone, as -dBm0 (10: a usual telephone level).</summary>
    public const byte Volume = 10;

    private const int FrameSamples = 160;

    /// <summary>The <see cref="DtmfKeys.Pause"/> character: half a second at 8 kHz.</summary>
    private const int PauseSamples = 4000;

    /// <summary>Each in-band tone at about -9 dBm0, inside Q.24's accepted levels with room for the pair.</summary>
    private const double ToneAmplitude = 8000;

    private readonly ConcurrentQueue<DigitRequest> _queue = new();
    private DigitRequest? _current;
    private State _state;
    private int _index;
    private byte _event;
    private int _elapsed;
    private int _endsSent;
    private int _remaining;
    private volatile bool _closed;

    private enum State
    {
        Idle,
        NextKey,
        Tone,
        Ending,
        Gap,
    }

    /// <summary>
    /// Nothing is being sent or waits to be: the stream's audio may bypass the clock (a bridge forwarding). Read
    /// under the sender's lock, as <see cref="Next"/> is called.
    /// </summary>
    public bool IsIdle => _state == State.Idle && _queue.IsEmpty;

    /// <summary>The RTP timestamp every packet of the current event carries: the tick it began on.</summary>
    public uint EventTimestamp { get; private set; }

    public Task Enqueue(DigitRequest request, CancellationToken cancellationToken)
    {
        request.Watch(cancellationToken);
        Queue(request);
        return request.Task;
    }

    /// <summary>Queues keys nobody waits for (a bridge passing a key on): the clock sends them and settles the request.</summary>
    public void Queue(DigitRequest request)
    {
        _queue.Enqueue(request);
        if (_closed)
        {
            request.Cancel();
        }
    }

    /// <summary>Cancels everything queued; a key already sounding is still ended properly by the clock.</summary>
    public void CancelAll()
    {
        Volatile.Read(ref _current)?.Cancel();
        foreach (var request in _queue)
        {
            request.Cancel();
        }
    }

    public void Close()
    {
        _closed = true;
        CancelAll();
    }

    /// <summary>
    /// Decides this tick's frame. For <see cref="DtmfFrame.Event"/> the 4-octet payload is written to
    /// <paramref name="eventPayload"/>; for <see cref="DtmfFrame.Tone"/> the samples to <paramref name="pcm"/>.
    /// </summary>
    public DtmfFrame Next(uint timestamp, bool inBand, Span<byte> eventPayload, Span<short> pcm, out bool marker)
    {
        marker = false;
        while (true)
        {
            switch (_state)
            {
                case State.Idle:
                    if (!TryStartRequest())
                    {
                        return DtmfFrame.None;
                    }

                    break;
                case State.NextKey:
                    StartNextKey(timestamp);
                    break;
                case State.Tone:
                    return inBand ? Tone(pcm) : Update(eventPayload, out marker);
                case State.Ending:
                    WriteEvent(eventPayload, end: true);
                    if (++_endsSent == EndPackets)
                    {
                        // The gap counts from the first end packet; the repeats already took part of it.
                        StartGap(_current!.GapSamples - ((EndPackets - 1) * FrameSamples));
                    }

                    return DtmfFrame.Event;
                case State.Gap:
                    if (_remaining <= 0 || _current!.IsDone)
                    {
                        _state = State.NextKey;
                        break;
                    }

                    _remaining -= FrameSamples;
                    return DtmfFrame.Pause;
            }
        }
    }

    private bool TryStartRequest()
    {
        while (_queue.TryDequeue(out var request))
        {
            if (!request.IsDone)
            {
                Volatile.Write(ref _current, request);
                _index = 0;
                _state = State.NextKey;
                return true;
            }
        }

        return false;
    }

    private void StartNextKey(uint timestamp)
    {
        var request = _current!;
        if (request.IsDone || _index >= request.Digits.Length)
        {
            request.Complete();
            Volatile.Write(ref _current, null);
            _state = State.Idle;
            return;
        }

        var key = request.Digits[_index++];
        if (!DtmfKeys.TryGetEventCode(key, out _event))
        {
            StartGap(PauseSamples);
            return;
        }

        EventTimestamp = timestamp;
        _elapsed = 0;
        _state = State.Tone;
    }

    private DtmfFrame Update(Span<byte> payload, out bool marker)
    {
        marker = _elapsed == 0;
        _elapsed += FrameSamples;

        // A cancelled key still ends with E-bit packets, so the receiver does not hold it down.
        var last = _elapsed >= _current!.ToneSamples || _current.IsDone;
        WriteEvent(payload, last);
        if (last)
        {
            _endsSent = 1;
            _state = State.Ending;
        }

        return DtmfFrame.Event;
    }

    private DtmfFrame Tone(Span<short> pcm)
    {
        var request = _current!;
        var count = Math.Min(FrameSamples, request.ToneSamples - _elapsed);
        var (low, high) = DtmfKeys.FrequenciesOf(_event);
        for (var i = 0; i < count; i++)
        {
            var t = (double)(_elapsed + i) / 8000;
            pcm[i] = (short)(ToneAmplitude * (Math.Sin(2 * Math.PI * low * t) + Math.Sin(2 * Math.PI * high * t)));
        }

        pcm[count..FrameSamples].Clear();
        _elapsed += count;
        if (_elapsed >= request.ToneSamples || request.IsDone)
        {
            StartGap(request.GapSamples);
        }

        return DtmfFrame.Tone;
    }

    private void WriteEvent(Span<byte> payload, bool end) =>
        new TelephoneEvent(_event, end, Volume, (ushort)_elapsed).TryWrite(payload);

    private void StartGap(int samples)
    {
        _remaining = samples;
        _state = State.Gap;
    }
}
