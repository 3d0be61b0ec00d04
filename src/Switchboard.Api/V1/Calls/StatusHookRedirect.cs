using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// The status hook a <c>redirect</c> verb's <c>statusHook</c> moved a call's status changes to (null until one does).
/// Written by the call's script source, read by its status sinks: the call's own and its dial legs' from then on.
/// </summary>
public sealed class StatusHookRedirect
{
    private volatile WebhookTarget? _hook;

    public WebhookTarget? Hook
    {
        get => _hook;
        set => _hook = value;
    }
}
