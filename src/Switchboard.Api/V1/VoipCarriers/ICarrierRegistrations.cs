namespace Switchboard.Api.V1.VoipCarriers;

/// <summary>
/// The host's keeper of the registrations with carriers that ask for one (<c>register: true</c>), as the carrier
/// endpoints see it: they show each carrier's status and say when carriers change so it need not wait to notice.
/// </summary>
public interface ICarrierRegistrations
{
    /// <summary>The carrier's registration state (<c>registering</c>, <c>registered</c>, <c>failed</c> ...), or null when it keeps none.</summary>
    string? StatusOf(string carrierSid);

    /// <summary>A carrier was created, changed or deleted: registrations are started, restarted or ended to match.</summary>
    void CarriersChanged();
}
