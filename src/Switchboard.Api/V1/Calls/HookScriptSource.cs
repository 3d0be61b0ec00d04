using System.Collections.Concurrent;
using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Hooks;
using Switchboard.Api.V1.Recordings;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Recognition;
using Switchboard.Storage.Applications;
using Switchboard.Webhooks.Outbox;
using Switchboard.Webhooks.Replies;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// The jambonz way of running a call: the application's <c>call_hook</c> answers with a verb array; a verb
/// with an <c>actionHook</c> posts its result there, and a non-empty answer replaces the verbs still queued.
/// A <c>transcribe</c> verb's transcripts go to its <c>transcriptionHook</c>, a gather's interim results to its
/// <c>partialResultHook</c>, a <c>sip:refer</c>'s progress to its <c>eventHook</c>; those answers are not read. A
/// <c>config.amd</c>'s events go to its <c>actionHook</c>, whose answer takes over the call as a placed call's
/// <c>amd</c> hook's does. A <c>dial</c>'s <c>confirmHook</c> application runs under a source of its own
/// (<see cref="ConfirmScript"/>) that shares the application's hooks, and its <c>amd</c> events go through
/// <see cref="AmdHook"/>.
/// </summary>
public sealed class HookScriptSource : IScriptSource, ISpeechHooks, ITransferHooks, IAmdHooks, IDialLegHooks, IReferHooks, IPeerRequestHooks, IKeyPatternHooks
{
    private readonly WebhookTarget _callHook;
    private readonly CallContext _context;
    private readonly WebhookOutbox _outbox;
    private readonly TimeSpan _replyTimeout;
    private readonly ConcurrentDictionary<string, WebhookTarget> _hooks;
    private readonly JambonzVerbReader _reader;
    private readonly DialTrunks? _trunks;

    /// <summary>The application's first hook: the call hook, or for a confirmation application the dial's <c>confirmHook</c>.</summary>
    private readonly WebhookTarget _firstHook;

    /// <summary>Whether this source runs a dialled party's confirmation application, which may not dial or decline.</summary>
    private readonly bool _confirmation;

    /// <param name="trunks">Resolves the carriers <c>dial</c> targets name; without it such targets fail the script.</param>
    public HookScriptSource(WebhookTarget callHook, CallContext context, WebhookOutbox outbox, TimeSpan replyTimeout, DialTrunks? trunks = null)
        : this(callHook, context, outbox, replyTimeout, trunks, new ConcurrentDictionary<string, WebhookTarget>(StringComparer.Ordinal), callHook, confirmation: false)
    {
    }

    private HookScriptSource(
        WebhookTarget callHook,
        CallContext context,
        WebhookOutbox outbox,
        TimeSpan replyTimeout,
        DialTrunks? trunks,
        ConcurrentDictionary<string, WebhookTarget> hooks,
        WebhookTarget firstHook,
        bool confirmation)
    {
        _callHook = callHook;
        _context = context;
        _outbox = outbox;
        _replyTimeout = replyTimeout;
        _trunks = trunks;
        _hooks = hooks;
        _firstHook = firstHook;
        _confirmation = confirmation;
        _reader = new JambonzVerbReader(new Uri(callHook.Url), _hooks);
    }

