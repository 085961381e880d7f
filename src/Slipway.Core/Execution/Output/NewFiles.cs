using System.Text;

namespace Slipway.Core.Execution.Output;

/// <summary>
/// Creates the files a run makes fresh for every step (logs, scripts, file-command files) without
/// truncating: .NET's <see cref="FileMode.Create"/> opens and then truncates, and on ext4 a truncated
/// file is written back to disk when it is closed (its "replace by truncate" safeguard), which made
/// every step wait for the disk. A file that exists already is replaced as before. The new file is opened
/// with a plain <c>open(2)</c> (<see cref="NewFileInterop"/>): nothing else locks these files.
/// </summary>
internal static class NewFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static FileStream Open(string path, FileShare share = FileShare.Read, int bufferSize = 1)
    {
        if (NewFileInterop.TryCreateNew(path) is { } handle)
        {
            return new FileStream(handle, FileAccess.Write, bufferSize);
        }

        try
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, share, bufferSize);
        }
        catch (IOException) when (File.Exists(path))
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, share, bufferSize);
        }
    }

    /// <summary>Creates an empty file (replacing one that exists).</summary>
    public static void Touch(string path)
    {
        if (NewFileInterop.TryCreateNew(path) is { } handle)
        {
            handle.Dispose();
            return;
        }

        Open(path, FileShare.ReadWrite).Dispose();
    }

    /// <summary>Writes the text as UTF-8 without a byte order mark.</summary>
    public static void Write(string path, string contents) => Write(path, Utf8NoBom.GetBytes(contents));

    public static void Write(string path, ReadOnlySpan<byte> contents)
    {
        using var stream = Open(path, FileShare.None);
        stream.Write(contents);
    }
}
