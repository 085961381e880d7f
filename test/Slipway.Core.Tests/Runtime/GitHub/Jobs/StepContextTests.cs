using System.Security.Cryptography;
using System.Text;
using Slipway.Core.Runs;

namespace Slipway.Core.Tests.Runtime.GitHub.Jobs;

/// <summary>GHA-CTX-2/3, GHA-FN-7: what step expressions see.</summary>
public sealed class StepContextTests
{
    [Fact]
    public async Task FN_7_HashFiles_IsShaOfTheFilesShas_UnderTheWorkspace()
    {
        using var harness = new JobHarness();
        await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      mkdir -p a/b
                      printf 'one' > a/1.txt
                      printf 'two' > a/b/2.txt
                      printf 'not me' > a/3.md
                  - run: echo "hash=${{ hashFiles('**/*.txt') }} none=[${{ hashFiles('nomatch/**') }}]"
            """);

        var digests = SHA256.HashData(Encoding.UTF8.GetBytes("one")).Concat(SHA256.HashData(Encoding.UTF8.GetBytes("two"))).ToArray();
        var expected = Convert.ToHexStringLower(SHA256.HashData(digests));
        Assert.Contains($"hash={expected} none=[]", harness.Output);
    }

    [Fact]
    public async Task CTX_2_MatrixStrategyVarsInputsNeeds_AndRunnerContext()
    {
        using var harness = new JobHarness
        {
            Matrix = new([KeyValuePair.Create("os", Core.Expressions.Values.ExpressionValue.From("linux"))]),
            Vars = new([KeyValuePair.Create("COLOR", Core.Expressions.Values.ExpressionValue.From("blue"))]),
        };
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "os=${{ matrix.os }} color=${{ vars.COLOR }} runner=${{ runner.os }}/${{ runner.environment }} temp=${{ runner.temp == env.RUNNER_TEMP_COPY }}"
                    env:
                      RUNNER_TEMP_COPY: ${{ runner.temp }}
                  - run: echo "temp_matches=$([ "$RUNNER_TEMP" = "${{ runner.temp }}" ] && echo yes) ws=$([ "$GITHUB_WORKSPACE" = "${{ github.workspace }}" ] && echo yes)"
            """);

        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.Contains("os=linux color=blue runner=Linux/self-hosted temp=true", harness.Output);
        Assert.Contains("temp_matches=yes ws=yes", harness.Output);
    }

    [Fact]
    public async Task STEP_2_StepIf_SeesTheEnv_IncludingTheStepsOwn()
    {
        using var harness = new JobHarness();
        await harness.RunAsync("""
            on: push
            env:
              WHO: workflow
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - if: env.WHO == 'workflow'
                    run: echo "ran with workflow env"
                  - if: env.MINE == 'step'
                    run: echo "ran with its own env"
                    env:
                      MINE: step
                  - if: env.MINE == 'step'
                    run: echo "should be skipped"
            """);

        // RUN StepsRunner evaluates the step's env into the env context before its condition.
        Assert.Contains("ran with workflow env", harness.Output);
        Assert.Contains("ran with its own env", harness.Output);
        Assert.DoesNotContain("should be skipped", harness.Output);
    }
}
