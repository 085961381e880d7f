using BenchmarkDotNet.Attributes;
using Slipway.Core.Runtime.Tasks.Files;

namespace Slipway.Benchmarks;

/// <summary>
/// The file tasks against their physical limit: CopyFiles@2 (pattern matching + copy) of 1,000 small
/// files next to a bare enumerate-and-File.Copy loop of the same files (the baseline), and matching
/// task-lib pattern lists against 10,000 paths without touching the disk.
/// </summary>
[MemoryDiagnoser]
public class TaskFileBenchmarks
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "slipway-bench-files-" + Environment.ProcessId);
    private List<string> _paths = [];

    private string Source => Path.Combine(_root, "src");

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < 1000; i++)
        {
            var file = Path.Combine(Source, $"dir{i % 20}", $"sub{i % 7}", $"file{i}.{(i % 3 == 0 ? "dll" : "txt")}");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, new string('x', 512));
        }

        _paths = [.. Enumerable.Range(0, 10_000).Select(i => $"/repo/src/dir{i % 50}/sub{i % 9}/file{i}.{(i % 4 == 0 ? "dll" : "cs")}")];
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true, Description = "bare File.Copy of 1,000 files")]
    public int BareCopy()
    {
        var target = Path.Combine(_root, "bare");
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to, overwrite: true);
            count++;
        }

        return count;
    }

    [Benchmark(Description = "CopyFiles@2 of 1,000 files (Contents **)")]
    public int CopyFiles() =>
        FileCopier.Copy(new CopyOptions { SourceFolder = Source, TargetFolder = Path.Combine(_root, "copy"), OverWrite = true }).Copied;

    [Benchmark(Description = "match 10,000 paths: **/*.dll, !**/sub3/**")]
    public int MatchPatterns() => FileMatcher.Match(_paths, "/repo/src", ["**/*.dll", "!**/sub3/**"]).Count;
}
