namespace Switchboard.Foundation.Net;

/// <summary>
/// An HTTP connection's socket stream, counted: the bytes read on it and the answers it carried, so a failed
/// request can tell whether it went out on a reused connection and heard nothing back
/// (<see cref="ConnectionReuseHandler"/>). A connection <see cref="Retire"/>d after an answer that ends it refuses
/// the next request before sending a byte, so that request is sent again on a new connection.
/// <para>
/// On a plain connection an answer is also seen where it starts, in the first bytes read after a request: a status
/// line counts it, and an HTTP/1.0 one without keep-alive retires the connection at once (<see cref="AnswerHead"/>).
/// The pool may hand the connection to the next request before the answer's headers reach the handler (an answer
/// with an empty body frees it as soon as they are parsed); that request must already find it retired and reused.
/// Over TLS the handler does both when the headers reach it.
/// </para>
/// </summary>
internal sealed class TrackedConnectionStream(Stream inner) : Stream
{
    private long _bytesRead;
    private int _answers;
    private volatile bool _retired;
    private volatile bool _awaitingAnswer;

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Answers whose headers arrived on this connection (a TLS handshake's bytes are no answer).</summary>
    public int Answers => Volatile.Read(ref _answers);

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public void CountAnswer() => Interlocked.Increment(ref _answers);

    /// <summary>The peer ends the connection after the answer being read: it must carry no further request.</summary>
    public void Retire() => _retired = true;

    public override int Read(byte[] buffer, int offset, int count) => Counted(buffer.AsSpan(offset), inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(buffer, inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Counted(buffer.Span, read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        BeforeWrite();
        inner.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        BeforeWrite();
        inner.Write(buffer);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        BeforeWrite();
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(ReadOnlySpan<byte> buffer, int read)
    {
        Interlocked.Add(ref _bytesRead, read);
        if (read > 0 && _awaitingAnswer)
        {
            _awaitingAnswer = false;
            OnAnswerStart(buffer[..read]);
        }

        return read;
    }

    private void OnAnswerStart(ReadOnlySpan<byte> first)
    {
        var start = AnswerHead.Read(first);
        if (start != AnswerStart.None)
        {
            CountAnswer();
        }

        if (start == AnswerStart.EndsConnection)
        {
            Retire();
        }
    }

    private void BeforeWrite()
    {
        var attempt = ConnectionAttempt.Current;
        if (_retired)
        {
            attempt?.RefusedLocally = true;
            inner.Dispose();
            throw new IOException("the server ended this connection after its previous answer");
        }

        _awaitingAnswer = true;
        attempt?.OnWrite(this);
    }
}
