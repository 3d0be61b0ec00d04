using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Callback;
using Switchboard.Api.Conversation;
using Switchboard.Api.EventAction;
using Switchboard.Api.V1.Calls;
using Switchboard.Calls.Durability;

namespace Switchboard.Api.V1.Webhooks;

/// <summary>Registers each dialect's way of rebuilding its status sink, which start-up recovery uses.</summary>
public static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddCallEventSinkRestorers(this IServiceCollection services)
    {
        services.AddSingleton<ICallEventSinkRestorer, StatusHookSinkRestorer>();
        services.AddSingleton<ICallEventSinkRestorer, ConversationEventSinkRestorer>();
        services.AddSingleton<ICallEventSinkRestorer, CallbackSinkRestorer>();
        services.AddSingleton<ICallEventSinkRestorer, EventActionSinkRestorer>();
        return services;
    }
}
