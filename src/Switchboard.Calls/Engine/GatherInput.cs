using System.Text;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine;

/// <summary>The keys of one running gather, and which key ends it (timeouts are the runner's).</summary>
internal sealed class GatherInput(GatherVerb verb)
{
    private readonly StringBuilder _digits = new();

    public GatherVerb Verb => verb;

    /// <summary>The keys so far, without the terminating key.</summary>
    public string Digits => _digits.ToString();

    /// <summary>Takes one key; returns why input ended, or null while it goes on.</summary>
    public GatherEndReason? Accept(char key)
    {
        if (key == verb.FinishOnKey)
        {
            return GatherEndReason.Terminator;
        }

        _digits.Append(key);
        return _digits.Length >= verb.MaxDigits ? GatherEndReason.MaxDigits : null;
    }
}
