namespace Switchboard.Calls.Verbs;

/// <summary>Answers an inbound call that is still ringing; a call already answered goes straight on.</summary>
public sealed record AnswerVerb : Verb
{
    public override string Name => "answer";
}
