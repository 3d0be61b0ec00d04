using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Hooks;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Translates a jambonz application (a JSON array of <c>{"verb": ...}</c> objects) into the engine's native
/// verbs. Options that only tune a vendor (filler noise, vendor-specific recognizer options, ...) are ignored, as
/// jambonz ignores what a vendor does not support. A verb of jambonz's set that this server cannot run yet, and an
/// option that changes what a call does (<c>config.record</c>, <c>dial.listen</c>, ...), becomes a
/// <see cref="SkippedVerb"/>: the call goes on and records a warning naming it. A verb nobody defines, or a
/// malformed one, is refused by name.
/// </summary>
/// <param name="baseUrl">The application's call hook: relative action hooks resolve against it.</param>
/// <param name="hooks">Collects each action hook's method and credentials, keyed by its resolved URL.</param>
public sealed class JambonzVerbReader(Uri baseUrl, IDictionary<string, WebhookTarget> hooks)
{
    /// <summary>Keys a gather takes at most when it names no limit; input then ends on its key or timeout.</summary>
    public const int UnlimitedDigits = 64;

    /// <summary>Seconds a gather waits for the first key when it names no <c>timeout</c> (jambonz's default).</summary>
    public const int DefaultGatherTimeoutSeconds = 15;

    /// <summary>A <c>record</c> verb's longest recording, in seconds, when it names no <c>maxLength</c> (Twilio's default).</summary>
    public const int DefaultRecordSeconds = 3600;

    /// <summary>The longest <c>maxLength</c> a <c>record</c> verb may ask for (four hours, Twilio's limit).</summary>
    public const int MaxRecordSeconds = 14_400;

    /// <summary>Seconds of silence that end a <c>record</c> verb when it names no <c>timeout</c>.</summary>
    public const int DefaultRecordSilenceSeconds = 5;

    /// <summary>The keys that end a <c>record</c> verb when it names no <c>finishOnKey</c>: any key, as in Twilio.</summary>
    public const string DefaultRecordFinishKeys = "1234567890*#";

    private static readonly string[] Supported =
        ["say", "play", "pause", "gather", "transcribe", "dial", "record", "hangup", "redirect", "tag", "config", "answer", "sip:decline", "sip:request", "sip:refer", "dtmf", "alert", "listen", "stream"];

    /// <summary>Targets one <c>dial</c> may ring at once.</summary>
    public const int MaxDialTargets = 10;

    /// <exception cref="ValidationException">The application is not an array, or a verb is unknown or invalid.</exception>
    public IReadOnlyList<Verb> ReadAll(JsonElement application, string path)
    {
        if (application.ValueKind != JsonValueKind.Array)
        {
            throw new ValidationException(path, "must be an array of verbs");
        }

        var verbs = new List<Verb>(application.GetArrayLength());
        var index = 0;
        foreach (var verb in application.EnumerateArray())
        {
            var read = Read(verb, $"{path}[{index++}]");
            verbs.AddRange(Skipped(read.Name, read.Json));
            verbs.AddRange(_unavailable);
            _unavailable.Clear();
            verbs.Add(read.Verb);
        }

        return verbs;
    }

    /// <summary>What the verb being read asked for that this server does not have and replaces (a recognizer vendor).</summary>
    private readonly List<SkippedVerb> _unavailable = [];

    /// <summary>The verbs jambonz defines that this server cannot run yet: skipped with a warning, never a failed call.</summary>
    private static readonly string[] NotYetSupported =
        ["conference", "enqueue", "dequeue", "lex", "dialogflow", "rasa", "leave", "message",
         "llm", "s2s", "openai_s2s", "google_s2s", "elevenlabs_s2s", "deepgram_s2s",
         "ultravox_s2s", "voice_agent", "pipeline", "dub", "rest:dial"];

