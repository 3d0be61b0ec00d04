namespace Switchboard.Calls.Engine.Messages;

/// <summary>Live control: the background transcription (<c>config.transcribe</c>) stops listening, or listens again.</summary>
internal sealed record TranscriptionPauseRequested(bool Paused) : CallMessage;
