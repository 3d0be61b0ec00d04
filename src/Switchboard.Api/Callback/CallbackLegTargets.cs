using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Problems;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Carriers;

namespace Switchboard.Api.Callback;

/// <summary>Turns a leg's <c>to</c> into an engine target: a SIP URI as it is, a phone number through its named <c>trunk</c> or the default carrier.</summary>
public static class CallbackLegTargets
{
    /// <exception cref="ValidationException">The named trunk does not exist in the account.</exception>
    public static async Task<CallTarget> ResolveAsync(IServiceProvider services, string accountSid, CallbackLegRequest leg, string name, CancellationToken cancellationToken)
    {
        if (leg.ToIsSipUri)
        {
            return CallTarget.Sip(leg.To);
        }

        if (leg.Trunk is not { } trunk)
        {
            return CallTarget.Phone(leg.To);
        }

        var carriers = services.GetService<IVoipCarrierStore>();
        var carrier = carriers is null ? null : await carriers.FindByNameAsync(accountSid, trunk, cancellationToken).ConfigureAwait(false);
        return carrier is null
            ? throw new ValidationException(name + ".trunk", $"no carrier named '{trunk}' in the account")
            : CallTarget.Phone(leg.To) with { Carrier = CarrierRoute.Of(carrier), TrunkName = trunk };
    }
}
