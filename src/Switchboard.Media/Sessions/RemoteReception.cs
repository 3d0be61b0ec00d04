namespace Switchboard.Media.Sessions;

/// <summary>How the peer receives our stream, from the report block about us in its last SR or RR.</summary>
/// <param name="FractionLost">The share of our packets it lost in its last interval (0 to 1).</param>
/// <param name="PacketsLost">Our packets it has lost in all.</param>
/// <param name="Jitter">The interarrival jitter it measures on our stream.</param>
public sealed record RemoteReception(double FractionLost, long PacketsLost, TimeSpan Jitter);
