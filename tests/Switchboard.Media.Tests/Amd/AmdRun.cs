using Switchboard.Media.Amd;

namespace Switchboard.Media.Tests.Amd;

/// <summary>Feeds a whole signal to a detector in fixed-size packets and collects the events.</summary>
internal static class AmdRun
{
    public static (List<AmdEvent> Events, AnsweringMachineDetector Detector) Detect(short[] signal, AmdOptions? options = null, int packet = 160)
    {
        var detector = new AnsweringMachineDetector(options);
        var buffer = new AmdEvent[AnsweringMachineDetector.MaxEvents];
        var events = new List<AmdEvent>();
        for (var offset = 0; offset < signal.Length; offset += packet)
        {
            var count = detector.Process(signal.AsSpan(offset, Math.Min(packet, signal.Length - offset)), buffer);
            events.AddRange(buffer.Take(count));
        }

        return (events, detector);
    }

    public static string Kinds(IEnumerable<AmdEvent> events) => string.Join(",", events.Select(e => e.Kind));

    public static void AssertAt(AmdEvent e, double fromMs, double toMs) =>
        Assert.True(
            e.At.TotalMilliseconds >= fromMs && e.At.TotalMilliseconds <= toMs,
            $"{e.Kind} at {e.At.TotalMilliseconds} ms, expected {fromMs:F0}..{toMs:F0} ms");
}
