using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>
/// Checks that a called workflow (or one of its jobs) asks for no more GITHUB_TOKEN permissions than its
/// caller allows: the caller's explicit permissions, or else the repository's default policy.
/// </summary>
internal sealed class PermissionLimits(string? policy, WorkflowErrors errors)
{
    /// <summary>The order GitHub lists scopes in its permission errors.</summary>
    private static readonly string[] MessageOrder =
    [
        "actions", "checks", "contents", "deployments", "discussions", "issues", "packages", "pages", "pull-requests",
        "repository-projects", "statuses", "security-events", "id-token",
    ];

    public void Check(ReusableWorkflowJob caller, WorkflowJob? embedded, WorkflowPermissions requested, WorkflowPermissions? explicitMax)
    {
        var max = explicitMax ?? FromPolicy();
        if (max is null)
        {
            return;
        }

        var violations = MessageOrder.Where(s => Rank(requested.Level(s)) > Rank(max.Level(s))).ToList();
        if (violations.Count == 0)
        {
            return;
        }

        var asked = string.Join(", ", violations.Select(s => $"{s}: {requested.Level(s)}"));
        var allowed = string.Join(", ", violations.Select(s => $"{s}: {max.Level(s)}"));
        var who = embedded is null ? $"The workflow '{caller.Ref.Value}'" : $"The nested job '{NameOf(embedded)}'";
        errors.Add(Codes.ReusableWorkflow,
            $"Error calling workflow '{caller.Ref.Value}'. {who} is requesting '{asked}', but is only allowed '{allowed}'.", caller.Id);
    }

    private WorkflowPermissions? FromPolicy() => policy switch
    {
        "LimitedRead" => new WorkflowPermissions(new Dictionary<string, string> { ["contents"] = "read", ["packages"] = "read" }),
        "Write" => new WorkflowPermissions(WorkflowPermissions.AllScopes.ToDictionary(s => s, _ => "write")),
        _ => null,
    };

    private static string NameOf(WorkflowJob job) => job.Name is StringToken name ? name.Value : job.Id.Value;

    private static int Rank(string level) => level switch
    {
        "write" => 2,
        "read" => 1,
        _ => 0,
    };
}
