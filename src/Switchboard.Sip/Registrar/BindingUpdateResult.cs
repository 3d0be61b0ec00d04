namespace Switchboard.Sip.Registrar;

/// <summary>How a REGISTER's changes to the location service went (RFC 3261 §10.3 steps 6–7).</summary>
internal enum BindingUpdateResult
{
    /// <summary>Every change was applied.</summary>
    Applied,

    /// <summary>
    /// A binding was last written by this Call-ID with a CSeq not lower than the request's: the request is stale or
    /// reordered, so nothing was applied (§10.3 step 7).
    /// </summary>
    OutOfOrder,

    /// <summary>The user would hold more contacts than allowed; nothing was applied.</summary>
    TooManyBindings,
}
