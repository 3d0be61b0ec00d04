namespace Switchboard.Calls.Engine.Steps;

/// <summary>Where a running <see cref="DialStep"/> is.</summary>
internal enum DialStage
{
    /// <summary>The targets ring; the caller hears the hold prompt, if any.</summary>
    Ringing,

    /// <summary>A target answered and hears the greeting; the caller still hears the hold prompt.</summary>
    Greeting,

    /// <summary>The caller and the target are bridged.</summary>
    Connected,

    /// <summary>The bridge is down; the party recordings are being stored before the result goes out.</summary>
    Storing,

    /// <summary>The dial has its result.</summary>
    Over,
}
