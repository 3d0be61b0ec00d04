namespace Switchboard.Bench.Sip;

/// <summary>What answers SIPp's calls.</summary>
internal enum BenchPeer
{
    /// <summary>Our <c>SipUserAgent</c>, in this process: the figure the bench exists for.</summary>
    Switchboard,

    /// <summary>A second SIPp running its built-in <c>uas</c> scenario: the ceiling the machine and SIPp allow.</summary>
    Sipp,
}
