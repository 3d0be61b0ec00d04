namespace Switchboard.Media.Sdp;

/// <summary>An <c>a=</c> line (RFC 4566 §5.13): a property (<c>a=sendrecv</c>, null value) or <c>a=name:value</c>.</summary>
public readonly record struct SdpAttribute(string Name, string? Value);
