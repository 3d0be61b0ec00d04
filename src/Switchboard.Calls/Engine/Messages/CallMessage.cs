namespace Switchboard.Calls.Engine.Messages;

/// <summary>An input to a call's loop. Everything that touches call state arrives as one of these.</summary>
internal abstract record CallMessage;
