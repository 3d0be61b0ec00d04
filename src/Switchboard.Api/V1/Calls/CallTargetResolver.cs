using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Problems;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Carriers;
using Switchboard.Storage.Clients;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Turns the request's <c>to</c> into an engine target: the named trunk for phone numbers, the URI for SIP, the
/// account's SIP client for users.
/// </summary>
public static class CallTargetResolver
{
    /// <exception cref="ValidationException">The named trunk or SIP client does not exist in the account.</exception>
    /// <exception cref="NoRouteException">The target cannot be reached at all.</exception>
    public static async Task<CallTarget> ResolveAsync(IServiceProvider services, string accountSid, CallTo to, CancellationToken cancellationToken)
    {
        switch (to.Type)
        {
            case "phone" when to.Trunk is { } trunk:
                var carriers = services.GetService<IVoipCarrierStore>();
                var carrier = carriers is null ? null : await carriers.FindByNameAsync(accountSid, trunk, cancellationToken).ConfigureAwait(false);
                if (carrier is null)
                {
                    throw new ValidationException("to.trunk", $"no carrier named '{trunk}' in the account");
                }

                return CallTarget.Phone(to.Number!) with
                {
                    Carrier = CarrierRoute.Of(carrier),
                };
            case "phone":
                return CallTarget.Phone(to.Number!);
            case "sip":
                return CallTarget.Sip(to.SipUri!);
            default:
                return await UserAsync(services, accountSid, to.Name!, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A client of this account: whether it is registered is the engine's question (it asks the registrar's
    /// location service when placing the call), so an unregistered client surfaces as <see cref="NoRouteException"/>.
    /// </summary>
    private static async Task<CallTarget> UserAsync(IServiceProvider services, string accountSid, string name, CancellationToken cancellationToken)
    {
        var clients = services.GetService<IClientStore>();
        var client = clients is null ? null : await clients.FindByUsernameAsync(name, cancellationToken).ConfigureAwait(false);
        if (client is null || client.AccountSid != accountSid)
        {
            throw new ValidationException("to.name", $"no SIP client named '{name}' in the account");
        }

        return CallTarget.User(client.Username);
    }
}
