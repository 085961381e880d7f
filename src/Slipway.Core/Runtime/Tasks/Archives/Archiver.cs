using System.Formats.Tar;
using System.IO.Compression;

namespace Slipway.Core.Runtime.Tasks.Archives;

/// <summary>
/// Writes and reads zip (System.IO.Compression) and tar / tar.gz (System.Formats.Tar) archives the
/// way <c>ArchiveFiles@2</c> and <c>ExtractFiles@1</c> lay them out. Entry names use forward slashes.
/// </summary>
internal static class Archiver
{
    /// <summary>Archives a folder or a single file. With <paramref name="includeRootFolder"/> every entry
    /// starts with the folder's own name; a single file is always stored under its own name.</summary>
    public static int Create(string rootFolderOrFile, bool includeRootFolder, ArchiveFormat format, string archiveFile)
    {
        var entries = Entries(rootFolderOrFile, includeRootFolder).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(archiveFile))!);
        using var output = new FileStream(archiveFile, FileMode.Create, FileAccess.Write, FileShare.None);
        if (format == ArchiveFormat.Zip)
        {
            using var zip = new ZipArchive(output, ZipArchiveMode.Create);
            foreach (var (path, name) in entries)
            {
                if (Directory.Exists(path))
                {
                    zip.CreateEntry(name + "/");
                }
                else
                {
                    zip.CreateEntryFromFile(path, name, CompressionLevel.Optimal);
                }
            }
        }
        else
        {
            using Stream stream = format == ArchiveFormat.TarGz ? new GZipStream(output, CompressionLevel.Optimal) : output;
            using var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: false);
            foreach (var (path, name) in entries)
            {
                tar.WriteEntry(path, Directory.Exists(path) ? name + "/" : name);
            }
        }

        return entries.Count;
    }

    /// <summary>Extracts into <paramref name="destination"/>; entries that would land outside it are refused.</summary>
    public static void Extract(string archiveFile, ArchiveFormat format, string destination, bool overwrite)
    {
        Directory.CreateDirectory(destination);
        if (format == ArchiveFormat.Zip)
        {
            ZipFile.ExtractToDirectory(archiveFile, destination, overwrite);
            return;
        }

        using var input = File.OpenRead(archiveFile);
        using Stream stream = format == ArchiveFormat.TarGz ? new GZipStream(input, CompressionMode.Decompress) : input;
        TarFile.ExtractToDirectory(stream, destination, overwrite);
    }

    private static IEnumerable<(string Path, string Name)> Entries(string root, bool includeRootFolder)
    {
        if (File.Exists(root))
        {
            yield return (root, Path.GetFileName(root));
            yield break;
        }

        var full = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var prefix = includeRootFolder ? Path.GetFileName(full) + "/" : string.Empty;
        if (includeRootFolder)
        {
            yield return (full, Path.GetFileName(full));
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        foreach (var entry in Directory.EnumerateFileSystemEntries(full, "*", options).Order(StringComparer.Ordinal))
        {
            yield return (entry, prefix + Path.GetRelativePath(full, entry).Replace('\\', '/'));
        }
    }
}
