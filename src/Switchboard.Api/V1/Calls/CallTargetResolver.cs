using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Problems;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Carriers;

namespace Switchboard.Api.V1.Calls;

/// <summary>Turns the request's <c>to</c> into an engine target: the named trunk for phone numbers, the URI for SIP.</summary>
public static class CallTargetResolver
{
    /// <exception cref="ValidationException">The named trunk does not exist in the account.</exception>
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
                throw new NoRouteException($"SIP client '{to.Name}' is not registered");
        }
    }
}
