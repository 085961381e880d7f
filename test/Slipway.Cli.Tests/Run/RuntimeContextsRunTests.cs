using System.Globalization;

namespace Slipway.Cli.Tests.Run;

/// <summary>
/// Runtime contexts and job results: <c>resources.repositories</c> in <c>$[ ]</c> (TC-47, AZP-VAR-80), <c>pipeline</c>,
/// <c>variables</c> and <c>dependencies</c> in stage and job conditions (AZP-EXPR-44), and a job <c>continueOnError</c>
/// given as a runtime expression or a macro (AZP-JOB-2, AZP-COND-8).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class RuntimeContextsRunTests
{
    [Fact]
    public async Task TC_47_RepositoryResourceInRuntimeExpressions_RefNormalisedToRefsHeads()
    {
        var tools = CheckoutRunTests.NewToolsRepository();
        var run = await new RunHarness().RunAsync("""
            resources:
              repositories:
              - repository: common
                type: git
                name: Repo
                ref: main
              - repository: pinned
                type: git
                name: Other
                ref: refs/tags/v1
            variables:
              commonRef: $[ resources.repositories.common.ref ]
              commonName: $[ resources.repositories.common.name ]
              commonType: $[ resources.repositories.common.type ]
              commonId: $[ resources.repositories.common.id ]
              commonVersion: $[ resources.repositories['common'].version ]
              pinnedRef: $[ resources.repositories.pinned.ref ]
            steps:
            - checkout: none
            - bash: |
                echo "ref=$(commonRef)"
                echo "name=$(commonName)"
                echo "type=$(commonType)"
                echo "id=$(commonId)"
                echo "version=$(commonVersion)"
                echo "pinned=$(pinnedRef)"
                echo "macro=$(resources.repositories.common.ref)"
            - bash: echo "condition saw refs/heads/main"
              condition: eq(resources.repositories.common.ref, 'refs/heads/main')
            """, "--repo", "common=" + tools);

        Assert.Equal(0, run.Code);
        var lines = run.Lines("Job");
        Assert.Equal("refs/heads/main", CheckoutRunTests.Value(lines, "ref"));
        Assert.Equal("Repo", CheckoutRunTests.Value(lines, "name"));
        Assert.Equal("git", CheckoutRunTests.Value(lines, "type"));
        Assert.True(Guid.TryParse(CheckoutRunTests.Value(lines, "id"), out _), "resources.repositories.common.id is a GUID");
        Assert.Equal(CheckoutRunTests.GitOutput(tools, "rev-parse", "HEAD"), CheckoutRunTests.Value(lines, "version"));
        Assert.Equal("refs/tags/v1", CheckoutRunTests.Value(lines, "pinned"));
        Assert.Equal("refs/heads/main", CheckoutRunTests.Value(lines, "macro"));
        Assert.Contains("condition saw refs/heads/main", lines);
    }

    [Fact]
    public async Task AZP_EXPR_44_StageAndJobConditions_SeePipelineVariablesAndDependencies()
    {
        var year = DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);
        var run = await new RunHarness().RunAsync($$"""
            variables:
              area: web
            stages:
            - stage: A
              condition: eq(format('{0:yyyy}', pipeline.startTime), '{{year}}')
              jobs:
              - job: J
                condition: and(ne(format('{0:yyyyMMdd}', pipeline.startTime), ''), eq(variables.area, 'web'), eq(variables['System.StageName'], 'A'), eq(variables['System.HostType'], 'build'), ne(variables['Build.DefinitionName'], ''))
                steps:
                - checkout: none
                - bash: echo "A ran"
            - stage: B
              dependsOn: A
              condition: and(eq(dependencies.A.result, 'Succeeded'), eq(variables['Build.Reason'], 'Manual'), eq(variables.area, 'web'))
              jobs:
              - job: K
                steps:
                - checkout: none
                - bash: echo "B ran"
            - stage: C
              dependsOn: A
              condition: ne(variables.area, 'web')
              jobs:
              - job: L
                steps:
                - checkout: none
                - bash: echo "C ran"
            """);

        Assert.Equal(0, run.Code);
        Assert.Equal("Succeeded", run.RecordResult("A.J"));
        Assert.Equal("Succeeded", run.RecordResult("B"));
        Assert.Equal("Skipped", run.RecordResult("C"));
        Assert.Contains("A ran", run.Lines("A/J"));
    }

    [Fact]
    public async Task AZP_COND_8_JobContinueOnError_RuntimeExpressionAndMacro_RollUpAsSucceededWithIssues()
    {
        var run = await new RunHarness().RunAsync("""
            variables:
              tolerant: 'yes'
            jobs:
            - job: A
              continueOnError: $[ eq(variables.tolerant, 'yes') ]
              steps:
              - checkout: none
              - script: exit 1
            - job: M
              variables:
                lenient: true
              continueOnError: $(lenient)
              steps:
              - checkout: none
              - script: exit 1
            - job: N
              continueOnError: $[ eq(variables.tolerant, 'no') ]
              steps:
              - checkout: none
              - script: exit 1
            - job: B
              dependsOn: [A, M, N]
              condition: and(eq(dependencies.A.result, 'SucceededWithIssues'), eq(dependencies.M.result, 'SucceededWithIssues'), eq(dependencies.N.result, 'Failed'))
              steps:
              - checkout: none
              - script: echo B ran
            """);

        Assert.Equal("Succeeded", run.RecordResult("__default.B"));
        Assert.Contains("B ran", run.Lines("B"));
        Assert.Equal("Failed", run.Result);
    }

    [Fact]
    public async Task AZP_COND_8_JobContinueOnError_AllTolerated_RunSucceedsWithIssues()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - job: A
              variables:
                tolerant: 'yes'
              continueOnError: $[ eq(variables['tolerant'], 'yes') ]
              steps:
              - checkout: none
              - script: exit 1
            """);

        Assert.Equal(0, run.Code);
        Assert.Equal("SucceededWithIssues", run.Result);
    }
}
