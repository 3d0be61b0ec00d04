using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.EventAction;

/// <summary>
/// Reads the application's answer to an event, one action object, and translates it into native verbs. Every
/// refusal names the field (<see cref="ValidationException"/>), which the script source reports in a FAILURE event.
/// </summary>
public sealed class ActionReader(AudioReader audio)
{
    /// <summary>How long a PATCH rings the patched party.</summary>
    public static readonly TimeSpan PatchRingTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The SIP status a REJECT answers with: 603 Decline (RFC 3261 §21.6.2), the callee's own refusal.</summary>
    public const int RejectStatus = 603;

    /// <summary>The marker hook of the redirect that follows an ANSWER: its result is the ANSWERED event.</summary>
    public const string AnsweredMarker = "event-action:answered";

    /// <summary>The action in <paramref name="answer"/>, or null when the answer holds none (an empty object).</summary>
    /// <exception cref="ValidationException">The answer is not an action object, or a field is invalid.</exception>
    public ActionPlan? Read(JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException("$", "the answer must be a JSON object with an action");
        }

        if (!answer.TryGetProperty("action", out _))
        {
            return answer.EnumerateObject().Any()
                ? throw new ValidationException("action", $"is required (one of {string.Join(", ", ActionNames.All)})")
                : null;
        }

        var action = JsonFields.RequireString(answer, "action", "action");
        return action.ToUpperInvariant() switch
        {
            ActionNames.Answer => Answer(),
            ActionNames.Hangup => new ActionPlan(ActionNames.Hangup, [new HangupVerb()], null),
            ActionNames.Reject => Reject(answer),
            ActionNames.Play => Play(answer),
            ActionNames.Record => Record(answer),
            ActionNames.Patch => Patch(answer),
            _ => throw new ValidationException("action", $"unknown action '{action}' (one of {string.Join(", ", ActionNames.All)})"),
        };
    }

    private static ActionPlan Answer()
    {
        var answered = new RedirectVerb(AnsweredMarker);
        return new ActionPlan(ActionNames.Answer, [new AnswerVerb(), answered], answered);
    }

    private static ActionPlan Reject(JsonElement answer)
    {
        var reason = JsonFields.OptionalString(answer, "reason", "reason");
        if (reason is { Length: > 256 })
        {
            throw new ValidationException("reason", "must be at most 256 characters");
        }

        // The reason travels as the response's reason phrase (RFC 3261 §25.1: no control characters).
        var phrase = reason is null ? null : new string([.. reason.Where(c => !char.IsControl(c))]).Trim();
        return new ActionPlan(ActionNames.Reject, [new RejectVerb(RejectStatus, string.IsNullOrEmpty(phrase) ? "Decline" : phrase)], null);
    }

    private ActionPlan Play(JsonElement answer)
    {
        var prompts = audio.ReadList(answer, "audio", "audio");
        var prompt = prompts is null ? null : new AnnounceVerb(prompts);
        if (InputReader.Read(answer, prompt) is { } gather)
        {
            return new ActionPlan(ActionNames.Play, [gather], gather);
        }

        if (prompt is null)
        {
            throw new ValidationException("audio", "is required: a PLAY without collectInput or streamInput has nothing else to do");
        }

        return new ActionPlan(ActionNames.Play, [prompt], prompt);
    }

    private ActionPlan Record(JsonElement answer)
    {
        var prompts = audio.ReadList(answer, "audio", "audio");
        var limit = JsonFields.OptionalNumber(answer, "timeoutSeconds", "timeoutSeconds", 1, 3600) ?? 60;
        var terminator = JsonFields.OptionalString(answer, "terminationDigit", "terminationDigit") ?? string.Empty;
        if (terminator.Length > 0 && (terminator.Length != 1 || !"0123456789*#ABCD".Contains(terminator[0], StringComparison.Ordinal)))
        {
            throw new ValidationException("terminationDigit", "must be one key: 0-9, *, # or A-D");
        }

        var record = new RecordVerb(null, TimeSpan.FromSeconds(limit), null, terminator);
        return new ActionPlan(ActionNames.Record, prompts is null ? [record] : [new AnnounceVerb(prompts), record], record);
    }

    private ActionPlan Patch(JsonElement answer)
    {
        var number = JsonFields.RequireString(answer, "dialedNumber", "dialedNumber");
        if (!SipSyntax.IsPhoneNumber(number))
        {
            throw new ValidationException("dialedNumber", "must be a phone number (digits, optionally with a leading +)");
        }

        var callerId = JsonFields.OptionalString(answer, "patchCallerId", "patchCallerId");
        if (callerId is not null && !SipSyntax.IsUser(callerId))
        {
            throw new ValidationException("patchCallerId", "must be a phone number or a SIP user name (no spaces, @ or :)");
        }

        var dial = new DialVerb([CallTarget.Phone(number)], PatchRingTimeout, null)
        {
            CallerId = callerId,
            PassDigits = JsonFields.OptionalBool(answer, "passDtmf", "passDtmf", fallback: false),
            HoldPrompt = audio.ReadOne(answer, "holdAudio", "holdAudio"),
            Greeting = audio.ReadOne(answer, "greetingAudio", "greetingAudio"),
            GreetingRepeats = (int)(JsonFields.OptionalNumber(answer, "greetingRepeatCount", "greetingRepeatCount", 0, 10) ?? 0),
            RecordParties = JsonFields.OptionalBool(answer, "recordCall", "recordCall", fallback: false),
        };
        return new ActionPlan(ActionNames.Patch, [dial], dial);
    }
}
