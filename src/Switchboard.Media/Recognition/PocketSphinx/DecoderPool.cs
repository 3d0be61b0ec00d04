using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Recognition.PocketSphinx;

/// <summary>
/// Long-lived decoders, made when first needed up to a maximum and lent to one recognition at a time; a
/// recognition that finds none free waits for one, asynchronously, as long as its token allows. Loading the model
/// takes a few hundred milliseconds of CPU, so a decoder is made on a decode worker, off the caller's thread.
/// </summary>
internal sealed class DecoderPool : IDisposable
{
    private const string InstallHint = "apt-get install libpocketsphinx3 pocketsphinx-en-us";

    private readonly PocketSphinxOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _free;
    private readonly ConcurrentBag<PocketSphinxDecoder> _idle = [];
    private int _created;
    private volatile string? _unavailable;
    private volatile bool _disposed;

    private readonly DecodeWorkers _workers;

    public DecoderPool(PocketSphinxOptions options, DecodeWorkers workers, ILogger logger)
    {
        _workers = workers;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxDecoders);
        _options = options;
        _logger = logger;
        _free = new SemaphoreSlim(options.MaxDecoders, options.MaxDecoders);
    }

    /// <summary>Decoders made so far.</summary>
    public int Created => Volatile.Read(ref _created);

    /// <exception cref="SpeechRecognitionException">pocketsphinx or its model is not installed, or a decoder would not start.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting for a decoder.</exception>
    public async Task<PocketSphinxDecoder> RentAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnavailable();
        await _free.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_idle.TryTake(out var decoder))
        {
            return decoder;
        }

        try
        {
            decoder = await _workers.RunAsync(Create).ConfigureAwait(false);
            var count = Interlocked.Increment(ref _created);
            Log.DecoderCreated(_logger, count, _options.MaxDecoders, _options.ModelDirectory);
            return decoder;
        }
        catch
        {
            _free.Release();
            throw;
        }
    }

    public void Return(PocketSphinxDecoder decoder)
    {
        if (_disposed)
        {
            decoder.Dispose();
        }
        else
        {
            _idle.Add(decoder);
        }

        _free.Release();
    }

    /// <summary>Frees a decoder that failed mid-recognition, whose state is unknown; a new one takes its place when needed.</summary>
    public void Discard(PocketSphinxDecoder decoder)
    {
        decoder.Dispose();
        Interlocked.Decrement(ref _created);
        _free.Release();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var decoder))
        {
            decoder.Dispose();
        }
    }

    private PocketSphinxDecoder Create()
    {
        ThrowIfUnavailable();
        try
        {
            return PocketSphinxDecoder.Create(_options);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            // The library will not appear while the process runs: say so once, then refuse without retrying.
            _unavailable = $"pocketsphinx is not installed ({InstallHint}): {e.Message}";
            Log.Unavailable(_logger, _unavailable);
            throw new SpeechRecognitionException(_unavailable, e);
        }
    }

    private void ThrowIfUnavailable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_unavailable is { } reason)
        {
            throw new SpeechRecognitionException(reason);
        }
    }
}
