namespace Switchboard.Calls.Engine;

/// <summary>An inbound INVITE's SDP offer has nothing we can use (RFC 3264 §6): the call is refused with 488.</summary>
public sealed class UnusableOfferException(string message) : Exception(message);
