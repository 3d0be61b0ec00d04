using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>A step skipped its verb because it could not run it; the call stores and reports it as <see cref="VerbFailed"/>.</summary>
internal sealed record VerbFailedReported(Verb Verb, string Reason) : CallMessage;
