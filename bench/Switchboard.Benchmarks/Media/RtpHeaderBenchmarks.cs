using BenchmarkDotNet.Attributes;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;

namespace Switchboard.Benchmarks.Media;

/// <summary>Per-packet receive work: header parse, and the telephone-event path.</summary>
[MemoryDiagnoser]
public class RtpHeaderBenchmarks
{
    private readonly byte[] _audioPacket = new byte[12 + 160];
    private readonly byte[] _eventPacket = Convert.FromHexString("80e51f30000033e00e05384e010a0000");
    private readonly DtmfEventDetector _detector = new();
    private readonly DtmfDigit[] _digits = new DtmfDigit[2];

    [GlobalSetup]
    public void Setup() => new RtpHeader(true, 0, 1234, 5678, 0xCAFEBABE).WriteTo(_audioPacket);

    [Benchmark(Baseline = true)]
    public ushort ParseAudioHeader()
    {
        RtpHeader.TryParse(_audioPacket, out var header);
        return header.SequenceNumber;
    }

    [Benchmark]
    public int WriteHeader() => new RtpHeader(false, 0, 1235, 5838, 0xCAFEBABE).WriteTo(_audioPacket);

    [Benchmark]
    public int ParseTelephoneEventAndDetect()
    {
        RtpHeader.TryParse(_eventPacket, out var header);
        TelephoneEvent.TryParse(_eventPacket.AsSpan(header.HeaderLength, header.PayloadLength), out var telephoneEvent);
        return _detector.Accept(header.Timestamp, telephoneEvent, _digits);
    }
}
