namespace Switchboard.Calls.Engine.Messages;

/// <summary>Live control: send keys to the call (RFC 4733, or tones when the peer has no telephone-event).</summary>
internal sealed record DigitsRequested(string Digits, TimeSpan ToneDuration) : CallMessage;
