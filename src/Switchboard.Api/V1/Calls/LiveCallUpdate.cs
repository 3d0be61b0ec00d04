using System.Text.Json;
using Switchboard.Calls.Engine;

namespace Switchboard.Api.V1.Calls;

/// <summary>A validated <c>PUT /Calls/{call_sid}</c>: at least one of redirect, status change and tag.</summary>
public sealed record LiveCallUpdate(string? RedirectHook, string? CallStatus, JsonElement? Tag)
{
    /// <summary>Sends the commands to the live call; false when the call is no longer live.</summary>
    public bool ApplyTo(CallEngine engine, string callSid)
    {
        var live = true;
        if (Tag is { } tag)
        {
            live &= engine.UpdateTag(callSid, tag);
        }

        if (RedirectHook is { } hook)
        {
            live &= engine.Redirect(callSid, hook);
        }

        live &= CallStatus switch
        {
            "completed" => engine.Hangup(callSid),
            "no-answer" => engine.EndAsNoAnswer(callSid),
            _ => true,
        };
        return live;
    }
}
