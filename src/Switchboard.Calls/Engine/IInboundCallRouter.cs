namespace Switchboard.Calls.Engine;

/// <summary>
/// Decides what runs an inbound call: the dialect that owns phone numbers and applications implements it, so the
/// engine stays free of their storage and payloads.
/// </summary>
public interface IInboundCallRouter
{
    ValueTask<InboundRoute> RouteAsync(InboundCallOffer offer, CancellationToken cancellationToken);
}
