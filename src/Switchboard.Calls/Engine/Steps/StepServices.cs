using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Engine.Streams;
using Switchboard.Calls.Scripts;
using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// What the steps of one call share: the call's media, its loop (channel, work, the one verb timer) and the host
/// that answers, ends or tags the call. Built once per call by the call.
/// </summary>
internal sealed record StepServices(
    string CallSid,
    string AccountSid,
    MediaSession Media,
    IPromptRenderer Prompts,
    IScriptSource Script,
    IVerbHost Host,
    ChannelWriter<CallMessage> Inbox,
    CallWork Work,
    LoopTimer Timer,
    TimeProvider Time,
    ILogger Logger)
{
    /// <summary>Where <c>record</c> verbs store their recordings; without it they fail.</summary>
    public RecordingLibrary? Recordings { get; init; }

    /// <summary>The engines speech input is recognised with; without them, gathers that listen for speech end in error.</summary>
    public ISpeechRecognizers? Recognizers { get; init; }

    /// <summary>Opens <c>listen</c> streams' WebSockets; without it they connect without the outbound address guard.</summary>
    public MediaStreamConnector? Streams { get; init; }
}
