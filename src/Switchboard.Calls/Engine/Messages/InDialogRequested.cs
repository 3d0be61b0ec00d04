namespace Switchboard.Calls.Engine.Messages;

/// <summary>
/// Live control: send <paramref name="Request"/> inside the call's dialog and complete <paramref name="Answer"/> with
/// the peer's answer (or the failure that left none).
/// </summary>
internal sealed record InDialogRequested(InDialogRequest Request, TaskCompletionSource<InDialogAnswer> Answer) : CallMessage;
