namespace Slipway.Core.Runtime.Tasks.Archives;

internal enum ArchiveFormat
{
    Zip,
    Tar,
    TarGz,
}

internal static class ArchiveFormats
{
    /// <summary>The format of <c>ArchiveFiles@2</c> inputs <c>archiveType</c> + <c>tarCompression</c>; null when
    /// the combination is not supported here (7z, wim, bz2, xz need external tools Slipway does not ship).</summary>
    public static ArchiveFormat? FromInputs(string? archiveType, string? tarCompression)
    {
        var type = string.IsNullOrWhiteSpace(archiveType) ? "zip" : archiveType.Trim().ToLowerInvariant();
        var compression = string.IsNullOrWhiteSpace(tarCompression) ? "gz" : tarCompression.Trim().ToLowerInvariant();
        return (type, compression) switch
        {
            ("zip", _) => ArchiveFormat.Zip,
            ("tar", "none") => ArchiveFormat.Tar,
            ("tar", "gz") => ArchiveFormat.TarGz,
            _ => null,
        };
    }

    /// <summary>The format of a file by its name, as <c>ExtractFiles@1</c> picks the extractor.</summary>
    public static ArchiveFormat? FromFileName(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".zip", StringComparison.Ordinal) || name.EndsWith(".jar", StringComparison.Ordinal)
            || name.EndsWith(".war", StringComparison.Ordinal) || name.EndsWith(".ear", StringComparison.Ordinal)
            || name.EndsWith(".nupkg", StringComparison.Ordinal))
        {
            return ArchiveFormat.Zip;
        }

        if (name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal))
        {
            return ArchiveFormat.TarGz;
        }

        return name.EndsWith(".tar", StringComparison.Ordinal) ? ArchiveFormat.Tar : null;
    }
}
