namespace Switchboard.Sip.Transport;

/// <summary>Checks <see cref="SipTcpLimits"/>; each problem names the property.</summary>
public static class SipTcpLimitsValidator
{
    /// <summary>The longest idle timeout accepted: a day.</summary>
    public static readonly TimeSpan MaxIdleTimeout = TimeSpan.FromDays(1);

    /// <summary>The longest message timeout accepted: a whole message of 64 KiB takes far less on any live link.</summary>
    public static readonly TimeSpan MaxMessageTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The problems with <paramref name="limits"/>; empty when they are usable.</summary>
    public static IReadOnlyList<string> Validate(SipTcpLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<string>();
        if (limits.MaxConnections is < 1 or > 1_000_000)
        {
            problems.Add($"{nameof(SipTcpLimits.MaxConnections)} must be between 1 and 1000000.");
        }

        if (limits.MaxConnectionsPerAddress < 1 || limits.MaxConnectionsPerAddress > limits.MaxConnections)
        {
            problems.Add($"{nameof(SipTcpLimits.MaxConnectionsPerAddress)} must be between 1 and {nameof(SipTcpLimits.MaxConnections)}.");
        }

        if (limits.IdleTimeout < TimeSpan.FromSeconds(1) || limits.IdleTimeout > MaxIdleTimeout)
        {
            problems.Add($"{nameof(SipTcpLimits.IdleTimeout)} must be between 1 s and {MaxIdleTimeout.TotalSeconds} s.");
        }

        if (limits.MessageTimeout < TimeSpan.FromMilliseconds(100) || limits.MessageTimeout > MaxMessageTimeout)
        {
            problems.Add($"{nameof(SipTcpLimits.MessageTimeout)} must be between 0.1 s and {MaxMessageTimeout.TotalSeconds} s.");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem with <paramref name="limits"/>.</summary>
    public static void ThrowIfInvalid(SipTcpLimits limits)
    {
        var problems = Validate(limits);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(limits));
        }
    }
}
