using Switchboard.Sip.UserAgent;

namespace Switchboard.Calls.Engine.Messages;

internal sealed record SipEventArrived(SipCallEvent Event) : CallMessage;