    /// <summary>
    /// The options of <paramref name="name"/> that change what a call does and are not done yet, each as a
    /// <see cref="SkippedVerb"/> that runs before the verb, so the call's warnings name them.
    /// </summary>
    private static IEnumerable<SkippedVerb> Skipped(string name, JsonElement verb)
    {
        string[] options = name switch
        {
            "config" => ["fillerNoise", "actionHookDelayAction", "onHoldMusic", "boostAudioSignal", "vad", "notifyEvents"],
            "dial" => ["listen", "transcribe", "exitMediaPath", "dub"],
            "play" => ["seekOffset", "timeoutSecs", "actionHook"],
            "listen" or "stream" => ["transcribe"],
            _ => [],
        };
        foreach (var option in options)
        {
            if (verb.TryGetProperty(option, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.False))
            {
                yield return new SkippedVerb($"{name}.{option}", "not supported by this server yet; the verb runs without it");
            }
        }
    }

    private (string Name, JsonElement Json, Verb Verb) Read(JsonElement verb, string path)
    {
        var named = Named(verb, path);
        return (named.Name, named.Json, Read(named.Name, named.NamePath, named.Json, named.Path));
    }

    /// <summary>
    /// A live <c>whisper</c>: one <c>say</c> or <c>play</c> verb or an array of them, in either form. As in jambonz each
    /// plays once, whatever its <c>loop</c>.
    /// </summary>
    /// <exception cref="ValidationException">Not say or play verbs, or one is invalid.</exception>
    public static IReadOnlyList<Verb> ReadWhisper(JsonElement whisper, string path)
    {
        var items = whisper.ValueKind == JsonValueKind.Array
            ? whisper.EnumerateArray().Select((item, index) => (Json: item, Path: $"{path}[{index}]")).ToList()
            : [(Json: whisper, Path: path)];
        if (items.Count == 0)
        {
            throw new ValidationException(path, "must hold at least one say or play verb");
        }

        return items.Select(item => Named(item.Json, item.Path) switch
        {
            ("say", _, var json, var jsonPath) => (Verb)(ReadSay(json, jsonPath) with { Loop = 1 }),
            ("play", _, var json, var jsonPath) => ReadPlay(json, jsonPath) with { Loop = 1 },
            (_, var namePath, _, _) => throw new ValidationException(namePath, "only say and play verbs can be whispered"),
        }).ToList();
    }

    /// <summary>
    /// A verb's name, where it was written, and its options: jambonz takes a verb in either form,
    /// <c>{"verb": "say", "text": ...}</c> or <c>{"say": {"text": ...}}</c>.
    /// </summary>
    private static (string Name, string NamePath, JsonElement Json, string Path) Named(JsonElement verb, string path)
    {
        if (verb.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException(path, "must be an object");
        }

        if (!verb.TryGetProperty("verb", out _) && verb.EnumerateObject().ToList() is [{ Value.ValueKind: JsonValueKind.Object } keyed])
        {
            return (keyed.Name, path, keyed.Value, $"{path}.{keyed.Name}");
        }

        return (JsonFields.RequireString(verb, "verb", path + ".verb"), path + ".verb", verb, path);
    }

    /// <param name="namePath">Where the verb's name was written, for a refusal of the name itself.</param>
    private Verb Read(string name, string namePath, JsonElement verb, string path)
    {
        return name switch
        {
            "say" => ReadSay(verb, path),
            "play" => ReadPlay(verb, path),
            "pause" => new PauseVerb(TimeSpan.FromSeconds(JsonFields.OptionalNumber(verb, "length", path + ".length", 0, 3600)
                ?? throw new ValidationException(path + ".length", "is required"))),
            "gather" => ReadGather(verb, path),
            "hangup" => new HangupVerb(),
            "redirect" => new RedirectVerb(ReadActionHook(verb, path, required: true)!) { StatusHook = ReadHook(verb, "statusHook", path) },
            "tag" => new TagVerb(JsonFields.RequireObject(verb, "data", path + ".data").Clone()),
            "config" => ReadConfig(verb, path),
            "transcribe" => ReadTranscribe(verb, path),
            "answer" => new AnswerVerb(),
            "sip:decline" => ReadDecline(verb, path),
            "sip:request" => SipVerbReader.ReadRequest(verb, path, ReadActionHook(verb, path, required: false)),
            "sip:refer" => SipVerbReader.ReadRefer(verb, path, ReadActionHook(verb, path, required: false), ReadHook(verb, "eventHook", path)),
            "dtmf" => ReadDtmf(verb, path),
            "alert" => ReadAlert(verb, path),
            "dial" => ReadDial(verb, path),
            "record" => ReadRecord(verb, path),
            "listen" or "stream" => ListenVerbReader.Read(verb, path, ReadActionHook(verb, path, required: false)),
            _ when NotYetSupported.Contains(name) => new SkippedVerb(name, "not supported by this server yet; the call goes on with the next verb"),
            _ => throw new ValidationException(namePath, $"unknown verb '{name}' (expected one of {string.Join(", ", Supported)})"),
        };
    }

