namespace Switchboard.Sip.Tests.UserAgent.Torture;

/// <summary>
/// One RFC 4475 message (Torture/&lt;Name&gt;.dat), what it must get over UDP and over TCP, and why.
/// <paramref name="SentBy"/> is the top Via's sent-by, which the UDP send replaces with the test's own address so that
/// the answer, which goes to the sent-by (RFC 3261 §18.2.2), comes back to it; null for responses.
/// </summary>
sealed record TortureRow(string Name, string Section, string? SentBy, TortureAnswer Udp, TortureAnswer Tcp, string Why)
{
    public TortureRow(string name, string section, string? sentBy, TortureAnswer both, string why)
        : this(name, section, sentBy, both, both, why)
    {
    }
}
