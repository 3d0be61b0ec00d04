using Switchboard.Media.Amd;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Calls;

/// <summary>The <c>amd</c> object: where answering-machine events go, and the detector's tuning from its jambonz fields.</summary>
public sealed record AmdRequest(WebhookTarget ActionHook, AmdOptions Options);
