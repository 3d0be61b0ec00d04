using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;
using Switchboard.Storage.Carriers;
using Switchboard.Storage.Clients;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Resolves the carriers a <c>dial</c>'s phone targets name (<c>trunk</c>) in the call's account, so the engine gets
/// routes, not names, and checks that its <c>user</c> targets are SIP clients of that account (the registrar knows
/// every account's devices; an application reaches only its own). Runs when the application's verbs arrive, before
/// any of them starts.
/// </summary>
public sealed class DialTrunks(IVoipCarrierStore carriers, IClientStore? clients, string accountSid)
{
    /// <exception cref="InvalidOperationException">A target names a carrier or SIP client the account does not have.</exception>
    public async Task<IReadOnlyList<Verb>> ResolveAsync(IReadOnlyList<Verb> verbs, CancellationToken cancellationToken)
    {
        if (!verbs.Any(verb => verb is DialVerb dial && dial.Targets.Any(target => target.TrunkName is not null || target.Kind == CallTargetKind.User)))
        {
            return verbs;
        }

        var resolved = new List<Verb>(verbs.Count);
        foreach (var verb in verbs)
        {
            resolved.Add(verb is DialVerb dial ? dial with { Targets = await ResolveTargetsAsync(dial.Targets, cancellationToken).ConfigureAwait(false) } : verb);
        }

        return resolved;
    }

    private async Task<IReadOnlyList<CallTarget>> ResolveTargetsAsync(IReadOnlyList<CallTarget> targets, CancellationToken cancellationToken)
    {
        var resolved = new List<CallTarget>(targets.Count);
        foreach (var target in targets)
        {
            if (target.Kind == CallTargetKind.User)
            {
                var client = clients is null ? null : await clients.FindByUsernameAsync(target.Address, cancellationToken).ConfigureAwait(false);
                resolved.Add(client is not null && client.AccountSid == accountSid
                    ? target
                    : throw new InvalidOperationException($"the dial names the SIP client '{target.Address}', which the account does not have"));
                continue;
            }

            if (target.TrunkName is not { } trunk)
            {
                resolved.Add(target);
                continue;
            }

            var carrier = await carriers.FindByNameAsync(accountSid, trunk, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"the dial names the carrier '{trunk}', which the account does not have");
            resolved.Add(target with { Carrier = CarrierRoute.Of(carrier) });
        }

        return resolved;
    }
}
