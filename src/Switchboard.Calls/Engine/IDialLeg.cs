using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Engine;

/// <summary>A call placed by a <c>dial</c>, as the dialling call sees it.</summary>
internal interface IDialLeg
{
    string Sid { get; }

    /// <summary>The leg's media, to be bridged once it answers.</summary>
    MediaSession? Media { get; }

    void RequestHangup(string reason);
}
