namespace Switchboard.Media.Dtmf;

/// <summary>One key press: <c>0-9</c>, <c>*</c>, <c>#</c>, <c>A-D</c>, reported once when the key is released.</summary>
public readonly record struct DtmfDigit(char Key, int DurationMilliseconds);
