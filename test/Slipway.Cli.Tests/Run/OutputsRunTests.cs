namespace Slipway.Cli.Tests.Run;

/// <summary>Output variables between steps, jobs and stages (AZP-VAR-51, -60..64; TC-06, TC-20..28).</summary>
[Trait("Category", "EndToEnd")]
public sealed class OutputsRunTests
{
    [Fact]
    public async Task TC_20_OutputVariable_SameJobAndLaterJob()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - job: A
              steps:
              - checkout: none
              - bash: echo "##vso[task.setvariable variable=myOutputVar;isOutput=true]this is the value"
                name: setvarStep
              - bash: echo "same job $(setvarStep.myOutputVar)"
            - job: B
              dependsOn: A
              variables:
                myVarFromJobA: $[ dependencies.A.outputs['setvarStep.myOutputVar'] ]
              steps:
              - checkout: none
              - bash: echo "job B $(myVarFromJobA)"
            """);
        Assert.Contains("same job this is the value", run.Lines("A"));
        Assert.Contains("job B this is the value", run.Lines("B"));
        Assert.Contains(run.Outputs(), o => o.Name == "setvarStep.myOutputVar");
    }

    [Fact]
    public async Task TC_06_JobConditionOnOutputVariable_Runs()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - job: A
              steps:
              - checkout: none
              - bash: echo "##vso[task.setvariable variable=skipsubsequent;isOutput=true]false"
                name: printvar
            - job: B
              condition: and(succeeded(), ne(dependencies.A.outputs['printvar.skipsubsequent'], 'true'))
              dependsOn: A
              steps:
              - checkout: none
              - script: echo hello from B
            """);
        Assert.Equal("Succeeded", run.RecordResult("__default.B"));
        Assert.Contains("hello from B", run.Lines("B"));
    }

    [Fact]
    public async Task TC_21_StageToStage_StageDependenciesInStageVariables()
    {
        var run = await new RunHarness().RunAsync("""
            stages:
            - stage: A
              jobs:
              - job: A1
                steps:
                - checkout: none
                - bash: echo "##vso[task.setvariable variable=myStageOutputVar;isOutput=true]this is a stage output var"
                  name: printvar
            - stage: B
              dependsOn: A
              variables:
                myVarfromStageA: $[ stageDependencies.A.A1.outputs['printvar.myStageOutputVar'] ]
              jobs:
              - job: B1
                steps:
                - checkout: none
                - bash: echo "got $(myVarfromStageA)"
            """);
        Assert.Contains("got this is a stage output var", run.Lines("B/B1"));
    }

    [Fact]
    public async Task TC_22_MatrixOutputKey_PrefixedWithLegName()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - job: A
              strategy:
                matrix:
                  debugJob:
                    configuration: debug
                  releaseJob:
                    configuration: release
              steps:
              - checkout: none
              - bash: echo "##vso[task.setvariable variable=myOutputVar;isOutput=true]this is the $(configuration) value"
                name: setvarStep
            - job: B
              dependsOn: A
              variables:
                myVarFromJobADebug: $[ dependencies.A.outputs['debugJob.setvarStep.myOutputVar'] ]
              steps:
              - checkout: none
              - bash: echo "B $(myVarFromJobADebug)"
            """);
        Assert.Contains("B this is the debug value", run.Lines("B"));
    }

    [Fact]
    public async Task TC_23_SliceOutputKey_JobN()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - job: A
              strategy:
                parallel: 2
              steps:
              - checkout: none
              - bash: echo "##vso[task.setvariable variable=myOutputVar;isOutput=true]this is the slice $(system.jobPositionInPhase) value"
                name: setvarStep
            - job: B
              dependsOn: A
              variables:
                myVarFromJobsA1: $[ dependencies.A.outputs['job1.setvarStep.myOutputVar'] ]
              steps:
              - checkout: none
              - bash: echo "B $(myVarFromJobsA1)"
            """);
        Assert.Contains("B this is the slice 1 value", run.Lines("B"));
    }

    [Fact]
    public async Task TC_24_RunOnceDeploymentOutput_PrefixedWithJobName()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - deployment: A
              environment: env1
              strategy:
                runOnce:
                  deploy:
                    steps:
                    - bash: echo "##vso[task.setvariable variable=myOutputVar;isOutput=true]this is the deployment variable value"
                      name: setvarStep
            - job: B
              dependsOn: A
              variables:
                withPrefix: $[ dependencies.A.outputs['A.setvarStep.myOutputVar'] ]
                withoutPrefix: $[ dependencies.A.outputs['setvarStep.myOutputVar'] ]
              steps:
              - checkout: none
              - bash: |
                  echo "with [$(withPrefix)]"
                  echo "without [$(withoutPrefix)]"
            """);
        var lines = run.Lines("B");
        Assert.Contains("with [this is the deployment variable value]", lines);
        Assert.Contains("without []", lines);
    }

    [Fact]
    public async Task TC_25_CanaryDeploymentOutput_PrefixedWithHookAndIncrement()
    {
        var run = await new RunHarness().RunAsync("""
            jobs:
            - deployment: A
              environment: env1
              strategy:
                canary:
                  increments: [10, 20]
                  deploy:
                    steps:
                    - bash: echo "##vso[task.setvariable variable=myOutputVar;isOutput=true]value at $(strategy.increment)"
                      name: setvarStep
            - job: B
              dependsOn: A
              variables:
                at10: $[ dependencies.A.outputs['deploy_10.setvarStep.myOutputVar'] ]
              steps:
              - checkout: none
              - bash: echo "B $(at10)"
            """);
        Assert.Contains("B value at 10", run.Lines("B"));
    }

    [Fact]
    public async Task TC_27_StageCondition_UsesDependenciesWithJobPrefix()
    {
        var run = await new RunHarness().RunAsync("""
            stages:
            - stage: StageA
              jobs:
              - job: A1
                steps:
                - checkout: none
                - bash: echo "##vso[task.setvariable variable=RunStageB;isOutput=true]true"
                  name: setvarStep
            - stage: StageB
              condition: and(succeeded(), eq(dependencies.StageA.outputs['A1.setvarStep.RunStageB'], 'true'))
              variables:
                myOutputVar: $[stageDependencies.StageA.A1.outputs['setvarStep.RunStageB']]
              jobs:
              - job: B1
                steps:
                - checkout: none
                - bash: echo "StageB $(myOutputVar)"
            """);
        Assert.Equal("Succeeded", run.RecordResult("StageB"));
        Assert.Contains("StageB true", run.Lines("StageB/B1"));
    }

    [Fact]
    public async Task TC_28_NonAdjacentStage_NeedsDirectDependsOn()
    {
        const string Template = """
            stages:
            - stage: One
              jobs:
              - job: A
                steps:
                - checkout: none
                - bash: echo "##vso[task.setvariable variable=MyVar;isOutput=true]one value"
                  name: ProduceVar
            - stage: Two
              jobs:
              - job: A
                steps:
                - checkout: none
            - stage: Three
              DEPENDS
              variables:
                fromOne: $[ stageDependencies.One.A.outputs['ProduceVar.MyVar'] ]
              jobs:
              - job: A
                steps:
                - checkout: none
                - bash: echo "three [$(fromOne)]"
            """;
        var direct = await new RunHarness().RunAsync(Template.Replace("DEPENDS", "dependsOn: [One, Two]", StringComparison.Ordinal));
        Assert.Contains("three [one value]", direct.Lines("Three/A"));
        var implicitOnly = await new RunHarness().RunAsync(Template.Replace("DEPENDS", "dependsOn: Two", StringComparison.Ordinal));
        Assert.Contains("three []", implicitOnly.Lines("Three/A"));
    }
}
