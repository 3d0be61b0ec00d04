using System.Net;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Registrar;

/// <summary>
/// The location service of RFC 3261 §10: the contacts each user has registered, kept in memory. The registrar
/// serves one domain and usernames are unique, so an address-of-record is named by its user part. Bindings lapse
/// on the injected clock: a lookup never returns one past its expiry, and writes drop the lapsed ones.
/// </summary>
public sealed class SipLocationService(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, SipBinding>> _users = new(StringComparer.Ordinal);

    /// <summary>The user's live bindings, most preferred (highest q, then most recently expiring) first.</summary>
    public IReadOnlyList<SipBinding> Lookup(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_users.TryGetValue(user, out var bindings))
            {
                return [];
            }

            // A user whose phone went away without unregistering is forgotten the first time someone asks.
            RemoveLapsed(bindings, now);
            if (bindings.Count == 0)
            {
                _users.Remove(user);
                return [];
            }

            return Live(bindings, now);
        }
    }

    /// <summary>
    /// The URI to send a request for <paramref name="user"/> to: the most preferred live contact (RFC 3261 §16.6
    /// step 1 would fork to all; we call one), or null when the user is not registered.
    /// </summary>
    public string? FindContactUri(string user) =>
        Lookup(user) is [var first, ..] ? (first.Contact.Uri with { Headers = null }).ToString() : null;

    /// <summary>
    /// The address-of-record the most preferred live contact was registered for, to name in the To of a request
    /// sent there (RFC 3261 §8.1.1.2), or null when the user is not registered.
    /// </summary>
    public string? FindAddressOfRecord(string user) => Lookup(user) is [var first, ..] ? first.AddressOfRecord.ToString() : null;

    /// <summary>
    /// Applies one REGISTER's changes atomically (RFC 3261 §10.3 steps 6–7): all or none. With
    /// <paramref name="removeAll"/> (Contact: *) every binding goes, subject to the same Call-ID/CSeq ordering.
    /// </summary>
    internal BindingUpdateResult Update(
        string user,
        SipUri addressOfRecord,
        string callId,
        uint cseq,
        IPEndPoint source,
        IReadOnlyList<BindingChange> changes,
        bool removeAll,
        int maxBindings,
        out IReadOnlyList<SipBinding> current)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var existing = _users.TryGetValue(user, out var found) ? found : new Dictionary<string, SipBinding>(StringComparer.Ordinal);
            RemoveLapsed(existing, now);
            var touched = removeAll ? existing.Keys.ToList() : changes.Select(c => c.Key).ToList();
            foreach (var key in touched)
            {
                // §10.3 step 7: the same Call-ID with a CSeq not higher than the stored one is a stale or reordered
                // request, and the whole update fails; another Call-ID (a rebooted phone) simply replaces it.
                if (existing.TryGetValue(key, out var binding) && binding.CallId == callId && cseq <= binding.CSeq)
                {
                    current = Live(existing, now);
                    return BindingUpdateResult.OutOfOrder;
                }
            }

            var next = new Dictionary<string, SipBinding>(existing, StringComparer.Ordinal);
            if (removeAll)
            {
                next.Clear();
            }

            foreach (var change in changes)
            {
                if (change.Expires <= TimeSpan.Zero)
                {
                    next.Remove(change.Key);
                }
                else
                {
                    next[change.Key] = new SipBinding(change.Contact, now + change.Expires, callId, cseq, source, addressOfRecord);
                }
            }

            if (next.Count > maxBindings && next.Count > existing.Count)
            {
                current = Live(existing, now);
                return BindingUpdateResult.TooManyBindings;
            }

            if (next.Count == 0)
            {
                _users.Remove(user);
            }
            else
            {
                _users[user] = next;
            }

            current = Live(next, now);
            return BindingUpdateResult.Applied;
        }
    }

    private static void RemoveLapsed(Dictionary<string, SipBinding> bindings, DateTimeOffset now)
    {
        foreach (var (key, binding) in bindings)
        {
            if (binding.ExpiresAt <= now)
            {
                bindings.Remove(key);
            }
        }
    }

    private static List<SipBinding> Live(Dictionary<string, SipBinding> bindings, DateTimeOffset now) =>
        [.. bindings.Values.Where(b => b.ExpiresAt > now).OrderByDescending(b => b.Preference).ThenByDescending(b => b.ExpiresAt)];
}
