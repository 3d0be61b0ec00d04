using System.Buffers.Text;
using System.Globalization;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Registrar;

/// <summary>
/// The binding changes a REGISTER asks for (RFC 3261 §10.2, §10.3 steps 6–7): its Contacts with their expiration,
/// or <c>*</c> to remove them all, or nothing for a query. Expirations are clamped to the registrar's limits.
/// </summary>
internal sealed record RegisterContacts(IReadOnlyList<BindingChange> Changes, bool RemoveAll)
{
    /// <summary>Reads the request's Contact and Expires headers; null with a refusal for a request that is invalid.</summary>
    public static RegisterContacts? Read(SipRequest request, SipRegistrarOptions options, out RegisterRefusal? refusal)
    {
        refusal = null;
        var values = request.GetHeaderValues(SipHeaderNames.Contact);
        var headerExpires = ReadSeconds(request.TryGetHeader(SipHeaderNames.Expires, out var expires) ? expires.Span : default);
        if (values.Exists(v => SipSyntax.Trim(v.Span).SequenceEqual("*"u8)))
        {
            // §10.3 step 6: "*" removes every binding, and is valid only alone and with Expires: 0.
            if (values.Count != 1 || headerExpires != TimeSpan.Zero)
            {
                refusal = new RegisterRefusal(400, "Contact * needs Expires: 0 and no other Contact");
                return null;
            }

            return new RegisterContacts([], RemoveAll: true);
        }

        var changes = new List<BindingChange>(values.Count);
        foreach (var value in values)
        {
            if (!SipNameAddress.TryParse(value.Span, out var contact))
            {
                refusal = new RegisterRefusal(400, "Malformed Contact");
                return null;
            }

            // §10.2.1.1: the contact's own expires parameter wins over the Expires header, which wins over the default.
            var requested = ReadSeconds(SipParameters.Get(contact.Parameters, "expires")) ?? headerExpires ?? options.DefaultExpires;
            if (requested > TimeSpan.Zero && requested < options.MinExpires)
            {
                // §10.3 step 7: 423 tells the client the shortest interval we accept.
                var minimum = ((long)options.MinExpires.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                refusal = new RegisterRefusal(423, "Interval Too Brief", SipHeader.Create("Min-Expires", minimum));
                return null;
            }

            changes.Add(new BindingChange(WithoutExpires(contact), requested > options.MaxExpires ? options.MaxExpires : requested));
        }

        return new RegisterContacts(changes, RemoveAll: false);
    }

    /// <summary>
    /// delta-seconds (RFC 3261 §20.19, §20.10); an unreadable value counts as absent, which §20.19 says a client
    /// should treat as 3600 and we treat as the default. Values beyond 2^32-1 are capped there, as §25.1 allows.
    /// </summary>
    private static TimeSpan? ReadSeconds(ReadOnlySpan<byte> value)
    {
        value = SipSyntax.Trim(value);
        if (value.IsEmpty)
        {
            return null;
        }

        if (value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return null;
        }

        return TimeSpan.FromSeconds(Utf8Parser.TryParse(value, out ulong seconds, out _) ? Math.Min(seconds, uint.MaxValue) : uint.MaxValue);
    }

    private static TimeSpan? ReadSeconds(string? value) => value is null ? null : ReadSeconds(System.Text.Encoding.ASCII.GetBytes(value));

    private static SipNameAddress WithoutExpires(SipNameAddress contact) => contact with
    {
        Parameters = [.. contact.Parameters.Where(p => !p.Key.Equals("expires", StringComparison.OrdinalIgnoreCase))],
    };
}
