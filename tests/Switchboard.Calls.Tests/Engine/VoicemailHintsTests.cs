using Switchboard.Calls.Engine;

namespace Switchboard.Calls.Tests.Engine;

public sealed class VoicemailHintsTests
{
    [Theory]
    [InlineData("Hi, you have reached the voicemail of John Smith.", "en-US", "voicemail")]
    [InlineData("I CAN'T TAKE YOUR CALL right now", "en-GB", "can't take your call")]
    [InlineData("please leave a message after the tone", null, "leave a message")]
    public void AVoicemailPhrase_IsFound_WhateverItsCaseAndPunctuation(string transcript, string? language, string hint) =>
        Assert.Equal(hint, VoicemailHints.Find(transcript, language));

    [Theory]
    [InlineData("hello who is this", "en-US")]
    [InlineData("my voicemails are full", "en-US")]
    [InlineData("voicemail", "de-DE")]
    public void AGreetingWithout_OrInAnotherLanguage_HasNone(string transcript, string language) =>
        Assert.Null(VoicemailHints.Find(transcript, language));
}
