using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime;
using Slipway.Core.Runtime.Checkout;
using Slipway.Core.Runtime.Repositories;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Workspace;
using Slipway.Core.Tests.Pipelines;

namespace Slipway.Core.Tests.Runtime.Checkout;

/// <summary>The <c>checkout</c> step handler end to end: a compiled pipeline, real repositories, the job's checkout steps in order.</summary>
[Collection(GitFixture.Collection)]
public sealed class CheckoutStepHandlerTests : IDisposable
{
    private readonly GitFixture _git = new();
    private readonly StepContextFakes _fakes = new();

    public void Dispose() => _git.Dispose();

    private async Task<(List<StepOutcome> Outcomes, JobWorkspace Workspace)> RunCheckoutsAsync(
        string app, string yaml, Dictionary<string, string>? repos = null, bool dirty = false)
    {
        var compiled = Azure.Compile(yaml, app);
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        var plan = compiled.Plan!;
        var workspace = JobWorkspace.Create(Path.Combine(app, ".slipway", "runs", "1", "work", "1"), Path.Combine(_git.Root, "tools"), app);
        workspace.CreateDirectories();
        var options = new RunOptions
        {
            RepositoryRoot = app,
            Dirty = dirty,
            RepositoryPaths = repos ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        };
        var repository = new GitRepositoryInfoProvider(new RepositoryReader(_git.Git)).Read(app);
        var outcomes = new List<StepOutcome>();
        foreach (var step in plan.AllJobs.Single().Steps.Where(s => s.Keyword == "checkout"))
        {
            var context = StepContextFakes.Create(_fakes, plan, step, workspace, repository, options, _git.Environment);
            outcomes.Add(await new CheckoutStepHandler().RunAsync(context, CancellationToken.None));
        }

        return (outcomes, workspace);
    }

    [Fact]
    public async Task AZP_STEP_12_TheImplicitSingleCheckoutLandsInSAndMovesThePathVariables()
    {
        var app = _git.NewRepo("app", ("a.txt", "app file"), (".gitignore", ".slipway/\n"));

        var (outcomes, ws) = await RunCheckoutsAsync(app, "steps:\n- script: echo hi\n");

        Assert.Equal(RunResult.Succeeded, Assert.Single(outcomes).Result);
        Assert.Equal("app file", File.ReadAllText(Path.Combine(ws.SourcesDirectory, "a.txt")));
        Assert.Equal(ws.SourcesDirectory, _fakes.Variables.Get("Build.SourcesDirectory"));
        Assert.Equal(ws.SourcesDirectory, _fakes.Variables.Get("Build.Repository.LocalPath"));
        Assert.Equal(ws.SourcesDirectory, _fakes.Variables.Get("System.DefaultWorkingDirectory"));
    }

    [Fact]
    public async Task AZP_STEP_12_TwoCheckoutsGoToSSlashRepoNameAndTheResourceIsAtItsRef()
    {
        var app = _git.NewRepo("app", ("a.txt", "app"), (".gitignore", ".slipway/\n"));
        var tools = _git.NewRepo("tools-local", ("t.txt", "main version"));
        _git.Run(tools, "checkout", "--quiet", "-b", "release");
        GitFixture.Write(tools, ("t.txt", "release version"));
        var release = _git.Commit(tools, "release");
        _git.Run(tools, "checkout", "--quiet", "main");
        const string yaml = "resources:\n  repositories:\n  - repository: tools\n    type: git\n    name: Contoso/Tools\n    ref: refs/heads/release\n"
            + "steps:\n- checkout: self\n- checkout: tools\n";

        var (outcomes, ws) = await RunCheckoutsAsync(app, yaml, new(StringComparer.OrdinalIgnoreCase) { ["tools"] = tools });

        Assert.All(outcomes, o => Assert.Equal(RunResult.Succeeded, o.Result));
        var toolsCopy = Path.Combine(ws.SourcesDirectory, "Tools");
        Assert.Equal("app", File.ReadAllText(Path.Combine(ws.SourcesDirectory, "app", "a.txt")));
        Assert.Equal("release version", File.ReadAllText(Path.Combine(toolsCopy, "t.txt")));
        Assert.Equal(release, _git.Head(toolsCopy));
        Assert.Equal(Path.Combine(ws.SourcesDirectory, "app"), _fakes.Variables.Get("Build.Repository.LocalPath"));
        Assert.Null(_fakes.Variables.Get("Build.SourcesDirectory")); // stays $(Pipeline.Workspace)/s
    }

