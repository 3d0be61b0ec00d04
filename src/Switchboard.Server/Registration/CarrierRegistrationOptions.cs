namespace Switchboard.Server.Registration;

/// <summary>How registrations with carriers are kept.</summary>
/// <param name="PollInterval">How often carriers are re-read besides when the API changes one (another node may have).</param>
/// <param name="Expires">How long each registration asks to last.</param>
/// <param name="RetryInitial">The wait after a first failure, doubling up to <paramref name="RetryMax"/>.</param>
/// <param name="RetryMax">The longest wait between failed attempts.</param>
/// <param name="UnregisterTimeout">How long shutdown waits for carriers to confirm the bindings are removed.</param>
public sealed record CarrierRegistrationOptions(TimeSpan PollInterval, TimeSpan Expires, TimeSpan RetryInitial, TimeSpan RetryMax, TimeSpan UnregisterTimeout)
{
    public static CarrierRegistrationOptions Default { get; } =
        new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5));
}
