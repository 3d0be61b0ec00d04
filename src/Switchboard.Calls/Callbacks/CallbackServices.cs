using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Callbacks;

namespace Switchboard.Calls.Callbacks;

/// <summary>The shared machinery every callback session uses.</summary>
internal sealed record CallbackServices(
    IDialLegPlacer Legs,
    PromptRenderer Prompts,
    RecordingLibrary? Recordings,
    ICallbackSessionStore Store,
    TimeProvider Time,
    ILogger Logger);
