using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Core.Diagnostics;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.Repositories;
using Codes = Slipway.Core.Runtime.GitHub.Triggers.TriggerDiagnosticCodes;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>
/// Builds the event of a local run (<c>--event</c>, <c>--payload</c>, <c>--base</c>) from the repository's git
/// state: <c>push</c> and <c>pull_request</c> get the payload fields workflows read, other events a minimal
/// payload; a <c>--payload</c> file is merged over what git gives (its values win, also for the ref).
/// </summary>
internal static class TriggeringEvents
{
    public static Evaluated<TriggeringEvent> Build(EventRequest request) => Build(request, GitCli.FromCurrentProcess());

    public static Evaluated<TriggeringEvent> Build(EventRequest request, GitCli gitCli)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Build(request, ReadRepository(request.RepositoryRoot, gitCli, request.EventName == EventNames.Push), gitCli);
    }

    /// <summary>
    /// What git says about the repository an event is about (the commit, user, origin and default branch). It
    /// depends only on the folder, so a caller can read it while it reads the workflows.
    /// </summary>
    /// <param name="forPush">Also read HEAD's commit and changes (<see cref="EventRepository.Head"/>), which only a push uses:
    /// in the reader's own <c>git log</c>, no process more.</param>
    public static EventRepository ReadRepository(string repositoryRoot, GitCli gitCli, bool forPush = true)
    {
        ArgumentNullException.ThrowIfNull(gitCli);
        // The default branch needs only the work tree's root: its git process runs beside the reader's two.
        var root = RepositoryReader.FindWorkTreeRoot(Path.GetFullPath(repositoryRoot));
        var defaultBranch = root is null ? Task.FromResult<string?>(null) : Task.Run(() => new EventGit(gitCli, root).DefaultBranch());
        var reader = new RepositoryReader(gitCli);
        var (info, head) = forPush ? reader.ReadWithHead(repositoryRoot) : (reader.Read(repositoryRoot), null);
        var repository = EventRepository.Read(info, defaultBranch.GetAwaiter().GetResult(), gitCli.Environment);
        // HEAD's changes make a push from its parent (the usual event); not for a merge (git log lists no changes for one).
        return head is { Parents.Count: <= 1 } && info.SourceVersion.Length > 0
            ? repository with { Head = GitCommit.FromHead(info, head) }
            : repository;
    }

    /// <summary>Builds the event from a repository read with <see cref="ReadRepository"/>.</summary>
    public static Evaluated<TriggeringEvent> Build(EventRequest request, EventRepository repo, GitCli gitCli)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(gitCli);
        if (CheckName(request.EventName) is { } nameError)
        {
            return nameError;
        }

        var userPayload = new JsonObject();
        if (request.PayloadFile is { } file)
        {
            var read = PayloadFile.Read(file);
            if (!read.IsSuccess)
            {
                return read.Error;
            }

            userPayload = read.Value;
        }

        var info = repo.Info;
        var git = new EventGit(gitCli, info.Root);
        string? baseSha = null;
        if (request.BaseRef is { } baseRef && info.IsGitRepository && (baseSha = git.Resolve(baseRef)) is null)
        {
            return Error(Codes.BaseNotFound, $"--base '{baseRef}' is not a commit git can find in '{info.Root}' (use a branch, tag or commit id; fetch it first if it is only on a remote).");
        }

        var built = Build(request, repo, git, baseSha, userPayload);
        if (!built.IsSuccess)
        {
            return built;
        }

        PayloadFile.MergeInto(built.Value.Payload, userPayload);
        return EventOverrides.Apply(built.Value);
    }

    private static Evaluated<TriggeringEvent> Build(EventRequest request, EventRepository repo, EventGit git, string? baseSha, JsonObject userPayload)
    {
        var name = request.EventName;
        var hasCommit = repo.Info.IsGitRepository && repo.Info.SourceVersion.Length > 0;
        if (name == EventNames.Push || EventNames.IsPullRequest(name))
        {
            if (!hasCommit)
            {
                return WithoutGit(name, repo, request, userPayload);
            }

            if (name == EventNames.Push)
            {
                return PushEvent.Build(repo, git, baseSha);
            }

            var baseBranch = request.BaseRef is { } given ? BranchName(given) : repo.DefaultBranch;
            baseSha ??= baseBranch is null ? null : git.Resolve(baseBranch);
            if (baseBranch is null || baseSha is null)
            {
                return Error(Codes.NoBaseBranch,
                    $"The {name} event needs a base branch: pass --base REF (there is no origin/HEAD, and neither 'main' nor 'master' exists in '{repo.Info.Root}').");
            }

            return PullRequestEvent.Build(name, repo, git, baseBranch, baseSha, EventOverrides.PullRequestNumber(userPayload) ?? PullRequestEvent.DefaultNumber);
        }

        return OtherEvent(name, repo);
    }

    /// <summary>Any other event: the current ref and commit, and the repository and sender every payload has.</summary>
    private static TriggeringEvent OtherEvent(string name, EventRepository repo)
    {
        var reference = repo.Info.SourceVersion.Length == 0 ? string.Empty : PushEvent.CurrentRef(repo.Info);
        var payload = new JsonObject { ["repository"] = repo.Repository(), ["sender"] = repo.Sender() };
        if (name == EventNames.WorkflowDispatch)
        {
            payload["ref"] = reference;
            payload["inputs"] = new JsonObject();
        }

        return new TriggeringEvent
        {
            Name = name,
            Payload = payload,
            Ref = reference,
            Sha = repo.Info.SourceVersion,
            Actor = repo.Actor,
            Repository = repo.FullName,
        };
    }

    /// <summary>
    /// A push or pull request in a folder git cannot read (not a repository, no commit, git missing): no branch,
    /// commit or changed files, and a warning that says why (so branch and path filters cannot match).
    /// </summary>
    private static TriggeringEvent WithoutGit(string name, EventRepository repo, EventRequest request, JsonObject userPayload)
    {
        var why = repo.Info.Warnings.Count > 0 ? repo.Info.Warnings[0].Message : $"'{repo.Info.Root}' has no commit.";
        var warning = Diagnostic.Warning(Codes.NoCommits, $"The {name} event has no branch, commit or changed files: {why}", SourceLocation.None);
        var e = OtherEvent(name, repo) with { Warnings = [warning] };
        if (!EventNames.IsPullRequest(name))
        {
            return e;
        }

        var number = EventOverrides.PullRequestNumber(userPayload) ?? PullRequestEvent.DefaultNumber;
        e.Payload["action"] = "opened";
        e.Payload["number"] = number;
        return e with { Ref = PullRequestEvent.MergeRef(number), BaseRef = request.BaseRef is { } given ? BranchName(given) : string.Empty };
    }

    private static Diagnostic? CheckName(string name)
    {
        if (name == EventNames.WorkflowCall)
        {
            return Error(Codes.NotTopLevelEvent, "'workflow_call' is not an event a run starts with: a workflow_call workflow runs when another workflow calls it with 'uses:'.");
        }

        return EventNames.IsKnown(name) ? null
            : Error(Codes.UnknownEvent, $"Unknown event '{name}'. Valid events: {string.Join(", ", EventNames.All.Where(n => n != EventNames.WorkflowCall))}.");
    }

    /// <summary><c>main</c> from <c>main</c>, <c>refs/heads/main</c>, <c>origin/main</c> or <c>refs/remotes/origin/main</c>.</summary>
    public static string BranchName(string reference)
    {
        foreach (var prefix in new[] { "refs/heads/", "refs/remotes/origin/", "origin/" })
        {
            if (reference.StartsWith(prefix, StringComparison.Ordinal))
            {
                return reference[prefix.Length..];
            }
        }

        return reference;
    }

    private static Diagnostic Error(string code, string message) => Diagnostic.Error(code, message, SourceLocation.None);
}
