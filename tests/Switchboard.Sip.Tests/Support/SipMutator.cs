using System.Text;

namespace Switchboard.Sip.Tests.Support;

/// <summary>
/// Derives malformed SIP messages from valid seeds, deterministically from the given <see cref="Random"/>, so a
/// fuzz failure reproduces from its iteration number alone.
/// </summary>
sealed class SipMutator(Random random)
{
    private static readonly byte[] Interesting = "\r\n:;,<>\"@ \t=%\0\u00ff"u8.ToArray();

    public byte[] Mutate(byte[] seed)
    {
        var data = new List<byte>(seed);
        var rounds = random.Next(1, 4);
        for (var i = 0; i < rounds; i++)
        {
            Apply(data, random.Next(8));
        }

        return [.. data];
    }

    private void Apply(List<byte> data, int operation)
    {
        switch (operation)
        {
            case 0 when data.Count > 0:
                var index = random.Next(data.Count);
                data[index] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                var value = random.Next(2) == 0 ? Interesting[random.Next(Interesting.Length)] : (byte)random.Next(256);
                data.Insert(random.Next(data.Count + 1), value);
                break;
            case 2 when data.Count > 0:
                var start = random.Next(data.Count);
                data.RemoveRange(start, Math.Min(random.Next(1, 16), data.Count - start));
                break;
            case 3:
                var keep = random.Next(data.Count + 1);
                data.RemoveRange(keep, data.Count - keep);
                break;
            case 4:
                DuplicateHeaderLine(data);
                break;
            case 5:
                ReplaceContentLength(data);
                break;
            case 6:
                var count = random.Next(1, 64);
                var position = random.Next(data.Count + 1);
                var noise = new byte[count];
                random.NextBytes(noise);
                data.InsertRange(position, noise);
                break;
            default:
                var from = random.Next(data.Count + 1);
                var length = Math.Min(random.Next(1, 32), data.Count - from);
                var copy = data.GetRange(from, length);
                data.InsertRange(random.Next(data.Count + 1), copy);
                break;
        }
    }

    /// <summary>Repeats one header line, sometimes hundreds of times, to exercise the header-count bound.</summary>
    private void DuplicateHeaderLine(List<byte> data)
    {
        var lines = LineStarts(data);
        if (lines.Count < 3)
        {
            return;
        }

        var pick = random.Next(1, lines.Count - 1);
        var line = data.GetRange(lines[pick], lines[pick + 1] - lines[pick]);
        var copies = random.Next(4) == 0 ? random.Next(200, 400) : random.Next(1, 4);
        for (var i = 0; i < copies; i++)
        {
            data.InsertRange(lines[pick], line);
        }
    }

    private void ReplaceContentLength(List<byte> data)
    {
        string[] lengths = ["99999999999999999999", "2147483647", "2147483648", "-1", "65537", "0", "1", " 3 ", "0x10", ""];
        var header = Encoding.ASCII.GetBytes("Content-Length: " + lengths[random.Next(lengths.Length)] + "\r\n");
        var lines = LineStarts(data);
        data.InsertRange(lines[random.Next(Math.Min(1, lines.Count - 1), lines.Count)], header);
    }

    private static List<int> LineStarts(List<byte> data)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        if (starts[^1] != data.Count)
        {
            starts.Add(data.Count);
        }

        return starts;
    }
}
