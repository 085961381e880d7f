using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

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

    /// <summary>
    /// envp: <c>NAME=value</c> strings, all in one native block (a step's environment is ~100 variables;
    /// one string and one native allocation per variable was most of what starting a process allocated).
    /// </summary>
    public IntPtr[] Environment(IEnumerable<KeyValuePair<string, string>> variables)
    {
        var list = variables as IReadOnlyCollection<KeyValuePair<string, string>> ?? [.. variables];
        var size = 0;
        foreach (var (name, value) in list)
        {
            size += Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value) + 2;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
        try
        {
            var offsets = new int[list.Count];
            var at = 0;
            var i = 0;
            foreach (var (name, value) in list)
            {
                offsets[i++] = at;
                at += Encoding.UTF8.GetBytes(name, bytes.AsSpan(at));
                bytes[at++] = (byte)'=';
                at += Encoding.UTF8.GetBytes(value, bytes.AsSpan(at));
                bytes[at++] = 0;
            }

            var block = Marshal.AllocCoTaskMem(Math.Max(size, 1));
            _allocated.Add(block);
            Marshal.Copy(bytes, 0, block, size);
            var pointers = new IntPtr[offsets.Length + 1];
            for (var j = 0; j < offsets.Length; j++)
            {
                pointers[j] = block + offsets[j];
            }

            return pointers; // the last stays IntPtr.Zero
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public void Dispose()
    {
        foreach (var pointer in _allocated)
        {
            Marshal.FreeCoTaskMem(pointer);
        }

        _allocated.Clear();
    }
}
