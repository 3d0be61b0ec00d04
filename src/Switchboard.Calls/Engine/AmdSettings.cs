using Switchboard.Calls.Scripts;
using Switchboard.Media.Amd;

namespace Switchboard.Calls.Engine;

/// <summary>Answering-machine detection for a call: the detector's tuning and where its events go.</summary>
public sealed record AmdSettings(AmdOptions Options, IAmdHook Hook);
