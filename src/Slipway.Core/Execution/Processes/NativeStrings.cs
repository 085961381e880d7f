using System.Runtime.InteropServices;

namespace Slipway.Core.Execution.Processes;

/// <summary>NUL-terminated UTF-8 copies of strings for a native call (argv, envp, paths), freed together.</summary>
internal sealed class NativeStrings : IDisposable
{
    private readonly List<IntPtr> _allocated = [];

    public IntPtr Add(string value)
    {
        var pointer = Marshal.StringToCoTaskMemUTF8(value);
        _allocated.Add(pointer);
        return pointer;
    }

    /// <summary>A NULL-terminated array of string pointers (the shape of argv and envp).</summary>
    public IntPtr[] Array(IEnumerable<string> values) => [.. values.Select(Add), IntPtr.Zero];

    public void Dispose()
    {
        foreach (var pointer in _allocated)
        {
            Marshal.FreeCoTaskMem(pointer);
        }

        _allocated.Clear();
    }
}
