namespace Slipway.Core.Pipelines.GitHub;

/// <summary>SLW5xxx: GitHub Actions workflows. The message texts are GitHub's own.</summary>
public static class GitHubWorkflowDiagnosticCodes
{
    /// <summary>
    /// YAML that GitHub does not accept although it is valid YAML (explicit tags that do not fit their value,
    /// unsupported tags). YAML that cannot be read at all keeps the loader's SLW1xxx codes.
    /// </summary>
    public const string Yaml = "SLW5001";

    /// <summary>A key the schema does not know ("Unexpected value 'x'").</summary>
    public const string UnexpectedValue = "SLW5010";

    /// <summary>A required key is missing.</summary>
    public const string RequiredPropertyMissing = "SLW5011";

    /// <summary>A key is defined twice (compared case-insensitively).</summary>
    public const string AlreadyDefined = "SLW5012";

    /// <summary>A sequence or mapping where the schema does not allow one, or not enough information to pick a shape.</summary>
    public const string WrongShape = "SLW5013";

    /// <summary>An expression is malformed, uses a context or function not allowed there, or is not allowed at all.</summary>
    public const string Expression = "SLW5020";

    /// <summary>A job or step id is invalid or used twice.</summary>
    public const string InvalidId = "SLW5030";

    /// <summary>A <c>needs</c> entry names an unknown job or makes a cycle, or no job can start.</summary>
    public const string Needs = "SLW5031";

    /// <summary>A step's <c>uses</c> is not <c>{org}/{repo}[/path]@ref</c>, <c>./path</c> or <c>docker://image</c>.</summary>
    public const string StepUses = "SLW5040";

    /// <summary>A step has neither <c>run</c> nor <c>uses</c>.</summary>
    public const string StepKind = "SLW5041";

    /// <summary>A matrix is malformed (empty vector, no vector).</summary>
    public const string Matrix = "SLW5050";

    /// <summary>A value has the wrong type or form (runs-on group, container, concurrency, inputs, cron...).</summary>
    public const string InvalidValue = "SLW5060";

    /// <summary>A reusable workflow call does not match the called workflow (inputs, secrets, workflow_call, permissions).</summary>
    public const string ReusableWorkflow = "SLW5070";

    /// <summary>Limits (file size, depth, job count).</summary>
    public const string Limit = "SLW5080";
}
