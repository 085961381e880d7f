namespace Slipway.Cli.Tests.Run;

/// <summary>Section-11 examples run end to end: TC-05, TC-26, TC-44, TC-56, TC-74 (AZP-EXPR-32/35, AZP-VAR-63, AZP-TRIG-32, AZP-TASK-5/6).</summary>
[Trait("Category", "EndToEnd")]
public sealed class ConformanceGapRunTests
{
    [Fact]
    public async Task TC_26_RunOnceWithResourceType_OutputKeyPrefixedWithResourceName()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - deployment: A2
              environment:
                name: env2
                resourceName: vmsfortesting
                resourceType: virtualmachine
              strategy:
                runOnce:
                  deploy:
                    steps:
                    - bash: echo "##vso[task.setvariable variable=myOutputVarTwo;isOutput=true]this is the second deployment variable value"
                      name: setvarStepTwo
            - job: B2
              dependsOn: A2
              variables:
                myVarFromDeploymentJob: $[ dependencies.A2.outputs['Deploy_vmsfortesting.setvarStepTwo.myOutputVarTwo'] ]
              steps:
              - checkout: none
              - bash: echo "B2 [$(myVarFromDeploymentJob)]"
            """);
        Assert.Contains("B2 [this is the second deployment variable value]", run.Lines("B2"));
    }

    [Fact]
    public async Task TC_74_StageConditionFromDeploymentOutput_StageAndJobLevel()
    {
        var run = await new RunHarness().RunAsync("""
            stages:
            - stage: build
              jobs:
              - deployment: build_job
                environment: Production
                strategy:
                  runOnce:
                    deploy:
                      steps:
                      - bash: echo "##vso[task.setvariable variable=runTests;isOutput=true]true"
                        name: setRunTests
            - stage: test
              dependsOn: build
              condition: eq(dependencies.build.outputs['build_job.build_job.setRunTests.runTests'], 'true')
              jobs:
              - job: A
                condition: eq(stageDependencies.build.build_job.outputs['build_job.setRunTests.runTests'], 'true')
                steps:
                - checkout: none
                - bash: echo "tests ran"
            """);
        Assert.Equal("Succeeded", run.RecordResult("test"));
        Assert.Equal("Succeeded", run.RecordResult("test.A"));
        Assert.Contains("tests ran", run.Lines("test/A"));
    }

    [Fact]
    public async Task TC_05_DailyCounter_StartsAtSeedThenIncrements()
    {
        const string Yaml = """
            variables:
              a: $[counter(format('{0:yyyyMMdd}', pipeline.startTime), 100)]
            steps:
            - checkout: none
            - bash: echo "counter=$(a)"
            """;
        var harness = new RunHarness();
        var first = await harness.RunAsync(Yaml);
        var second = await harness.RunAsync(Yaml);
        var third = await harness.RunAsync(Yaml);
        Assert.Equal(["counter=100", "counter=101", "counter=102"], new[] { first, second, third }.Select(r => r.Lines("Job").Single(l => l.StartsWith("counter=", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task TC_44_ScheduleDisplayName_StageSkippedWhenNotStartedByTheSchedule()
    {
        var run = await new RunHarness().RunAsync("""
            schedules:
            - cron: '0 0 * * *'
              displayName: Daily midnight build
              branches:
                include: [main]
            stages:
            - stage: Always
              jobs:
              - job: J
                steps:
                - checkout: none
                - bash: echo "always ran"
            - stage: Nightly
              dependsOn: []
              condition: eq(variables['Build.CronSchedule.DisplayName'], 'Daily midnight build')
              jobs:
              - job: J
                steps:
                - checkout: none
                - bash: echo "nightly ran"
            """);
        Assert.Equal("Succeeded", run.RecordResult("Always"));
        Assert.Equal("Skipped", run.RecordResult("Nightly"));
        Assert.DoesNotContain("nightly ran", run.Lines("Nightly/J"));
    }

    [Fact]
    public async Task TC_56_TaskInputEnvNames_UppercasedDotsToUnderscores_DefaultsIncluded_RemovedAfterLoad()
    {
        var h = new RunHarness();
        var tasks = TaskPackages.CopyTo(h.Dir);
        h.Write("tasks/EnvNamesV1/task.json", """
            {
              "id": "0d6a3c1e-8b7f-4c55-9d2e-5e1f0a9b7c56", "name": "EnvNames", "friendlyName": "Env names", "description": "TC-56",
              "category": "Utility", "author": "Slipway", "version": { "Major": 1, "Minor": 0, "Patch": 0 },
              "inputs": [
                { "name": "workingDirectory", "type": "string", "label": "w", "required": false },
                { "name": "my.input", "type": "string", "label": "m", "required": false },
                { "name": "defaulted", "type": "string", "label": "d", "defaultValue": "d", "required": false }
              ],
              "execution": { "Node20_1": { "target": "index.js" } }
            }
            """);
        h.Write("tasks/EnvNamesV1/index.js", """
            console.log(`before WORKINGDIRECTORY=${process.env.INPUT_WORKINGDIRECTORY}`);
            console.log(`before MY_INPUT=${process.env.INPUT_MY_INPUT}`);
            console.log(`before DEFAULTED=${process.env.INPUT_DEFAULTED}`);
            const tl = require('azure-pipelines-task-lib/task');
            console.log(`getInput=${tl.getInput('my.input')}`);
            console.log(`after=${Object.keys(process.env).filter(k => k.startsWith('INPUT_')).join(',')}`);
            """);
        var run = await h.RunAsync("""
            steps:
            - checkout: none
            - task: EnvNames@1
              inputs:
                workingDirectory: src
                my.input: x
            """, "--tasks-dir", tasks);
        var lines = run.Lines("Job");
        Assert.Contains("before WORKINGDIRECTORY=src", lines);
        Assert.Contains("before MY_INPUT=x", lines);
        Assert.Contains("before DEFAULTED=d", lines);
        Assert.Contains("getInput=x", lines);
        Assert.Contains("after=", lines);
    }
}
