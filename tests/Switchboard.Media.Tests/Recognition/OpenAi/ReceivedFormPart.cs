namespace Switchboard.Media.Tests.Recognition.OpenAi;

/// <summary>One part of a <see cref="ReceivedForm"/>: its file name and type, when it has them, and its bytes.</summary>
internal sealed record ReceivedFormPart(string? FileName, string? ContentType, byte[] Body);
