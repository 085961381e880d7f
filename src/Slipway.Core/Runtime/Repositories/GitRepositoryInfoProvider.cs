using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime.Repositories;

/// <summary>
/// The runtime's <see cref="IRepositoryInfoProvider"/> backed by git (<see cref="RepositoryReader"/>).
/// <see cref="Last"/> keeps the full information (tag, id, warnings) of the last read for callers that want more.
/// </summary>
internal sealed class GitRepositoryInfoProvider : IRepositoryInfoProvider
{
    private readonly RepositoryReader _reader;

    public GitRepositoryInfoProvider(RepositoryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
    }

    public GitRepositoryInfoProvider()
        : this(new RepositoryReader(GitCli.FromCurrentProcess()))
    {
    }

    /// <summary>The last repository read (null before the first call).</summary>
    public GitRepositoryInfo? Last { get; private set; }

    public RepositoryInfo Read(string repositoryRoot)
    {
        var info = _reader.Read(repositoryRoot);
        Last = info;
        return ToRuntime(info);
    }

    public static RepositoryInfo ToRuntime(GitRepositoryInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new RepositoryInfo
        {
            Name = info.Name,
            Uri = info.Uri,
            Provider = info.Provider,
            SourceVersion = info.SourceVersion,
            SourceBranch = info.SourceBranch,
            CommitMessage = info.SourceVersionMessage,
            RequestedFor = info.RequestedFor,
            RequestedForEmail = info.RequestedForEmail,
            Warnings = info.Warnings,
        };
    }
}
