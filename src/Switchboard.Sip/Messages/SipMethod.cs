using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>A SIP method token. Methods are case-sensitive (RFC 3261 §7.1), so comparison is ordinal.</summary>
public readonly struct SipMethod : IEquatable<SipMethod>
{
    public static readonly SipMethod Invite = new("INVITE");
    public static readonly SipMethod Ack = new("ACK");
    public static readonly SipMethod Bye = new("BYE");
    public static readonly SipMethod Cancel = new("CANCEL");
    public static readonly SipMethod Options = new("OPTIONS");
    public static readonly SipMethod Register = new("REGISTER");
    public static readonly SipMethod Info = new("INFO");
    public static readonly SipMethod Update = new("UPDATE");
    public static readonly SipMethod Prack = new("PRACK");
    public static readonly SipMethod Refer = new("REFER");
    public static readonly SipMethod Notify = new("NOTIFY");
    public static readonly SipMethod Subscribe = new("SUBSCRIBE");
    public static readonly SipMethod Message = new("MESSAGE");

    public SipMethod(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>Maps a method token to a shared instance for the common methods, so parsing them allocates nothing.</summary>
    public static SipMethod FromToken(ReadOnlySpan<byte> token) => token switch
    {
        _ when token.SequenceEqual("INVITE"u8) => Invite,
        _ when token.SequenceEqual("ACK"u8) => Ack,
        _ when token.SequenceEqual("BYE"u8) => Bye,
        _ when token.SequenceEqual("CANCEL"u8) => Cancel,
        _ when token.SequenceEqual("OPTIONS"u8) => Options,
        _ when token.SequenceEqual("REGISTER"u8) => Register,
        _ when token.SequenceEqual("INFO"u8) => Info,
        _ when token.SequenceEqual("UPDATE"u8) => Update,
        _ when token.SequenceEqual("PRACK"u8) => Prack,
        _ when token.SequenceEqual("REFER"u8) => Refer,
        _ when token.SequenceEqual("NOTIFY"u8) => Notify,
        _ when token.SequenceEqual("SUBSCRIBE"u8) => Subscribe,
        _ when token.SequenceEqual("MESSAGE"u8) => Message,
        _ => new SipMethod(Encoding.ASCII.GetString(token)),
    };

    public bool Equals(SipMethod other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is SipMethod other && Equals(other);

    public override int GetHashCode() => Name is null ? 0 : StringComparer.Ordinal.GetHashCode(Name);

    public override string ToString() => Name;

    public static bool operator ==(SipMethod left, SipMethod right) => left.Equals(right);

    public static bool operator !=(SipMethod left, SipMethod right) => !left.Equals(right);
}
