namespace Switchboard.Calls.Engine.Messages;

/// <summary>The call's media session heard no RTP or RTCP for the engine's media timeout: the peer is gone.</summary>
internal sealed record MediaTimedOut : CallMessage;
