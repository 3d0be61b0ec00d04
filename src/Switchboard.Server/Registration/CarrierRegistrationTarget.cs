using System.Globalization;
using Switchboard.Storage.Carriers;

namespace Switchboard.Server.Registration;

/// <summary>
/// What a carrier's registration depends on: when any of it changes the registration is restarted (removing the
/// old binding first), and when none does an API update leaves it running.
/// </summary>
internal sealed record CarrierRegistrationTarget(string Host, int Port, string Transport, string Username, string Password)
{
    public static CarrierRegistrationTarget? For(VoipCarrierRecord carrier) =>
        carrier is { Register: true, Username: { } username, Password: { } password }
            ? new CarrierRegistrationTarget(carrier.Host, carrier.Port, carrier.Transport, username, password)
            : null;

    /// <summary>The registrar: the carrier's gateway, over its transport.</summary>
    public string RegistrarUri
    {
        get
        {
            var host = Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host;
            var transport = Transport.Equals("udp", StringComparison.OrdinalIgnoreCase) ? string.Empty : ";transport=" + Transport.ToLowerInvariant();
            return string.Create(CultureInfo.InvariantCulture, $"sip:{host}:{Port}{transport}");
        }
    }

    /// <summary>Keeps the password out of logs.</summary>
    public override string ToString() => $"CarrierRegistrationTarget {{ {RegistrarUri}, Username = {Username} }}";
}
