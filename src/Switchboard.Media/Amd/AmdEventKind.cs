namespace Switchboard.Media.Amd;

/// <summary>
/// What <see cref="AnsweringMachineDetector"/> reports, named after jambonz's <c>amd_*</c> events. Exactly one of
/// <see cref="HumanDetected"/>, <see cref="MachineDetected"/>, <see cref="NoSpeechDetected"/> and
/// <see cref="DecisionTimeout"/> is reported per call; after <see cref="MachineDetected"/> may follow
/// <see cref="MachineStoppedSpeaking"/> and then <see cref="ToneDetected"/>, always in that order.
/// </summary>
public enum AmdEventKind
{
    /// <summary>A short greeting followed by silence: a person said "Hello?" and is waiting (jambonz <c>amd_human_detected</c>).</summary>
    HumanDetected,

    /// <summary>A long or many-worded greeting, or a beep before any decision (jambonz <c>amd_machine_detected</c>).</summary>
    MachineDetected,

    /// <summary>Nothing was heard within the no-speech timeout (jambonz <c>amd_no_speech_detected</c>).</summary>
    NoSpeechDetected,

    /// <summary>Sound was heard but it never settled into a human or machine pattern in time (jambonz <c>amd_decision_timeout</c>).</summary>
    DecisionTimeout,

    /// <summary>The machine's greeting is over: silence lasted the greeting-completion timeout, or a beep began (jambonz <c>amd_machine_stopped_speaking</c>).</summary>
    MachineStoppedSpeaking,

    /// <summary>The voicemail beep: a steady single tone (jambonz <c>amd_tone_detected</c>). Recording can start now.</summary>
    ToneDetected,
}
