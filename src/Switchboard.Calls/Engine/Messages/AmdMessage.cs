namespace Switchboard.Calls.Engine.Messages;

/// <summary>A message for the call's answering-machine detection (<see cref="CallAmd"/>).</summary>
internal abstract record AmdMessage : CallMessage;
