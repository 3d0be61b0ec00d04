namespace Switchboard.Media.Amd;

/// <summary>The states of <see cref="AnsweringMachineDetector"/>.</summary>
public enum AmdState
{
    /// <summary>Waiting for the first word (or the no-speech timeout).</summary>
    Listening,

    /// <summary>In the greeting: counting its words and speech, waiting for the silence after it.</summary>
    Greeting,

    /// <summary>A machine: waiting for its greeting to end (or the beep).</summary>
    MachineSpeaking,

    /// <summary>A machine that has stopped speaking: waiting for the beep until the tone timeout.</summary>
    AwaitingTone,

    /// <summary>Nothing more will be reported.</summary>
    Complete,
}
