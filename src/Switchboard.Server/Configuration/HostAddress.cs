using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Switchboard.Server.Configuration;

/// <summary>Finds an address peers can reach when the server listens on every interface.</summary>
internal static class HostAddress
{
    public static IPAddress Primary()
    {
        var candidates = NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .Where(address => address.AddressFamily == AddressFamily.InterNetwork);
        return candidates.FirstOrDefault() ?? IPAddress.Loopback;
    }
}
