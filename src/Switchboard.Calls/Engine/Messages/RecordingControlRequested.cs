using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>Live control (jambonz <c>record</c>, type <c>cloud</c>): the call's own recording starts, stops, pauses or resumes.</summary>
internal sealed record RecordingControlRequested(CallRecordingAction Action) : CallMessage;
