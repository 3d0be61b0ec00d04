namespace Switchboard.Calls.Engine.Messages;

/// <summary>
/// End the call; <paramref name="Failed"/> when the script broke, so an answered call ends failed, not completed.
/// <paramref name="By"/> is who asked (the application, or the server itself), reported with the final status.
/// </summary>
internal sealed record HangupRequested(string Reason, bool Failed, CallEndedBy By) : CallMessage;
