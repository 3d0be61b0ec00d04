namespace Switchboard.Calls.Engine.Messages;

/// <summary>The application refuses an inbound call it has not answered, with this final SIP response.</summary>
internal sealed record DeclineRequested(int SipStatus, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers) : CallMessage;
