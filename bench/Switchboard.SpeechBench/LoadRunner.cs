using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Audio;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Recognition.PocketSphinx;
using Switchboard.Media.Sessions;

namespace Switchboard.SpeechBench;

/// <summary>
/// How many recognitions run at once while the media clock keeps pacing: a real <see cref="MediaEngine"/> sends
/// audio on S sessions to a <see cref="PacingReceiver"/>, and N loops each recognise one corpus utterance (with
/// the hints of its question) as often as a caller could say it: the next one starts when the previous utterance's
/// duration has passed, as if the caller had spoken it meanwhile. For each N, the pacing deviation p99, the
/// utterance-to-result latency, exact-phrase accuracy and the process CPU.
/// </summary>
static class LoadRunner
{
    public static async Task<int> RunAsync(string corpusDir, int sessions, int[] loopCounts, int seconds, PocketSphinxOptions options)
    {
        var texts = Scorer.ReadTranscripts(corpusDir).ToDictionary(r => r.Id, r => string.Join(' ', Scorer.Normalise(r.Text)));
        var utterances = EngineRunner.Load(corpusDir, withHints: true);
        using var engine = new PocketSphinxRecognizer(options, NullLogger<PocketSphinxRecognizer>.Instance);

        // Every decoder made before measuring: loading the model is start-up work, not recognition.
        await Task.WhenAll(Enumerable.Range(0, options.MaxDecoders).Select(i => engine.RecognizeAsync(utterances[i].Audio, utterances[i].Request, CancellationToken.None)));

        var mediaOptions = new MediaEngineOptions(IPAddress.Loopback, "127.0.0.1", 40000, 40000 + (sessions * 2) + 1) { MediaTimeout = Timeout.InfiniteTimeSpan };
        await using var media = new MediaEngine(mediaOptions, NullLoggerFactory.Instance);
        using var receiver = new PacingReceiver();
        var clip = new AudioClip(Enumerable.Range(0, 8000 * 30).Select(i => (short)(6000 * Math.Sin(2 * Math.PI * 440 * i / 8000))).ToArray());
        using var stop = new CancellationTokenSource();
        var plays = new List<Task>();
        for (var i = 0; i < sessions; i++)
        {
            var session = media.CreateSession(new NoDigits());
            var answer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + $"m=audio {receiver.Port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
            if (!session.ApplyAnswer(answer).IsSuccess)
            {
                throw new InvalidOperationException("the answer was refused");
            }

            plays.Add(PlayOnAsync(session, clip, stop.Token));
        }

        await Task.Delay(TimeSpan.FromSeconds(5)); // every session sending, and the clock settled
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sessions} paced sessions, {options.MaxDecoders} decoders, {seconds} s per row, {Environment.ProcessorCount} cores"));
        Console.WriteLine("| recognitions at once | recognised | exact | utterance → result p50 / p95 | process CPU (cores) | CPU per recognition (cores) | pacing deviation p50 / p99 / max | clock ticks skipped |");
        Console.WriteLine("| ---: | ---: | ---: | --- | ---: | ---: | --- | ---: |");
        double? baseline = null;
        // Rows without recognition before and after: the pacing this machine gives the clock anyway.
        foreach (var loops in new[] { 0 }.Concat(loopCounts).Append(0))
        {
            receiver.Reset();
            var skipped = media.Clock.SkippedTicks;
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            using var window = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var running = Enumerable.Range(0, loops).Select(l => LoopAsync(engine, utterances, texts, l, window.Token)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var results = await Task.WhenAll(running);
            var cores = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds / wall.Elapsed.TotalSeconds;
            baseline ??= cores;
            var latencies = results.SelectMany(r => r.Latencies).Order().ToList();
            var count = latencies.Count;
            var exact = results.Sum(r => r.Exact);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {loops} | {count} | {(count == 0 ? "–" : $"{100.0 * exact / count:F1} %")} | " +
                $"{(count == 0 ? "–" : $"{EngineRunner.Percentile(latencies, 0.5):F0} / {EngineRunner.Percentile(latencies, 0.95):F0} ms")} | {cores:F2} | " +
                $"{(loops == 0 ? "–" : $"{(cores - baseline.Value) / loops:F3}")} | " +
                $"{receiver.DeviationMs(0.5):F2} / {receiver.DeviationMs(0.99):F2} / {receiver.DeviationMs(1):F2} ms | {media.Clock.SkippedTicks - skipped} |"));
        }

        await stop.CancelAsync();
        await Task.WhenAll(plays);
        return 0;
    }

    private static async Task PlayOnAsync(MediaSession session, AudioClip clip, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await session.PlayAsync(clip, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<(List<double> Latencies, int Exact)> LoopAsync(
        PocketSphinxRecognizer engine, List<(string Id, short[] Audio, Media.Recognition.RecognitionRequest Request)> utterances,
        Dictionary<string, string> texts, int loop, CancellationToken window)
    {
        var latencies = new List<double>();
        var exact = 0;
        var random = new Random(loop);
        try
        {
            // Callers do not all start speaking on the same tick.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2000)), window);
            for (var next = random.Next(utterances.Count); ; next = (next + 1) % utterances.Count)
            {
                var (id, audio, request) = utterances[next];
                var started = Stopwatch.GetTimestamp();
                var result = await engine.RecognizeAsync(audio, request, CancellationToken.None);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                exact += string.Join(' ', Scorer.Normalise(result.Transcript)) == texts[id] ? 1 : 0;
                var spoken = TimeSpan.FromSeconds(audio.Length / 8000.0) - Stopwatch.GetElapsedTime(started);
                if (spoken > TimeSpan.Zero)
                {
                    await Task.Delay(spoken, window);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return (latencies, exact);
        }
    }

    private sealed class NoDigits : IMediaSessionObserver
    {
        public void OnDigit(DtmfDigit digit)
        {
        }
    }
}
