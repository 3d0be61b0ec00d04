namespace Switchboard.Calls.Engine.Streams;

/// <summary>What an agent's messages ask of its stream, as a wire format reads them. Called on the stream's receive loop.</summary>
internal interface IAgentCommands
{
    /// <summary>Little-endian 16-bit PCM at <paramref name="sampleRate"/> to play after what is queued.</summary>
    void PlayLinear16(ReadOnlySpan<byte> audio, int sampleRate);

    /// <summary>8 kHz µ-law to play after what is queued.</summary>
    void PlayMuLaw(ReadOnlySpan<byte> audio);

    /// <summary>Drops the audio not yet played, at once (barge-in); marks not reached are reported cleared.</summary>
    void KillAudio();

    /// <summary>Reports <paramref name="name"/> back once the audio queued before it has played.</summary>
    void Mark(string name);

    /// <summary>Tells the agent when the audio given so far has played (or was killed), naming <paramref name="id"/>.</summary>
    void PlayDone(string? id);

    /// <summary>Forgets the marks not yet reached.</summary>
    void ClearMarks();

    /// <summary>The agent ends the stream.</summary>
    void Disconnect();

    /// <summary>The agent sent something this format cannot read; the stream ends with the reason.</summary>
    void Malformed(string reason);
}
