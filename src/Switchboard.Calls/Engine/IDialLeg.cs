using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Engine;

/// <summary>A call placed by a <c>dial</c>, as the dialling call sees it.</summary>
internal interface IDialLeg
{
    string Sid { get; }

    /// <summary>The leg's media, to be bridged once it answers.</summary>
    MediaSession? Media { get; }

    void RequestHangup(string reason);

    /// <summary>Tells the leg's peer how the transfer it asked for (<see cref="IDialLegObserver.OnLegReferred"/>) ended.</summary>
    void AnswerTransfer(uint sequence, bool accepted);

    /// <summary>Lets the answered leg leave the dial and run <paramref name="script"/> as a call of its own (jambonz <c>child_call_hook</c>).</summary>
    void Adopt(Scripts.IScriptSource script);
}
