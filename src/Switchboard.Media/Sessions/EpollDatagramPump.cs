using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Sessions;

/// <summary>
/// One thread receiving for every RTP and RTCP socket of an engine on Linux: epoll (level-triggered, EPOLLIN
/// only) and non-blocking recvfrom into one pinned buffer, the source written straight into a reused
/// <see cref="SocketAddress"/> (its buffer is the native sockaddr). Why not .NET's async sockets: they
/// register each socket for EPOLLOUT too, edge-triggered, so every packet the media clock sends wakes the
/// socket engine and a pool thread; at thousands of streams that cost more than sending itself. Here a send
/// wakes nothing, and a received packet costs one recvfrom with no task, state machine or thread hop.
/// </summary>
internal sealed unsafe class EpollDatagramPump : IDatagramPump
{
    private const int MaxEvents = 256;
    private const int BufferSize = 2048;
    private const int WaitMilliseconds = 100;

    private readonly ILogger _logger;
    private readonly int _epoll;
    private readonly Thread _thread;
    private readonly Lock _gate = new();
    private readonly List<Slot?> _slots = [];
    private readonly Stack<int> _free = new();
    private readonly byte* _events;
    private readonly byte[] _buffer = GC.AllocateArray<byte>(BufferSize, pinned: true);
    private readonly SocketAddress _v4 = new(AddressFamily.InterNetwork);
    private readonly SocketAddress _v6 = new(AddressFamily.InterNetworkV6);
    private volatile bool _stopping;

    public EpollDatagramPump(ILogger logger)
    {
        _logger = logger;
        _epoll = LinuxInterop.EpollCreate(LinuxInterop.EpollCloexec);
        if (_epoll < 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }

        _events = (byte*)NativeMemory.AllocZeroed((nuint)(MaxEvents * LinuxInterop.EpollEventSize));
        _thread = new Thread(Run) { IsBackground = true, Name = "Switchboard media receive", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public static bool IsSupported => OperatingSystem.IsLinux();

    public IAsyncDisposable Register(Socket socket, IDatagramHandler handler, int localPort)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);

            // Held until unregistered, so the descriptor cannot be closed (and its number reused) under a read.
            var added = false;
            socket.SafeHandle.DangerousAddRef(ref added);
            var fd = (int)socket.SafeHandle.DangerousGetHandle();
            var id = _free.Count > 0 ? _free.Pop() : Add();
            var slot = new Slot(socket, fd, handler, localPort);
            _slots[id] = slot;
            if (Control(LinuxInterop.EpollCtlAdd, fd, id) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                _slots[id] = null;
                _free.Push(id);
                socket.SafeHandle.DangerousRelease();
                throw new SocketException(error);
            }

            return new Registration(this, id, slot);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
        }

        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }

        lock (_gate)
        {
            for (var id = 0; id < _slots.Count; id++)
            {
                Remove(id, _slots[id]);
            }
        }

        LinuxInterop.Close(_epoll);
        NativeMemory.Free(_events);
    }

    private int Add()
    {
        _slots.Add(null);
        return _slots.Count - 1;
    }

    private int Control(int operation, int fd, int id)
    {
        var epollEvent = stackalloc byte[16];
        *(uint*)epollEvent = LinuxInterop.EpollIn;
        *(ulong*)(epollEvent + LinuxInterop.EpollDataOffset) = (ulong)id;
        return LinuxInterop.EpollCtl(_epoll, operation, fd, epollEvent);
    }

    /// <summary>Under the gate: after this, no batch touches the slot and its socket may close.</summary>
    private void Remove(int id, Slot? slot)
    {
        if (slot is null || _slots[id] != slot)
        {
            return;
        }

        Control(LinuxInterop.EpollCtlDel, slot.Fd, id);
        _slots[id] = null;
        _free.Push(id);
        slot.Socket.SafeHandle.DangerousRelease();
    }

    private void Run()
    {
        while (!_stopping)
        {
            var count = LinuxInterop.EpollWait(_epoll, _events, MaxEvents, WaitMilliseconds);
            if (count < 0)
            {
                if (Marshal.GetLastPInvokeError() != LinuxInterop.EIntr)
                {
                    Log.PumpFailed(_logger, Marshal.GetLastPInvokeError());
                    Thread.Sleep(WaitMilliseconds);
                }

                continue;
            }

            // One lock per batch, not per packet: removal waits for the batch, so a handler never runs
            // after its registration is gone and a closed descriptor is never read.
            lock (_gate)
            {
                for (var i = 0; i < count; i++)
                {
                    var id = (int)*(ulong*)(_events + (i * LinuxInterop.EpollEventSize) + LinuxInterop.EpollDataOffset);
                    if (id < _slots.Count && _slots[id] is { } slot)
                    {
                        Drain(slot);
                    }
                }
            }
        }
    }

    private void Drain(Slot slot)
    {
        var address = slot.Socket.AddressFamily == AddressFamily.InterNetworkV6 ? _v6 : _v4;
        var capacity = address.Family == AddressFamily.InterNetworkV6 ? 28 : 16;
        fixed (byte* buffer = _buffer)
        {
            // A bounded number of datagrams per wake-up, so one flooded socket cannot starve the others.
            for (var n = 0; n < 64; n++)
            {
                address.Size = capacity;
                var length = (uint)capacity;
                nint received;
                fixed (byte* source = address.Buffer.Span)
                {
                    received = LinuxInterop.ReceiveFrom(slot.Fd, buffer, BufferSize, LinuxInterop.MsgDontWait, source, &length);
                }

                if (received < 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error is LinuxInterop.EAgain or LinuxInterop.EIntr)
                    {
                        return;
                    }

                    // ICMP errors for earlier sends (ECONNREFUSED...) are reported once; the stream goes on.
                    slot.Handler.OnBadDatagram();
                    continue;
                }

                address.Size = (int)length;
                try
                {
                    slot.Handler.Handle(_buffer.AsSpan(0, (int)received), address);
                }
                catch (Exception exception)
                {
                    // One session's bug must not stop every other session's receive.
                    Log.ReceiveFailed(_logger, slot.LocalPort, exception);
                }
            }
        }
    }

    private sealed record Slot(Socket Socket, int Fd, IDatagramHandler Handler, int LocalPort);

    private sealed class Registration(EpollDatagramPump pump, int id, Slot slot) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lock (pump._gate)
            {
                pump.Remove(id, slot);
            }

            return ValueTask.CompletedTask;
        }
    }
}
