using System.Threading.Channels;
using Switchboard.Sip.Registration;

namespace Switchboard.Sip.Tests.Registration;

/// <summary>Collects the statuses a registration client reports, for tests to wait on.</summary>
sealed class RegistrationWatcher
{
    readonly Channel<SipRegistrationStatus> _statuses = Channel.CreateUnbounded<SipRegistrationStatus>();

    public void OnChanged(SipRegistrationStatus status) => _statuses.Writer.TryWrite(status);

    /// <summary>The next status in <paramref name="state"/>, skipping others.</summary>
    public async Task<SipRegistrationStatus> WaitForAsync(SipRegistrationState state, double seconds = 10)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            var status = await _statuses.Reader.ReadAsync(cts.Token);
            if (status.State == state)
            {
                // The client arms its next timer right after reporting; let it, before the test moves the clock.
                await Task.Delay(50);
                return status;
            }
        }
    }
}