    [Fact]
    public async Task AZP_STEP_12_AResourceRefCanBeATagOrAShortBranchName()
    {
        var app = _git.NewRepo("app", ("a.txt", "app"), (".gitignore", ".slipway/\n"));
        var tools = _git.NewRepo("tools", ("t.txt", "v1"));
        _git.Run(tools, "tag", "v1");
        GitFixture.Write(tools, ("t.txt", "later"));
        _git.Commit(tools, "later");
        const string yaml = "resources:\n  repositories:\n  - repository: tools\n    type: git\n    name: tools\n    ref: refs/tags/v1\nsteps:\n- checkout: tools\n";

        var (outcomes, ws) = await RunCheckoutsAsync(app, yaml, new(StringComparer.OrdinalIgnoreCase) { ["tools"] = tools });

        Assert.Equal(RunResult.Succeeded, Assert.Single(outcomes).Result);
        Assert.Equal("v1", File.ReadAllText(Path.Combine(ws.SourcesDirectory, "t.txt"))); // the only checkout: s/
        Assert.Equal(ws.SourcesDirectory, _fakes.Variables.Get("Build.SourcesDirectory"));
    }

    [Fact]
    public async Task AZP_STEP_12_AMissingRepoMappingNamesTheAliasAndTheFlag()
    {
        var app = _git.NewRepo("app", ("a.txt", "app"));
        const string yaml = "resources:\n  repositories:\n  - repository: tools\n    type: git\n    name: Contoso/Tools\nsteps:\n- checkout: self\n- checkout: tools\n";

        var (outcomes, _) = await RunCheckoutsAsync(app, yaml);

        var failed = outcomes[1];
        Assert.Equal(RunResult.Failed, failed.Result);
        Assert.Contains("--repo tools=PATH", failed.Message, StringComparison.Ordinal);
        Assert.Contains(CheckoutDiagnosticCodes.RepositoryNotMapped, failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_STEP_11_CheckoutNoneChecksOutNothing()
    {
        var app = _git.NewRepo("app", ("a.txt", "app"));

        var (outcomes, ws) = await RunCheckoutsAsync(app, "steps:\n- checkout: none\n- script: echo\n");

        Assert.Equal(RunResult.Succeeded, Assert.Single(outcomes).Result);
        Assert.Empty(Directory.EnumerateFileSystemEntries(ws.SourcesDirectory));
        Assert.Null(_fakes.Variables.Get("Build.SourcesDirectory"));
    }

    [Fact]
    public async Task AZP_STEP_11_PathOutsideTheWorkspaceFails()
    {
        var app = _git.NewRepo("app", ("a.txt", "app"));

        var (outcomes, _) = await RunCheckoutsAsync(app, "steps:\n- checkout: self\n  path: ../../outside\n");

        Assert.Equal(RunResult.Failed, outcomes[0].Result);
        Assert.Contains(CheckoutDiagnosticCodes.PathOutsideWorkspace, outcomes[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_STEP_11_DirtyNeverCopiesTheRunFolderEvenWhenItIsNotIgnored()
    {
        var app = _git.NewRepo("app", ("a.txt", "committed"));
        GitFixture.Write(app, ("a.txt", "edited"), ("notes.txt", "untracked"));

        var (outcomes, ws) = await RunCheckoutsAsync(app, "steps:\n- checkout: self\n", dirty: true);

        Assert.Equal(RunResult.Succeeded, Assert.Single(outcomes).Result);
        Assert.Equal("edited", File.ReadAllText(Path.Combine(ws.SourcesDirectory, "a.txt")));
        Assert.Equal("untracked", File.ReadAllText(Path.Combine(ws.SourcesDirectory, "notes.txt")));
        Assert.False(Directory.Exists(Path.Combine(ws.SourcesDirectory, ".slipway")));
    }

    [Fact]
    public async Task AZP_STEP_11_UnsupportedInputsWarn()
    {
        var app = _git.NewRepo("app", ("a.txt", "app"), (".gitignore", ".slipway/\n"));

        var (outcomes, _) = await RunCheckoutsAsync(app, "steps:\n- checkout: self\n  fetchFilter: blob:none\n");

        Assert.Equal(RunResult.Succeeded, outcomes[0].Result);
        Assert.Contains(_fakes.Log.Lines, l => l.Contains(CheckoutDiagnosticCodes.UnsupportedInput, StringComparison.Ordinal) && l.Contains("fetchFilter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AZP_STEP_12_APathMovesTheReadOnlyPathVariables()
    {
        var app = _git.NewRepo("app", ("a.txt", "app"), (".gitignore", ".slipway/\n"));
        _fakes.Variables.ReadOnly.Add("Build.SourcesDirectory");

        var (outcomes, ws) = await RunCheckoutsAsync(app, "steps:\n- checkout: self\n  path: custom\n");

        Assert.Equal(RunResult.Succeeded, outcomes[0].Result);
        Assert.True(File.Exists(Path.Combine(ws.PipelineWorkspace, "custom", "a.txt")));
        Assert.Equal(Path.Combine(ws.PipelineWorkspace, "custom"), _fakes.Variables.Get("Build.Repository.LocalPath"));
        Assert.Equal(Path.Combine(ws.PipelineWorkspace, "custom"), _fakes.Variables.Get("Build.SourcesDirectory"));
        Assert.Equal(Path.Combine(ws.PipelineWorkspace, "custom"), _fakes.Variables.Get("System.DefaultWorkingDirectory"));
    }

    [Fact]
    public void AZP_VAR_80_ResourceRepositoryVariablesAndJobStartCheckoutVariables()
    {
        var app = _git.NewRepo("app", ("a.txt", "app"));
        var tools = _git.NewRepo("tools", ("t.txt", "v1"));
        _git.Run(tools, "tag", "v1");
        var v1 = _git.Head(tools);
        _git.Commit(tools, "later");
        const string yaml = "resources:\n  repositories:\n  - repository: tools\n    type: git\n    name: Contoso/Tools\n    ref: refs/tags/v1\n"
            + "  - repository: docs\n    type: github\n    name: Contoso/Docs\n    endpoint: gh\n"
            + "steps:\n- checkout: self\n  clean: true\n  submodules: recursive\n- checkout: tools\n";
        var plan = Azure.Compile(yaml, app).Plan!;
        var job = plan.AllJobs.Single();
        var repository = new GitRepositoryInfoProvider(new RepositoryReader(_git.Git)).Read(app);
        var options = new RunOptions
        {
            RepositoryRoot = app,
            RepositoryPaths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["tools"] = tools },
        };
        var workspace = JobWorkspace.Create(Path.Combine(_git.Root, "ws"), Path.Combine(_git.Root, "tools-dir"), app);
        var context = StepContextFakes.Create(_fakes, plan, job.Steps[0], workspace, repository, options, _git.Environment);

        var vars = JobCheckoutVariables.For(context.Run, job, new RepositoryReader(_git.Git)).ToDictionary();

        Assert.Equal("True", vars["Build.Repository.Clean"]);
        Assert.Equal("True", vars["Build.Repository.Git.SubmoduleCheckout"]);
        Assert.Equal("Contoso/Tools", vars["resources.repositories.tools.name"]);
        Assert.Equal("refs/tags/v1", vars["resources.repositories.tools.ref"]);
        Assert.Equal("git", vars["resources.repositories.tools.type"]);
        Assert.Equal(v1, vars["resources.repositories.tools.version"]);
        Assert.Equal(string.Empty, vars["resources.repositories.docs.version"]); // not mapped with --repo
        Assert.Equal(_git.Head(app), vars["resources.repositories.self.version"]);
        Assert.Equal("app", vars["resources.repositories.self.name"]);
    }
}
