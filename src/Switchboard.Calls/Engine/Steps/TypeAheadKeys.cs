using System.Text;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>Keys pressed while no gather listens, kept in order for the next one. Loop only.</summary>
internal sealed class TypeAheadKeys
{
    private readonly StringBuilder _keys = new();

    public void Keep(char key) => _keys.Append(key);

    /// <summary>Takes every key kept.</summary>
    public string TakeAll()
    {
        var kept = _keys.ToString();
        _keys.Clear();
        return kept;
    }

    /// <summary>Gives back keys a gather did not need; they stay first in line for the next one.</summary>
    public void GiveBack(ReadOnlySpan<char> keys) => _keys.Insert(0, keys);
}
