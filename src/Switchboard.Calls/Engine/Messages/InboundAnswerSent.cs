namespace Switchboard.Calls.Engine.Messages;

/// <summary>Our 200 OK to an inbound INVITE has gone out: the call is in progress.</summary>
internal sealed record InboundAnswerSent : CallMessage;
