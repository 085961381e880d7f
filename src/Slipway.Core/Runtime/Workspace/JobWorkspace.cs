namespace Slipway.Core.Runtime.Workspace;

/// <summary>
/// A job's folders, laid out as the agent lays them out under its work folder:
/// <c>.slipway/runs/&lt;run&gt;/work/&lt;n&gt;/</c> = <c>$(Pipeline.Workspace)</c> with <c>s/</c>, <c>a/</c>, <c>b/</c>, <c>TestResults/</c>.
/// All paths are absolute and exist when a step starts.
/// </summary>
internal sealed record JobWorkspace
{
    /// <summary><c>Pipeline.Workspace</c> / <c>Agent.BuildDirectory</c>.</summary>
    public required string PipelineWorkspace { get; init; }

    /// <summary><c>Build.SourcesDirectory</c> (<c>s/</c>): where <c>checkout: self</c> puts the repository.</summary>
    public required string SourcesDirectory { get; init; }

    /// <summary><c>Build.ArtifactStagingDirectory</c> (<c>a/</c>).</summary>
    public required string ArtifactStagingDirectory { get; init; }

    /// <summary><c>Build.BinariesDirectory</c> (<c>b/</c>).</summary>
    public required string BinariesDirectory { get; init; }

    /// <summary><c>Common.TestResultsDirectory</c> (<c>TestResults/</c>).</summary>
    public required string TestResultsDirectory { get; init; }

    /// <summary><c>Agent.TempDirectory</c>: cleaned after every job.</summary>
    public required string TempDirectory { get; init; }

    /// <summary>Whether the temp and tools folders come from the run (<see cref="RunFolders"/>), made there rather than with the job's folders.</summary>
    public bool UsesRunFolders { get; init; }

    /// <summary><c>Agent.ToolsDirectory</c>: shared by every job of the machine.</summary>
    public required string ToolsDirectory { get; init; }

    /// <summary>The local repository the pipeline file belongs to (what <c>checkout: self</c> copies).</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>A job's folders under <paramref name="pipelineWorkspace"/>; with <paramref name="runTemp"/> (from <see cref="RunFolders"/>)
    /// the temp folder is that one and the tools folder is made by the run, else both are made with the job's.</summary>
    public static JobWorkspace Create(string pipelineWorkspace, string toolsDirectory, string repositoryRoot, string? runTemp = null) => new()
    {
        PipelineWorkspace = pipelineWorkspace,
        SourcesDirectory = Path.Combine(pipelineWorkspace, "s"),
        ArtifactStagingDirectory = Path.Combine(pipelineWorkspace, "a"),
        BinariesDirectory = Path.Combine(pipelineWorkspace, "b"),
        TestResultsDirectory = Path.Combine(pipelineWorkspace, "TestResults"),
        TempDirectory = runTemp ?? Path.Combine(pipelineWorkspace, "_temp"),
        UsesRunFolders = runTemp is not null,
        ToolsDirectory = toolsDirectory,
        RepositoryRoot = repositoryRoot,
    };

    public void CreateDirectories()
    {
        // The job folder first: then each folder below it is one mkdir (CreateDirectory walks up from a missing parent).
        foreach (var dir in new[] { PipelineWorkspace, SourcesDirectory, ArtifactStagingDirectory, BinariesDirectory, TestResultsDirectory })
        {
            Directory.CreateDirectory(dir);
        }

        if (!UsesRunFolders)
        {
            Directory.CreateDirectory(TempDirectory);
            Directory.CreateDirectory(ToolsDirectory);
        }
    }
}
