using Slipway.Core.Runs;

namespace Slipway.Core.Tests.Runtime.GitHub.Jobs;

/// <summary>GHA-WF-8/9, GHA-STEP-5, GHA-ENV-1/2: env precedence, defaults.run, and the runner's variables.</summary>
public sealed class StepEnvironmentTests
{
    [Fact]
    public async Task WF_8_Env_StepOverJobOverWorkflow_AndGitHubEnvOverJob()
    {
        using var harness = new JobHarness();
        await harness.RunAsync("""
            on: push
            env:
              A: workflow
              B: workflow
              C: workflow
              FROM_SECRET: ${{ secrets.MY_SECRET }}
            jobs:
              build:
                runs-on: ubuntu-latest
                env:
                  B: job
                  C: job
                  D: ${{ github.job }}-job
                steps:
                  - run: echo "C=changed" >> "$GITHUB_ENV"
                  - run: echo "A=$A B=$B C=$C D=$D ctx=${{ env.B }}"
                    env:
                      B: step
                  - run: echo "secret=[$FROM_SECRET]"
            """);

        Assert.Contains("A=workflow B=step C=changed D=build-job ctx=step", harness.Output);
        Assert.Contains("secret=[***]", harness.Output);
    }

    [Fact]
    public async Task WF_9_STEP_5_JobDefaultsReplaceWorkflowDefaults()
    {
        using var harness = new JobHarness();
        Directory.CreateDirectory(Path.Combine(harness.Dir, "unused"));
        await harness.RunAsync("""
            on: push
            defaults:
              run:
                working-directory: does-not-exist
                shell: sh
            jobs:
              build:
                runs-on: ubuntu-latest
                defaults:
                  run:
                    shell: bash
                steps:
                  - run: echo "pwd=$(basename "$PWD") ws=$(basename "$GITHUB_WORKSPACE")"
              other:
                runs-on: ubuntu-latest
                steps:
                  - run: echo unreachable
            """);

        // The job's defaults.run (shell only) replaces the workflow's as a whole: no working-directory default.
        Assert.Contains("pwd=repo ws=repo", harness.Output);
        Assert.Contains(harness.Output, l => l.EndsWith("bash --noprofile --norc -e -o pipefail {0}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task STEP_5_WorkflowDefaults_ApplyWhenTheJobHasNone_StepWins()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync("""
            on: push
            defaults:
              run:
                working-directory: sub
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: mkdir -p sub/deeper
                    working-directory: .
                  - run: echo "in=$(basename "$PWD")"
                  - run: echo "in=$(basename "$PWD")"
                    working-directory: sub/deeper
                  - run: echo never
                    working-directory: missing
            """);

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Contains("in=sub", harness.Output);
        Assert.Contains("in=deeper", harness.Output);
        Assert.Contains(harness.Events.Issues, i => i.Message.Contains("with working directory", StringComparison.Ordinal) && i.Message.EndsWith("/missing'. No such file or directory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ENV_1_GitHubAndRunnerVariables()
    {
        using var harness = new JobHarness();
        await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: show
                    run: |
                      echo "ci=$CI actions=$GITHUB_ACTIONS action=$GITHUB_ACTION job=$GITHUB_JOB"
                      echo "ref=$GITHUB_REF name=$GITHUB_REF_NAME type=$GITHUB_REF_TYPE sha=$GITHUB_SHA"
                      echo "repo=$GITHUB_REPOSITORY owner=$GITHUB_REPOSITORY_OWNER repo_id=$GITHUB_REPOSITORY_ID actor=$GITHUB_ACTOR"
                      echo "event=$GITHUB_EVENT_NAME attempt=$GITHUB_RUN_ATTEMPT server=$GITHUB_SERVER_URL api=$GITHUB_API_URL graphql=$GITHUB_GRAPHQL_URL"
                      echo "workflow=$GITHUB_WORKFLOW workflow_ref=$GITHUB_WORKFLOW_REF"
                      echo "os=$RUNNER_OS env=$RUNNER_ENVIRONMENT temp_is_dir=$(test -d "$RUNNER_TEMP" && echo yes) ws_is_dir=$(test -d "$GITHUB_WORKSPACE" && echo yes)"
                      echo "token=[${GITHUB_TOKEN:-absent}] ctx_token=${{ github.token }}"
                      echo "event_file=$(cat "$GITHUB_EVENT_PATH" | tr -d ' \n')"
                      echo "run_id_matches=$([ "$GITHUB_RUN_ID" = "${{ github.run_id }}" ] && echo yes)"
                  - run: echo "second=$GITHUB_ACTION"
            """);

        var o = harness.Output;
        Assert.Contains("ci=true actions=true action=show job=build", o);
        Assert.Contains("ref=refs/heads/main name=main type=branch sha=0123456789abcdef0123456789abcdef01234567", o);
        Assert.Contains("repo=octo/repo owner=octo repo_id=42 actor=octocat", o);
        Assert.Contains("event=push attempt=1 server=https://github.com api=https://api.github.com graphql=https://api.github.com/graphql", o);
        Assert.Contains("workflow=.github/workflows/ci.yml workflow_ref=octo/repo/.github/workflows/ci.yml@refs/heads/main", o);
        Assert.Contains("os=Linux env=self-hosted temp_is_dir=yes ws_is_dir=yes", o);
        Assert.Contains("token=[absent] ctx_token=***", o);
        Assert.Contains("event_file={\"ref\":\"refs/heads/main\",\"repository\":{\"id\":42,\"full_name\":\"octo/repo\"}}", o);
        Assert.Contains("run_id_matches=yes", o);
        Assert.Contains("second=__run", o);
    }

    [Fact]
    public async Task ENV_2_WorkflowEnv_CannotOverrideGitHubVariables_ButCanOverrideCi()
    {
        using var harness = new JobHarness();
        await harness.RunAsync("""
            on: push
            env:
              GITHUB_SHA: fake
              RUNNER_OS: Plan9
              CI: custom
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "sha=$GITHUB_SHA os=$RUNNER_OS ci=$CI"
            """);

        Assert.Contains("sha=0123456789abcdef0123456789abcdef01234567 os=Linux ci=custom", harness.Output);
    }
}