    private static SayVerb ReadSay(JsonElement verb, string path)
    {
        var text = JsonFields.RequireString(verb, "text", path + ".text");
        var synthesizer = ReadSynthesizer(verb, path) ?? SpeechDefaults.None;
        return new SayVerb(text, synthesizer.Language, synthesizer.Gender, synthesizer.Voice, BargeIn: false)
        {
            Loop = ReadLoop(verb, path),
            Vendor = synthesizer.Vendor,
        };
    }

    private static PlayVerb ReadPlay(JsonElement verb, string path)
    {
        var url = JsonFields.RequireHttpUrl(verb, "url", path + ".url");
        return new PlayVerb(url, ReadLoop(verb, path), BargeIn: false);
    }

    private GatherVerb ReadGather(JsonElement verb, string path)
    {
        var (digits, speech) = ReadInput(verb, path);
        var actionHook = ReadActionHook(verb, path, required: false);
        var numDigits = ReadCount(verb, "numDigits", path);
        var maxDigits = numDigits ?? ReadCount(verb, "maxDigits", path) ?? UnlimitedDigits;
        var minDigits = numDigits ?? ReadCount(verb, "minDigits", path) ?? 1;
        if (minDigits > maxDigits)
        {
            throw new ValidationException(path + ".minDigits", "must not exceed maxDigits");
        }

        var finishOnKey = JsonFields.OptionalString(verb, "finishOnKey", path + ".finishOnKey");
        if (finishOnKey is not null && (finishOnKey.Length != 1 || !IsKey(finishOnKey[0])))
        {
            throw new ValidationException(path + ".finishOnKey", "must be one key: 0-9, *, # or A-D");
        }

        // jambonz: a timeout of 0 is none; the gather ends on its keys or words alone.
        var timeoutSeconds = JsonFields.OptionalNumber(verb, "timeout", path + ".timeout", 0, 600) ?? DefaultGatherTimeoutSeconds;
        var timeout = timeoutSeconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(timeoutSeconds);
        var interDigit = JsonFields.OptionalNumber(verb, "interDigitTimeout", path + ".interDigitTimeout", 0.1, 600);
        Verb? prompt = null;
        if (JsonFields.OptionalObject(verb, "say", path + ".say") is { } say)
        {
            prompt = ReadSay(say, path + ".say");
        }
        else if (JsonFields.OptionalObject(verb, "play", path + ".play") is { } play)
        {
            prompt = ReadPlay(play, path + ".play");
        }

        return new GatherVerb(maxDigits, finishOnKey?[0], timeout, actionHook)
        {
            MinDigits = minDigits,
            InterDigitTimeout = interDigit is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Prompt = prompt,
            PromptBargeIn = JsonFields.OptionalBool(verb, "dtmfBargein", path + ".dtmfBargein", fallback: true),
            AcceptsDigits = digits,
            Speech = speech ? RecognizerReader.Read(verb, path, _unavailable.Add) ?? RecognizerOptions.None : null,
            SpeechBargeIn = JsonFields.OptionalBool(verb, "bargein", path + ".bargein", fallback: false),
            ListenDuringPrompt = JsonFields.OptionalBool(verb, "listenDuringPrompt", path + ".listenDuringPrompt", fallback: true),
            PartialResultHook = ReadHook(verb, "partialResultHook", path),
        };
    }

