namespace Switchboard.Calls.Engine.Signalling;

/// <summary>The SIP facts about a call's setup that decide what its final status means.</summary>
internal enum SetupState
{
    /// <summary>Our INVITE is out and nothing has been heard (RFC 3261 §17.1.1: Calling).</summary>
    Inviting,

    /// <summary>A provisional response was heard (outbound), or our 180 is out (inbound): it rings.</summary>
    Ringing,

    /// <summary>We gave up ringing (ring timeout, live "no-answer") before anything was heard.</summary>
    GivingUpUnheard,

    /// <summary>We gave up ringing after a provisional response; our CANCEL is out (RFC 3261 §9.1).</summary>
    GivingUp,

    /// <summary>A 2xx was received (outbound) or sent (inbound).</summary>
    Answered,
}
