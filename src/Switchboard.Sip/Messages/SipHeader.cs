using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>
/// One header field as received or to be sent. <see cref="Name"/> is the canonical long form for known headers
/// (compact forms are expanded by the parser); <see cref="Value"/> is the unfolded value without surrounding
/// whitespace, usually a slice of the received datagram.
/// </summary>
public readonly record struct SipHeader(string Name, ReadOnlyMemory<byte> Value)
{
    public static SipHeader Create(string name, string value) => new(name, Encoding.UTF8.GetBytes(value));

    public string ValueAsString() => Encoding.UTF8.GetString(Value.Span);

    public override string ToString() => $"{Name}: {ValueAsString()}";
}