    /// <summary>
    /// jambonz <c>config</c>: the synthesizer and recognizer of the verbs that follow, and the call's background work:
    /// <c>bargeIn</c> (a gather beside the verbs), <c>transcribe</c> (a transcription beside them) and <c>amd</c>.
    /// </summary>
    private ConfigVerb ReadConfig(JsonElement verb, string path) => new(ReadSynthesizer(verb, path))
    {
        Recognizer = RecognizerReader.Read(verb, path, _unavailable.Add),
        BargeIn = ReadBargeIn(verb, path + ".bargeIn"),
        Transcribe = ReadTranscribeConfig(verb, path + ".transcribe"),
        Amd = ReadConfigAmd(verb, path + ".amd"),
        Listen = ReadListenConfig(verb, path + ".listen"),
        Record = ReadConfigRecord(verb, path + ".record"),
        ReferHook = ReadHook(verb, "referHook", path),
        PeerRequestHook = ReadHook(verb, "sipRequestWithinDialogHook", path),
    };

    /// <summary>jambonz <c>config.record</c>: the call's own recording (type <c>cloud</c>); a SIPREC one is skipped with a warning.</summary>
    private CallRecordingAction? ReadConfigRecord(JsonElement config, string path)
    {
        if (!config.TryGetProperty("record", out var record) || record.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var action = CallRecordingReader.Read(record, path);
        if (action is null)
        {
            _unavailable.Add(new SkippedVerb("config.record", CallRecordingReader.SiprecUnsupported));
        }

        return action;
    }

    /// <summary>
    /// jambonz <c>config.listen</c>: <c>enable: true</c> with a <c>listen</c> verb's options starts a background stream
    /// (replacing one that runs), <c>enable: false</c> stops it; without <c>enable</c> nothing changes.
    /// </summary>
    private ListenConfig? ReadListenConfig(JsonElement config, string path)
    {
        if (JsonFields.OptionalObject(config, "listen", path) is not { } listen || !listen.TryGetProperty("enable", out _))
        {
            return null;
        }

        return JsonFields.OptionalBool(listen, "enable", path + ".enable", fallback: false)
            ? new ListenConfig(ListenVerbReader.Read(listen, path, ReadActionHook(listen, path, required: false)))
            : new ListenConfig(null);
    }

    /// <summary>
    /// jambonz <c>config.bargeIn</c>: <c>enable</c> turns it on or off (without it nothing changes); on, it is a
    /// gather's options (<c>input</c>, speech by default as in jambonz; <c>actionHook</c>, <c>finishOnKey</c>,
    /// <c>numDigits</c>, <c>minDigits</c>, <c>maxDigits</c>, <c>interDigitTimeout</c>, <c>partialResultHook</c>) with
    /// no timeout, plus <c>sticky</c> and <c>minBargeinWordCount</c>.
    /// </summary>
    private BargeInConfig? ReadBargeIn(JsonElement config, string path)
    {
        if (!config.TryGetProperty("bargeIn", out var bargeIn) || bargeIn.ValueKind is JsonValueKind.Null or JsonValueKind.False)
        {
            return null;
        }

        if (bargeIn.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException(path, "must be an object such as {\"enable\": true, \"input\": [\"digits\"], \"actionHook\": \"/bargein\"}");
        }

        if (!bargeIn.TryGetProperty("enable", out _))
        {
            return null;
        }

        if (!JsonFields.OptionalBool(bargeIn, "enable", path + ".enable", fallback: false))
        {
            return new BargeInConfig(null, Sticky: false);
        }

        var hearsSpeech = !bargeIn.TryGetProperty("input", out var input) || input.ValueKind == JsonValueKind.Null;
        var gather = ReadGather(bargeIn, path);
        var words = JsonFields.OptionalWholeNumber(bargeIn, "minBargeinWordCount", path + ".minBargeinWordCount", 1, 100) ?? 1;
        return new BargeInConfig(
            gather with
            {
                Timeout = Timeout.InfiniteTimeSpan,
                AcceptsDigits = !hearsSpeech && gather.AcceptsDigits,
                Speech = hearsSpeech ? RecognizerOptions.None : gather.Speech,
            },
            JsonFields.OptionalBool(bargeIn, "sticky", path + ".sticky", fallback: false),
            words);
    }

    /// <summary>jambonz <c>config.transcribe</c>: <c>enable</c> with a <c>transcriptionHook</c> starts it, <c>enable: false</c> stops it.</summary>
    private TranscribeConfig? ReadTranscribeConfig(JsonElement config, string path)
    {
        if (JsonFields.OptionalObject(config, "transcribe", path) is not { } transcribe || !transcribe.TryGetProperty("enable", out _))
        {
            return null;
        }

        return JsonFields.OptionalBool(transcribe, "enable", path + ".enable", fallback: false)
            ? new TranscribeConfig(ReadTranscribe(transcribe, path))
            : new TranscribeConfig(null);
    }

    /// <summary>jambonz <c>config.amd</c>: the same object as a placed call's <c>amd</c>.</summary>
    private AmdConfig? ReadConfigAmd(JsonElement config, string path)
    {
        if (!config.TryGetProperty("amd", out var amd) || amd.ValueKind is JsonValueKind.Null or JsonValueKind.False)
        {
            return null;
        }

        var request = AmdRequestReader.Read(config, path, baseUrl, _unavailable.Add)!;
        hooks[request.ActionHook.Url] = request.ActionHook;
        return new AmdConfig(request.ActionHook.Url, request.Options) { Recognizer = request.Recognizer };
    }

    /// <summary>
    /// jambonz <c>transcribe</c> on its own: every utterance, recognised, goes to <c>transcriptionHook</c> until the
    /// call ends or the verbs are replaced. (Nested in <c>dial</c> or <c>config</c> it is not supported yet.)
    /// </summary>
    private TranscribeVerb ReadTranscribe(JsonElement verb, string path)
    {
        var hook = HookReader.Require(verb, "transcriptionHook", path + ".transcriptionHook", baseUrl);
        hooks[hook.Url] = hook;
        return new TranscribeVerb(hook.Url, RecognizerReader.Read(verb, path, _unavailable.Add) ?? RecognizerOptions.None);
    }

    /// <summary>An optional hook other than <c>actionHook</c>, resolved and kept with its credentials.</summary>
    private string? ReadHook(JsonElement verb, string name, string path)
    {
        if (HookReader.Optional(verb, name, path + "." + name, baseUrl) is not { } hook)
        {
            return null;
        }

        hooks[hook.Url] = hook;
        return hook.Url;
    }

    /// <summary>jambonz <c>input</c>: <c>["digits"]</c> (the default), <c>["speech"]</c> or both.</summary>
    private static (bool Digits, bool Speech) ReadInput(JsonElement verb, string path)
    {
        if (!verb.TryGetProperty("input", out var input) || input.ValueKind == JsonValueKind.Null)
        {
            return (true, false);
        }

        if (input.ValueKind != JsonValueKind.Array || input.GetArrayLength() == 0)
        {
            throw new ValidationException(path + ".input", "must be a non-empty array such as [\"digits\", \"speech\"]");
        }

        var (digits, speech) = (false, false);
        foreach (var kind in input.EnumerateArray())
        {
            var text = kind.ValueKind == JsonValueKind.String ? kind.GetString() : null;
            digits |= text is "digits" or "dtmf";
            speech |= text is "speech";
            if (text is not ("digits" or "dtmf" or "speech"))
            {
                throw new ValidationException(path + ".input", "may hold only \"digits\" and \"speech\"");
            }
        }

        return (digits, speech);
    }

    /// <summary>
    /// jambonz <c>dial</c>: <c>target</c> (phone numbers, through a named <c>trunk</c> or the default carrier, and SIP
    /// URIs), <c>callerId</c>, <c>callerName</c>, <c>timeout</c> (ring seconds, default 60), <c>timeLimit</c>,
    /// <c>headers</c>, <c>actionHook</c>, <c>confirmHook</c> (the application an answering target runs before the
    /// bridge; a target may name its own), <c>dialMusic</c> (audio the caller hears, over and over, while the targets ring), <c>amd</c>
    /// (answering-machine detection on the answering target) and <c>referHook</c> (where a transfer either party asks for goes). A trunk is only named here; the script source
    /// resolves it before running.
    /// </summary>
    private DialVerb ReadDial(JsonElement verb, string path)
    {
        if (!verb.TryGetProperty("target", out var targets) || targets.ValueKind != JsonValueKind.Array || targets.GetArrayLength() == 0)
        {
            throw new ValidationException(path + ".target", "is required: an array of phone or sip targets");
        }

        if (targets.GetArrayLength() > MaxDialTargets)
        {
            throw new ValidationException(path + ".target", $"may ring at most {MaxDialTargets} targets at once");
        }

        var resolved = new List<CallTarget>();
        var index = 0;
        foreach (var target in targets.EnumerateArray())
        {
            var targetPath = $"{path}.target[{index++}]";
            if (target.ValueKind != JsonValueKind.Object)
            {
                throw new ValidationException(targetPath, "must be an object such as {\"type\": \"phone\", \"number\": \"+15550001\"}");
            }

            var to = CallToReader.Read(target, targetPath);
            var called = to.Type switch
            {
                "phone" => CallTarget.Phone(to.Number!) with { TrunkName = to.Trunk },
                "sip" => CallTarget.Sip(to.SipUri!),
                // A SIP client of the account, reached where it registered; DialTrunks checks it is the account's.
                _ => CallTarget.User(to.Name!),
            };
            resolved.Add(called with { ConfirmHook = ReadHook(target, "confirmHook", targetPath) });
        }

        var callerId = JsonFields.OptionalString(verb, "callerId", path + ".callerId");
        if (callerId is not null && !SipSyntax.IsUser(callerId))
        {
            throw new ValidationException(path + ".callerId", "must be a phone number or SIP user name");
        }

        var timeout = JsonFields.OptionalNumber(verb, "timeout", path + ".timeout", 1, 600) ?? 60;
        var timeLimit = JsonFields.OptionalNumber(verb, "timeLimit", path + ".timeLimit", 1, 86_400);
        var dtmfHook = ReadHook(verb, "dtmfHook", path);
        var (callerKeys, calleeKeys) = ReadDtmfCapture(verb, path + ".dtmfCapture");
        return new DialVerb(resolved, TimeSpan.FromSeconds(timeout), ReadActionHook(verb, path, required: false))
        {
            CallerId = callerId,
            CallerName = JsonFields.OptionalString(verb, "callerName", path + ".callerName"),
            Headers = SipHeadersReader.Read(verb, path + ".headers"),
            TimeLimit = timeLimit is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            ConfirmHook = ReadHook(verb, "confirmHook", path),
            ReferHook = ReadHook(verb, "referHook", path),
            DtmfHook = dtmfHook,
            CallerKeyPatterns = dtmfHook is null ? [] : callerKeys,
            CalleeKeyPatterns = dtmfHook is null ? [] : calleeKeys,
            HoldPrompt = JsonFields.OptionalString(verb, "dialMusic", path + ".dialMusic") is not null
                ? new PlayVerb(JsonFields.RequireHttpUrl(verb, "dialMusic", path + ".dialMusic"), Loop: 1, BargeIn: false)
                : null,
            Amd = ReadDialAmd(verb, path),
        };
    }

    /// <summary>
    /// jambonz's <c>dtmfCapture</c>: an array of key patterns both parties' keys are watched for, or
    /// <c>{parentCall, childCall}</c> with the caller's and the callee's own.
    /// </summary>
    private static (IReadOnlyList<string> Caller, IReadOnlyList<string> Callee) ReadDtmfCapture(JsonElement verb, string path)
    {
        if (!verb.TryGetProperty("dtmfCapture", out var capture) || capture.ValueKind == JsonValueKind.Null)
        {
            return ([], []);
        }

        if (capture.ValueKind == JsonValueKind.Array)
        {
            var both = ReadKeyPatterns(capture, path);
            return (both, both);
        }

        if (capture.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException(path, "must be an array of key patterns or {parentCall, childCall}");
        }

        return (
            capture.TryGetProperty("parentCall", out var parent) ? ReadKeyPatterns(parent, path + ".parentCall") : [],
            capture.TryGetProperty("childCall", out var child) ? ReadKeyPatterns(child, path + ".childCall") : []);
    }

    private static List<string> ReadKeyPatterns(JsonElement patterns, string path)
    {
        if (patterns.ValueKind != JsonValueKind.Array)
        {
            throw new ValidationException(path, "must be an array of key patterns such as \"*2\"");
        }

        var read = new List<string>();
        foreach (var pattern in patterns.EnumerateArray())
        {
            if (pattern.ValueKind != JsonValueKind.String || pattern.GetString() is not { Length: > 0 and <= 16 } keys || !keys.All(IsKey))
            {
                throw new ValidationException($"{path}[{read.Count}]", "must be 1 to 16 of 0-9, *, # and A-D");
            }

            read.Add(keys);
        }

        return read;
    }

    /// <summary>A dial's <c>amd</c>: the call creation's object, its hook resolved like an action hook.</summary>
    private DialAmd? ReadDialAmd(JsonElement verb, string path)
    {
        if (AmdRequestReader.Read(verb, path + ".amd", baseUrl) is not { } amd)
        {
            return null;
        }

        hooks[amd.ActionHook.Url] = amd.ActionHook;
        return new DialAmd(amd.Options, amd.ActionHook.Url);
    }

    private static RejectVerb ReadDecline(JsonElement verb, string path)
    {
        var status = JsonFields.OptionalNumber(verb, "status", path + ".status", 400, 699)
            ?? throw new ValidationException(path + ".status", "is required");
        return new RejectVerb((int)status, JsonFields.OptionalString(verb, "reason", path + ".reason"))
        {
            Headers = SipHeadersReader.Read(verb, path + ".headers"),
        };
    }

    /// <summary>
    /// jambonz <c>alert</c>: <c>message</c> is the Alert-Info header's value, e.g.
    /// <c>&lt;http://example.com/ring.wav&gt;;info=alert-internal</c>. Control characters would break the header
    /// apart (a second header smuggled in), so they are refused.
    /// </summary>
    private static AlertVerb ReadAlert(JsonElement verb, string path)
    {
        var message = JsonFields.RequireString(verb, "message", path + ".message");
        if (message.Length is 0 or > 512 || message.Any(char.IsControl))
        {
            throw new ValidationException(path + ".message", "must be 1 to 512 printable characters");
        }

        return new AlertVerb(message);
    }

    private static DtmfVerb ReadDtmf(JsonElement verb, string path)
    {
        var digits = JsonFields.RequireString(verb, "dtmf", path + ".dtmf");
        if (!digits.All(IsKey))
        {
            throw new ValidationException(path + ".dtmf", "may hold only 0-9, *, # and A-D");
        }

        var duration = JsonFields.OptionalNumber(verb, "duration", path + ".duration", 40, 5000) ?? 500;
        return new DtmfVerb(digits, TimeSpan.FromMilliseconds(duration));
    }

    /// <summary>
    /// jambonz has no plain record verb; this one is Twilio's <c>&lt;Record&gt;</c> in jambonz's JSON style:
    /// <c>maxLength</c> and <c>timeout</c> (silence) in seconds, <c>finishOnKey</c> any of several keys,
    /// <c>playBeep</c>, with Twilio's defaults (3600 s, 5 s, every key, a beep). A <c>timeout</c> of 0 lets
    /// silence go on.
    /// </summary>
    private RecordVerb ReadRecord(JsonElement verb, string path)
    {
        var actionHook = ReadActionHook(verb, path, required: false);
        var maxLength = JsonFields.OptionalNumber(verb, "maxLength", path + ".maxLength", 1, MaxRecordSeconds) ?? DefaultRecordSeconds;
        var timeout = JsonFields.OptionalNumber(verb, "timeout", path + ".timeout", 0, MaxRecordSeconds) ?? DefaultRecordSilenceSeconds;
        var finishOnKey = JsonFields.OptionalString(verb, "finishOnKey", path + ".finishOnKey") ?? DefaultRecordFinishKeys;
        if (finishOnKey.Length > 16 || !finishOnKey.All(IsKey))
        {
            throw new ValidationException(path + ".finishOnKey", "must be keys from 0-9, *, # and A-D (or empty for none)");
        }

        return new RecordVerb(actionHook, TimeSpan.FromSeconds(maxLength), timeout > 0 ? TimeSpan.FromSeconds(timeout) : null, finishOnKey)
        {
            PlayBeep = JsonFields.OptionalBool(verb, "playBeep", path + ".playBeep", fallback: true),
        };
    }

    private static SpeechDefaults? ReadSynthesizer(JsonElement verb, string path)
    {
        if (JsonFields.OptionalObject(verb, "synthesizer", path + ".synthesizer") is not { } synthesizer)
        {
            return null;
        }

        var gender = JsonFields.OptionalString(synthesizer, "gender", path + ".synthesizer.gender")?.ToLowerInvariant();
        if (gender is not (null or "male" or "female"))
        {
            throw new ValidationException(path + ".synthesizer.gender", "must be MALE or FEMALE");
        }

        return new SpeechDefaults(
            JsonFields.OptionalString(synthesizer, "vendor", path + ".synthesizer.vendor"),
            JsonFields.OptionalString(synthesizer, "language", path + ".synthesizer.language"),
            ReadVoice(synthesizer, path + ".synthesizer.voice"),
            gender);
    }

    /// <summary>A voice by name; a vendor's voice object (a custom model, say) names no voice this server has, so it is none.</summary>
    private static string? ReadVoice(JsonElement synthesizer, string path) =>
        synthesizer.TryGetProperty("voice", out var voice) && voice.ValueKind == JsonValueKind.Object
            ? null
            : JsonFields.OptionalString(synthesizer, "voice", path);

    private string? ReadActionHook(JsonElement verb, string path, bool required)
    {
        if (!required)
        {
            return ReadHook(verb, "actionHook", path);
        }

        var hook = HookReader.Require(verb, "actionHook", path + ".actionHook", baseUrl);
        hooks[hook.Url] = hook;
        return hook.Url;
    }

    /// <summary>
    /// jambonz <c>loop</c>: a count (1–1000), or <c>"forever"</c>: the prompt repeats until something ends it (a
    /// barge-in key, a live-control redirect, the call's end), which <see cref="LoopForever"/> stands for.
    /// </summary>
    private static int ReadLoop(JsonElement verb, string path) =>
        verb.TryGetProperty("loop", out var loop) && loop.ValueKind == JsonValueKind.String
            ? loop.GetString() == "forever" ? LoopForever : throw new ValidationException(path + ".loop", "must be a count from 1 to 1000 or \"forever\"")
            : (int)(JsonFields.OptionalNumber(verb, "loop", path + ".loop", 1, 1000) ?? 1);

    /// <summary>A loop count no call outlives (68 years of one-second prompts): jambonz's <c>"forever"</c>.</summary>
    public const int LoopForever = int.MaxValue;

    private static int? ReadCount(JsonElement verb, string name, string path) =>
        JsonFields.OptionalNumber(verb, name, path + "." + name, 1, UnlimitedDigits) is { } count ? (int)count : null;

    /// <summary>One of the sixteen DTMF keys as the dialect writes them: 0-9, *, # and A-D.</summary>
    internal static bool IsKey(char key) => key is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D');
}
