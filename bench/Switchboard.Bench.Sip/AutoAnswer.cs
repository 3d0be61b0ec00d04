using Switchboard.Sip.UserAgent;

namespace Switchboard.Bench.Sip;

/// <summary>Answers every inbound call at once with a fixed SDP and counts how calls end; the caller sends BYE.</summary>
internal sealed class AutoAnswer : IInboundCallHandler
{
    private const string Sdp = "v=0\r\no=switchboard 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    private int _received;
    private int _answered;
    private int _ended;

    public int Received => Volatile.Read(ref _received);

    public int Answered => Volatile.Read(ref _answered);

    public int Ended => Volatile.Read(ref _ended);

    public void OnIncomingCall(InboundCall call)
    {
        Interlocked.Increment(ref _received);
        if (call.Answer(Sdp))
        {
            Interlocked.Increment(ref _answered);
        }

        call.Completion.ContinueWith(_ => Interlocked.Increment(ref _ended), TaskScheduler.Default);
    }
}