    /// <summary>
    /// Posts the call to the call hook (a confirmation application: the dialled leg to the <c>confirmHook</c>, as
    /// jambonz's <c>dial:confirm</c>); its answer is the application. A hook that fails ends the call (the leg).
    /// </summary>
    public async ValueTask<IReadOnlyList<Verb>> StartAsync(CallSnapshot call, CancellationToken cancellationToken)
    {
        if (StartingVerbs is { } given)
        {
            return given;
        }

        var payload = _context.Origin is { } origin
            ? CallPayload.Build(call, _context, null, writer => CallPayload.WriteInvite(writer, origin.Offer))
            : CallPayload.Build(call, _context, null);
        var hookName = _confirmation ? "the confirm hook" : "the call hook";
        var reply = await PostAsync(_firstHook, call, _confirmation ? "dial:confirm" : "call", payload, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess)
        {
            throw new InvalidOperationException($"{hookName} answered HTTP {reply.StatusCode}");
        }

        return await ResolveTrunksAsync(ReadVerbs(reply, hookName) ?? [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The application a dialled party runs before it is bridged: posted the leg's own description (its
    /// <c>call_sid</c>, <c>parent_call_sid</c> the caller's) at <paramref name="confirmHook"/>; its action hooks and
    /// credentials are the application's.
    /// </summary>
    public IScriptSource ConfirmScript(string confirmHook) => LegScript(confirmHook, confirmation: true);

    /// <summary>
    /// A connected leg's own application once the dial let it go (jambonz <c>child_call_hook</c>): <paramref name="hook"/>
    /// gets the leg's description and answers with the verbs it runs; the other hooks are the dialling application's.
    /// </summary>
    public IScriptSource AdoptedScript(string hook) => LegScript(hook, confirmation: false);

    /// <summary>A connected leg's own application made of a <c>referHook</c>'s answer; its later hooks are the dialling application's.</summary>
    public IScriptSource AdoptedScript(IReadOnlyList<Verb> verbs) => new HookScriptSource(_callHook, _context with { Origin = null }, _outbox, _replyTimeout, _trunks, _hooks, _callHook, confirmation: false)
    {
        RecordingsUrl = RecordingsUrl,
        StartingVerbs = verbs,
    };

    /// <summary>The verbs the application starts with instead of posting its first hook (a leg given a <c>referHook</c>'s answer).</summary>
    private IReadOnlyList<Verb>? StartingVerbs { get; init; }

    /// <summary>jambonz's <c>dtmfHook</c>: the party's call with <c>dtmf</c>, the pattern it pressed; the answer is not read.</summary>
    public async ValueTask OnKeyPatternAsync(CallSnapshot call, string hook, string pattern, CancellationToken cancellationToken)
    {
        var target = TargetOf(hook);
        await PostAsync(target, call, "dtmf", CallPayload.Build(call, _context, null, writer => writer.WriteString("dtmf", pattern)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// jambonz's <c>sipRequestWithinDialogHook</c>: the call with <c>sip_method</c>, <c>sip_body</c> and
    /// <c>sip_headers</c> (names in lower case, as jambonz writes them; repeated ones joined with commas). An answer's
    /// verbs replace the call's; an unreachable hook or an error answer changes nothing.
    /// </summary>
    public async ValueTask<IReadOnlyList<Verb>> OnPeerRequestAsync(CallSnapshot call, string hook, PeerRequest request, CancellationToken cancellationToken)
    {
        var payload = CallPayload.Build(call, _context, null, writer =>
        {
            writer.WriteString("sip_method", request.Method);
            writer.WriteString("sip_body", request.Body);
            writer.WriteStartObject("sip_headers");
            foreach (var header in request.Headers.GroupBy(header => header.Key.ToLowerInvariant()))
            {
                writer.WriteString(header.Key, string.Join(", ", header.Select(value => value.Value)));
            }

            writer.WriteEndObject();
        });
        return await AskAsync(hook, call, payload, replaceAll: false, cancellationToken).ConfigureAwait(false) ?? [];
    }

    /// <summary>
    /// jambonz's <c>referHook</c>: posts the call with <c>refer_details</c>; the answer's verbs (none for an empty one) go
    /// back. A hook that fails or answers an error refuses the transfer.
    /// </summary>
    public async ValueTask<IReadOnlyList<Verb>> OnTransferAskedAsync(CallSnapshot call, string hook, IncomingTransfer transfer, CancellationToken cancellationToken)
    {
        var target = TargetOf(hook);
        var payload = CallPayload.Build(call, _context, null, writer => ReferDetailsPayload.Write(writer, transfer));
        var reply = await PostAsync(target, call, "refer", payload, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess)
        {
            throw new InvalidOperationException($"the refer hook answered HTTP {reply.StatusCode}");
        }

        return await ResolveTrunksAsync(ReadVerbs(reply, "the refer hook") ?? [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An application a dialled leg runs, starting at <paramref name="hook"/>, with the dialling application's hooks.</summary>
    private HookScriptSource LegScript(string hook, bool confirmation)
    {
        var target = TargetOf(hook);
        return new HookScriptSource(_callHook, _context with { Origin = null }, _outbox, _replyTimeout, _trunks, _hooks, target, confirmation)
        {
            RecordingsUrl = RecordingsUrl,
        };
    }

    /// <summary>A dialled leg's answering-machine events: posted with the leg's description; an answer's verbs replace the dialling call's.</summary>
    public IAmdHook AmdHook(string actionHook)
    {
        var target = TargetOf(actionHook);
        return new AmdHookSource(target, this, _context with { Origin = null });
    }

    /// <summary>
    /// The account's <c>Recordings/</c> URL as the application reached this server; a recording's
    /// <c>recording_url</c> is its media under it. Without it the action hook gets the sid only.
    /// </summary>
    public string? RecordingsUrl { get; init; }

    public async ValueTask<IReadOnlyList<Verb>?> OnVerbResultAsync(CallSnapshot call, VerbResult result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case GatherResult { Gather.ActionHook: { } hook } gather:
                return await AskAsync(hook, call, CallPayload.Build(call, _context, null, writer => WriteGather(writer, gather)), replaceAll: false, cancellationToken).ConfigureAwait(false);
            case DialResult { Dial.ActionHook: { } hook } dial:
                return await AskAsync(hook, call, CallPayload.Build(call, _context, null, writer => WriteDial(writer, dial)), replaceAll: false, cancellationToken).ConfigureAwait(false);
            case RecordResult { Record.ActionHook: { } hook } record:
                return await AskAsync(hook, call, CallPayload.Build(call, _context, null, writer => WriteRecord(writer, record)), replaceAll: false, cancellationToken).ConfigureAwait(false);
            case SipRequestResult { Request.ActionHook: { } hook } request:
                return await AskAsync(hook, call, CallPayload.Build(call, _context, null, writer => WriteSipRequest(writer, request)), replaceAll: false, cancellationToken).ConfigureAwait(false);
            case ListenResult { Listen.ActionHook: { } hook } listen:
                return await AskAsync(hook, call, CallPayload.Build(call, _context, null, writer => ListenPayload.Write(writer, listen)), replaceAll: false, cancellationToken).ConfigureAwait(false);
            case ReferResult { Refer.ActionHook: { } hook } refer:
                return await AskAsync(hook, call, CallPayload.Build(call, _context, null, writer => WriteRefer(writer, call, refer)), replaceAll: false, cancellationToken).ConfigureAwait(false);
            case RedirectResult redirect:
                if (redirect.Redirect.StatusHook is { } statusHook)
                {
                    _context.StatusRedirect.Hook = _hooks[statusHook];
                }

                return await AskAsync(redirect.Redirect.ActionHook, call, CallPayload.Build(call, _context, null), replaceAll: true, cancellationToken).ConfigureAwait(false);
            default:
                return null;
        }
    }

    public async ValueTask OnTranscriptAsync(CallSnapshot call, string hook, RecognitionResult transcript, bool isFinal, CancellationToken cancellationToken)
    {
        var target = TargetOf(hook);
        await PostAsync(target, call, "transcription", CallPayload.Build(call, _context, null, writer => SpeechPayload.Write(writer, transcript, isFinal)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>jambonz's <c>sip:refer</c> event: <c>{event: "transfer-status", call_status}</c>, the status as the NOTIFY's sipfrag wrote it.</summary>
    public async ValueTask OnTransferProgressAsync(CallSnapshot call, string hook, int sipStatus, CancellationToken cancellationToken)
    {
        var target = TargetOf(hook);
        var payload = CallPayload.Build(call, _context, null, writer =>
        {
            writer.WriteString("event", "transfer-status");
            writer.WriteString("call_status", sipStatus.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteNumber("sip_status", sipStatus);
        });
        await PostAsync(target, call, "transfer-status", payload, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<Verb>?> OnAmdReportAsync(CallSnapshot call, string hook, AmdReport report, CancellationToken cancellationToken)
    {
        var payload = CallPayload.Build(call, _context, null, writer => AmdEventPayload.Write(writer, report));
        return await AskAsync(hook, call, payload, replaceAll: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Posts to a hook that belongs to no verb (answering-machine events). An answer with verbs is returned to
    /// replace those running; an empty one, or an unreachable hook, is null.
    /// </summary>
    /// <exception cref="InvalidOperationException">The answer is not a valid jambonz application.</exception>
    public async Task<IReadOnlyList<Verb>?> AskHookAsync(WebhookTarget hook, CallSnapshot call, byte[] payload, CancellationToken cancellationToken)
    {
        _hooks.TryAdd(hook.Url, hook);
        return await AskAsync(hook.Url, call, payload, replaceAll: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An action hook's answer replaces the verbs left; an empty answer keeps them (or, for a redirect, ends the
    /// application). An unreachable hook keeps the application going as written.
    /// </summary>
    private async Task<IReadOnlyList<Verb>?> AskAsync(string url, CallSnapshot call, byte[] payload, bool replaceAll, CancellationToken cancellationToken)
    {
        var target = TargetOf(url);
        WebhookReply reply;
        try
        {
            reply = await PostAsync(target, call, "action", payload, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return replaceAll ? [] : null;
        }

        var verbs = reply.IsSuccess ? ReadVerbs(reply, "the action hook") : null;
        return verbs is { Count: > 0 } || replaceAll ? await ResolveTrunksAsync(verbs ?? [], cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>The hook the application's verbs named (with its method and credentials), or a plain POST to a URL none named.</summary>
    private WebhookTarget TargetOf(string url) => _hooks.TryGetValue(url, out var known) ? known : new WebhookTarget(url, "POST", null, null);

    private async Task<IReadOnlyList<Verb>> ResolveTrunksAsync(IReadOnlyList<Verb> verbs, CancellationToken cancellationToken) =>
        _trunks is null ? verbs : await _trunks.ResolveAsync(verbs, cancellationToken).ConfigureAwait(false);

    private Task<WebhookReply> PostAsync(WebhookTarget target, CallSnapshot call, string eventName, byte[] payload, CancellationToken cancellationToken)
    {
        // A hook on the call hook's own server without credentials of its own uses the application's (jambonz
        // resolves relative hooks there); credentials never travel to another server.
        var inherits = target.Username is null && _callHook.Username is not null
            && new Uri(target.Url).Authority == new Uri(_callHook.Url).Authority;
        var delivery = inherits
            ? (target with { Username = _callHook.Username, Password = _callHook.Password }).ToDelivery(payload)
            : target.ToDelivery(payload);
        return _outbox.PostForReplyAsync(delivery with { AccountSid = call.AccountSid, CallSid = call.Sid, Event = eventName }, _replyTimeout, cancellationToken);
    }

    /// <exception cref="InvalidOperationException">The answer is not a valid jambonz application.</exception>
    private List<Verb>? ReadVerbs(WebhookReply reply, string source)
    {
        if (reply.Body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(reply.Body);
            JsonUnicode.Validate(document.RootElement);
            // An empty object is no verbs, as an empty body is: what Express answers for res.json({}).
            List<Verb>? verbs = document.RootElement is { ValueKind: JsonValueKind.Object } root && !root.EnumerateObject().Any()
                ? null
                : [.. _reader.ReadAll(document.RootElement, "$")];
            if (_confirmation && verbs?.FirstOrDefault(verb => verb is DialVerb or RejectVerb) is { } refused)
            {
                // As jambonz: the dialled party's application runs on an answered leg of a dial, so it cannot dial
                // again or decline a call; such an answer hangs the party up and the dial goes on without it.
                throw new InvalidOperationException($"{source} answered with the verb {refused.Name}, which a confirmation application may not use");
            }

            return verbs;
        }
        catch (JsonException) when (!IsJson(reply.ContentType))
        {
            // Text that is not JSON and does not claim to be (Express's res.sendStatus(200) answers "OK" as
            // text/plain) carries no verbs; jambonz reads it so too.
            return null;
        }
        catch (JsonException invalidJson)
        {
            throw new InvalidOperationException($"{source} answered with invalid JSON: {invalidJson.Message}", invalidJson);
        }
        catch (ValidationException invalid)
        {
            throw new InvalidOperationException($"{source} answered with invalid verbs: {invalid.Message}", invalid);
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.Contains("/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>jambonz's dial action: how the dial ended, the SIP status, and which leg it was about.</summary>
    private static void WriteDial(Utf8JsonWriter writer, DialResult dial)
    {
        writer.WriteString("dial_call_status", JambonzCallStatus.Of(dial.Status, dial.SipStatus));
        if (dial.SipStatus is { } sipStatus)
        {
            writer.WriteNumber("dial_sip_status", sipStatus);
        }

        if (dial.DialCallSid is { } legSid)
        {
            writer.WriteString("dial_call_sid", legSid);
        }

        // Seconds connected, under our first name for it and under jambonz's.
        writer.WriteNumber("duration", (int)dial.Duration.TotalSeconds);
        writer.WriteNumber("dial_call_duration", (int)dial.Duration.TotalSeconds);
    }

    /// <summary>
    /// jambonz's <c>sip:request</c> action: <c>result</c> <c>success</c> with the peer's <c>sipStatus</c> whatever it
    /// answered, or <c>failed</c> with <c>err</c> when no answer came.
    /// </summary>
    private static void WriteSipRequest(Utf8JsonWriter writer, SipRequestResult request)
    {
        if (request.Answer.IsAnswered)
        {
            writer.WriteString("result", "success");
            writer.WriteNumber("sipStatus", request.Answer.SipStatus);
            return;
        }

        writer.WriteString("result", "failed");
        writer.WriteString("err", request.Answer.Error);
    }

    /// <summary>
    /// jambonz's <c>sip:refer</c> action: the REFER's answer <c>refer_status</c> and, when a final NOTIFY came, the
    /// referred call's <c>final_referred_call_status</c>; <c>referring_call_sid</c> names this call.
    /// </summary>
    private static void WriteRefer(Utf8JsonWriter writer, CallSnapshot call, ReferResult refer)
    {
        writer.WriteString("referring_call_sid", call.Sid);
        writer.WriteNumber("refer_status", refer.ReferStatus);
        if (refer.FinalReferredStatus is { } final)
        {
            writer.WriteNumber("final_referred_call_status", final);
        }
    }

    /// <summary>jambonz's gather action: <c>reason</c> <c>dtmfDetected</c> with <c>digits</c>, <c>speechDetected</c> with <c>speech</c>, <c>timeout</c>, or <c>error</c> with <c>details</c>.</summary>
    private static void WriteGather(Utf8JsonWriter writer, GatherResult gather)
    {
        switch (gather.Reason)
        {
            case GatherEndReason.SpeechDetected when gather.Speech is { } speech:
                SpeechPayload.Write(writer, speech, isFinal: true);
                writer.WriteString("reason", "speechDetected");
                break;
            case GatherEndReason.Error:
                writer.WriteString("reason", "error");
                writer.WriteString("details", gather.Error);
                break;
            default:
                writer.WriteString("digits", gather.Digits);
                writer.WriteString("reason", gather.Reason == GatherEndReason.Timeout && gather.Digits.Length == 0 ? "timeout" : "dtmfDetected");
                break;
        }
    }

    /// <summary>Twilio's <c>&lt;Record&gt;</c> action parameters, in jambonz's snake_case.</summary>
    private void WriteRecord(Utf8JsonWriter writer, RecordResult record)
    {
        if (record.RecordingSid is { } sid)
        {
            writer.WriteString("recording_sid", sid);
            if (RecordingsUrl is { } recordings)
            {
                writer.WriteString("recording_url", RecordingUrls.MediaUrl(recordings, sid));
            }
        }

        writer.WriteNumber("recording_duration", Math.Round(record.Duration.TotalSeconds, 3));
        writer.WriteString("digits", record.Digits);
        writer.WriteString("reason", record.Reason switch
        {
            RecordEndReason.FinishOnKey => "finishOnKey",
            RecordEndReason.Timeout => "timeout",
            RecordEndReason.MaxLength => "maxLength",
            RecordEndReason.Hangup => "hangup",
            _ => "error",
        });
    }
}
