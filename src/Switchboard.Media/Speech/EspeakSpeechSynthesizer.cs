using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Media.Audio;

namespace Switchboard.Media.Speech;

/// <summary>
/// Speech from espeak-ng, run as a child process (arguments as a list and text on stdin, never a shell),
/// its 22,050 Hz WAV resampled to 8 kHz. Prompts are cached per (voice, text) in memory and on disk, and
/// concurrent requests for the same prompt share one synthesis.
/// </summary>
public sealed class EspeakSpeechSynthesizer : ISpeechSynthesizer
{
    /// <summary>The vendor name requests use for this engine.</summary>
    public const string VendorName = "espeak-ng";

    // Bumped when the audio pipeline changes, so stale cache files are not reused.
    private const string CacheFormat = "espeak-8k-v1";

    private static readonly TimeSpan SynthesisTimeout = TimeSpan.FromSeconds(60);
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    private readonly EspeakOptions _options;
    private readonly ILogger<EspeakSpeechSynthesizer> _logger;
    private readonly ClipCache _cache;
    private readonly ConcurrentDictionary<string, Lazy<Task<AudioClip>>> _inFlight = new(StringComparer.Ordinal);
    private long _syntheses;

    public EspeakSpeechSynthesizer(EspeakOptions options, ILogger<EspeakSpeechSynthesizer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
        _cache = new ClipCache(options.CacheDirectory, options.MemoryCacheEntries, logger);
    }

    public string Vendor => VendorName;

    /// <summary>How many times espeak-ng was actually run (cache misses).</summary>
    public long SynthesisCount => Interlocked.Read(ref _syntheses);

    public async ValueTask<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Text);
        var voice = EspeakVoice.For(request);
        if (request.Language is { } language && !EspeakVoice.TryLanguage(language, out _))
        {
            Log.LanguageFallback(_logger, language, voice);
        }

        var key = $"{CacheFormat}\n{voice}\n{request.Text}";
        if (_cache.TryGet(key, out var cached))
        {
            return cached;
        }

        // One synthesis per key however many callers wait; it runs to completion even if the caller that
        // started it gives up, since the others (and the cache) still want it.
        var shared = _inFlight.GetOrAdd(
            key,
            k => new Lazy<Task<AudioClip>>(() => SynthesizeAndStoreAsync(k, voice, request.Text)));
        return await shared.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<AudioClip> SynthesizeAndStoreAsync(string key, string voice, string text)
    {
        try
        {
            using var timeout = new CancellationTokenSource(SynthesisTimeout);
            var started = Stopwatch.GetTimestamp();
            var wav = await RunEspeakAsync(voice, text, timeout.Token).ConfigureAwait(false);
            WavAudio audio;
            try
            {
                audio = WavReader.Read(wav);
            }
            catch (WavFormatException exception)
            {
                throw new SpeechSynthesisException($"{_options.Executable} produced unreadable audio: {exception.Message}", exception);
            }

            var samples = audio.SampleRate == AudioClip.SampleRate
                ? audio.Samples
                : new Resampler(audio.SampleRate, AudioClip.SampleRate).Process(audio.Samples);
            var clip = new AudioClip(samples);
            await _cache.StoreAsync(key, clip, timeout.Token).ConfigureAwait(false);
            Log.Synthesized(_logger, samples.Length, voice, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return clip;
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private async Task<byte[]> RunEspeakAsync(string voice, string text, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _syntheses);
        var startInfo = new ProcessStartInfo(_options.Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = Utf8NoBom,
        };
        startInfo.ArgumentList.Add("-v");
        startInfo.ArgumentList.Add(voice);
        startInfo.ArgumentList.Add("--stdin");
        startInfo.ArgumentList.Add("--stdout");

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new SpeechSynthesisException($"Cannot start '{_options.Executable}': {exception.Message}. Is espeak-ng installed?", exception);
        }

        try
        {
            using var output = new MemoryStream();
            var readOutput = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var readError = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // espeak-ng quit before reading its input (e.g. unknown voice): its exit code says why.
            }
            await readOutput.ConfigureAwait(false);
            var error = await readError.ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new SpeechSynthesisException(
                    $"'{_options.Executable} -v {voice}' exited with code {process.ExitCode}: {error.Trim()}");
            }

            return output.ToArray();
        }
        catch (OperationCanceledException exception)
        {
            process.Kill(entireProcessTree: true);
            throw new SpeechSynthesisException($"'{_options.Executable}' did not finish within {SynthesisTimeout.TotalSeconds} s", exception);
        }
    }
}
