using System.Globalization;
using System.Runtime.InteropServices;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime.Variables;

/// <summary>What a job's predefined variables are computed from.</summary>
internal sealed record JobIdentity(
    string StageName, string StageDisplayName, string JobName, string JobDisplayName, int Position, int Total, string BuildNumber, bool IsDeployment);

/// <summary>The agent's predefined variables (AZP-VAR-80, §3.8) with local values: read-only, as on the agent.</summary>
internal static class PredefinedVariables
{
    public static void Define(VariableStore store, RunContext run, JobWorkspace ws, JobIdentity job)
    {
        var repo = run.Repository;
        void Set(string name, string? value) => store.Define(name, value ?? string.Empty, isReadOnly: true);

        Set("Agent.BuildDirectory", ws.PipelineWorkspace);
        Set("Agent.HomeDirectory", AppContext.BaseDirectory);
        Set("Agent.Id", "1");
        Set("Agent.JobName", job.JobDisplayName);
        Set("Agent.MachineName", Environment.MachineName);
        Set("Agent.Name", "Slipway");
        Set("Agent.OS", OperatingSystem.IsWindows() ? "Windows_NT" : OperatingSystem.IsMacOS() ? "Darwin" : "Linux");
        Set("Agent.OSArchitecture", RuntimeInformation.OSArchitecture switch
        {
            Architecture.Arm64 => "ARM64",
            Architecture.Arm => "ARM",
            Architecture.X86 => "X86",
            _ => "X64",
        });
        Set("Agent.TempDirectory", ws.TempDirectory);
        Set("Agent.ToolsDirectory", ws.ToolsDirectory);
        Set("Agent.WorkFolder", Path.GetDirectoryName(ws.PipelineWorkspace));
        Set("Agent.JobStatus", "Succeeded");

        Set("Build.ArtifactStagingDirectory", ws.ArtifactStagingDirectory);
        Set("Build.StagingDirectory", ws.ArtifactStagingDirectory);
        Set("Build.BinariesDirectory", ws.BinariesDirectory);
        Set("Build.SourcesDirectory", ws.SourcesDirectory);
        Set("Build.BuildId", run.RunId.ToString(CultureInfo.InvariantCulture));
        Set("Build.BuildNumber", job.BuildNumber);
        Set("Build.BuildUri", $"vstfs:///Build/Build/{run.RunId.ToString(CultureInfo.InvariantCulture)}");
        Set("Build.DefinitionName", repo.Name);
        Set("Build.DefinitionVersion", "1");
        Set("Build.QueuedBy", repo.RequestedFor ?? Environment.UserName);
        Set("Build.Reason", "Manual");
        Set("Build.Repository.ID", repo.Name);
        Set("Build.Repository.Name", repo.Name);
        Set("Build.Repository.Provider", repo.Provider);
        Set("Build.Repository.Uri", repo.Uri ?? ws.RepositoryRoot);
        Set("Build.Repository.LocalPath", ws.SourcesDirectory);
        Set("Build.Repository.Clean", "False");
        Set("Build.RequestedFor", repo.RequestedFor ?? Environment.UserName);
        Set("Build.RequestedForEmail", repo.RequestedForEmail);
        Set("Build.SourceBranch", repo.SourceBranch);
        Set("Build.SourceBranchName", repo.SourceBranchName);
        Set("Build.SourceVersion", repo.SourceVersion);
        Set("Build.SourceVersionMessage", repo.CommitMessage);
        Set("Common.TestResultsDirectory", ws.TestResultsDirectory);
        Set("Pipeline.Workspace", ws.PipelineWorkspace);
        DefineSystem(store, run, ws, job);
    }

    private static void DefineSystem(VariableStore store, RunContext run, JobWorkspace ws, JobIdentity job)
    {
        void Set(string name, string? value) => store.Define(name, value ?? string.Empty, isReadOnly: true);
        Set("System.ArtifactsDirectory", ws.ArtifactStagingDirectory);
        Set("System.CollectionUri", "http://localhost/");
        Set("System.TeamFoundationCollectionUri", "http://localhost/");
        Set("System.DefaultWorkingDirectory", ws.SourcesDirectory);
        Set("System.DefinitionId", "1");
        Set("System.HostType", job.IsDeployment ? "deployment" : "build");
        Set("System.JobAttempt", "1");
        Set("System.JobDisplayName", job.JobDisplayName);
        Set("System.JobId", Guid.NewGuid().ToString());
        Set("System.JobName", job.JobName);
        Set("System.PhaseName", job.JobName);
        Set("System.PhaseDisplayName", job.JobDisplayName);
        Set("System.StageName", job.StageName);
        Set("System.StageDisplayName", job.StageDisplayName);
        Set("System.StageAttempt", "1");
        Set("System.PlanId", Guid.NewGuid().ToString());
        Set("System.TeamProject", run.Repository.Name);
        Set("System.TeamProjectId", Guid.Empty.ToString());
        Set("System.JobPositionInPhase", job.Position.ToString(CultureInfo.InvariantCulture));
        Set("System.TotalJobsInPhase", job.Total.ToString(CultureInfo.InvariantCulture));
        Set("System.WorkFolder", Path.GetDirectoryName(ws.PipelineWorkspace));
        store.Define("System.Debug", run.Options.Debug ? "true" : "false");
    }
}
