using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// Creates transactions and routes received messages to them by <see cref="SipTransactionKey"/> (RFC 3261
/// §17.1.3, §17.2.3). Each transaction removes itself when it terminates; there is no scan or polling loop.
/// Each transaction sends over the transport it is given, else the layer's default one.
/// </summary>
public sealed class SipTransactionLayer
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SipTransactionKey, ISipClientTransaction> _clients = [];
    private readonly Dictionary<SipTransactionKey, ISipServerTransaction> _servers = [];
    private readonly ISipTransport _transport;
    private readonly SipTransactionContext _context;
    private readonly ILogger _logger;

    public SipTransactionLayer(ISipTransport transport, TimeProvider timeProvider, SipTimerSettings timers, ILogger<SipTransactionLayer> logger)
    {
        _transport = transport;
        _context = new SipTransactionContext(timeProvider, timers, logger);
        _logger = logger;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count + _servers.Count;
            }
        }
    }

    public InviteClientTransaction SendInvite(SipRequest invite, IPEndPoint destination, ISipClientTransactionUser user, ISipTransport? transport = null)
    {
        var transaction = new InviteClientTransaction(invite, destination, transport ?? _transport, _context, user, t => Remove(t.Key, t));
        Add(transaction.Key, transaction);
        transaction.Start();
        return transaction;
    }

    public NonInviteClientTransaction SendRequest(SipRequest request, IPEndPoint destination, ISipClientTransactionUser user, ISipTransport? transport = null)
    {
        var transaction = new NonInviteClientTransaction(request, destination, transport ?? _transport, _context, user, t => Remove(t.Key, t));
        Add(transaction.Key, transaction);
        transaction.Start();
        return transaction;
    }

    /// <summary>Passes a response to its client transaction; false when none matches (e.g. a stray 2xx).</summary>
    public bool TryHandleResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (SipTransactionKey.ForResponse(response) is not { } key)
        {
            return false;
        }

        ISipClientTransaction? transaction;
        lock (_gate)
        {
            _clients.TryGetValue(key, out transaction);
        }

        if (transaction is null)
        {
            return false;
        }

        transaction.OnResponseReceived(response);
        return true;
    }

    /// <summary>
    /// Passes a retransmitted request (or the ACK of a non-2xx) to its server transaction. Returns false when the
    /// request is new and the TU must create a server transaction for it, or is an ACK for a 2xx the TU handles.
    /// </summary>
    public bool TryAbsorbRequest(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (SipTransactionKey.ForRequest(request) is not { } key)
        {
            return false;
        }

        ISipServerTransaction? transaction;
        lock (_gate)
        {
            _servers.TryGetValue(key, out transaction);
        }

        if (transaction is null)
        {
            return false;
        }

        return transaction.OnRequestReceived(request);
    }

    /// <summary>
    /// True when a server transaction with <paramref name="key"/> exists: RFC 3261 §9.2 answers a CANCEL 200 when it
    /// matches a transaction, whether or not that transaction has been answered.
    /// </summary>
    public bool HasServerTransaction(SipTransactionKey key)
    {
        lock (_gate)
        {
            return _servers.ContainsKey(key);
        }
    }

    public NonInviteServerTransaction CreateServerTransaction(SipRequest request, IPEndPoint responseDestination, ISipTransport? transport = null)
    {
        var key = SipTransactionKey.ForRequest(request) ?? new SipTransactionKey(Guid.NewGuid().ToString("N"), request.Method.Name, true);
        var transaction = new NonInviteServerTransaction(request, key, responseDestination, transport ?? _transport, _context, t => Remove(t.Key, t));
        Add(key, transaction);
        return transaction;
    }

    public InviteServerTransaction CreateInviteServerTransaction(SipRequest invite, IPEndPoint responseDestination, ISipTransport? transport = null)
    {
        var key = SipTransactionKey.ForRequest(invite) ?? new SipTransactionKey(Guid.NewGuid().ToString("N"), invite.Method.Name, true);
        var transaction = new InviteServerTransaction(invite, key, responseDestination, transport ?? _transport, _context, t => Remove(t.Key, t));
        Add(key, transaction);
        return transaction;
    }

    /// <summary>
    /// A stream transport could not reach <paramref name="remote"/>: every client transaction sending there over it
    /// fails with a transport error (RFC 3261 §17.1.4). A scan, but only on this rare path.
    /// </summary>
    public void FailClientTransactionsTo(ISipTransport transport, IPEndPoint remote)
    {
        List<ISipClientTransaction> affected;
        lock (_gate)
        {
            affected = [.. _clients.Values.Where(t => ReferenceEquals(t.Transport, transport) && t.Destination.Equals(remote))];
        }

        foreach (var transaction in affected)
        {
            transaction.OnTransportFailed();
        }
    }

    /// <summary>Stops every transaction's timers; used at shutdown, after which nothing is retransmitted.</summary>
    public void StopAll()
    {
        List<IDisposable> all;
        lock (_gate)
        {
            all = [.. _clients.Values.Cast<IDisposable>(), .. _servers.Values.Cast<IDisposable>()];
            _clients.Clear();
            _servers.Clear();
        }

        foreach (var transaction in all)
        {
            transaction.Dispose();
        }
    }

    private void Add(SipTransactionKey key, object transaction)
    {
        lock (_gate)
        {
            if (transaction is ISipClientTransaction client)
            {
                _clients[key] = client;
            }
            else if (transaction is ISipServerTransaction server)
            {
                _servers[key] = server;
            }
        }

        Log.TransactionCreated(_logger, key.Method, key.Branch, key.IsServer);
    }

    private void Remove(SipTransactionKey key, IDisposable transaction)
    {
        lock (_gate)
        {
            if (key.IsServer)
            {
                _servers.Remove(key);
            }
            else
            {
                _clients.Remove(key);
            }
        }

        transaction.Dispose();
        Log.TransactionTerminated(_logger, key.Method, key.Branch, key.IsServer);
    }
}
