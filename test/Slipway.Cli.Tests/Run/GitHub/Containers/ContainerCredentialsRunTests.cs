using System.Security.Cryptography;
using System.Text;

namespace Slipway.Cli.Tests.Run.GitHub.Containers;

/// <summary>Registry credentials and secret env values of containers: through stdin and the docker CLI's environment, never argv or output.</summary>
[Collection(FakeDockerTests.Name)]
public sealed class ContainerCredentialsRunTests
{
    private const string Password = "ghp_Registry+Pass/9Z";
    private const string ServiceSecret = "Db-Secret+Value/31";

    [Fact]
    public async Task GHA_JOB_10_Credentials_LoginWithPasswordStdin_PullWithThatConfig_SecretsNeverInArgvOrOutput()
    {
        using var docker = new FakeDocker();
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                container:
                  image: ghcr.io/acme/builder:2
                  credentials:
                    username: octocat
                    password: ${{ secrets.REGISTRY_PASSWORD }}
                services:
                  db:
                    image: postgres:16
                    env:
                      POSTGRES_PASSWORD: ${{ secrets.DB_PASSWORD }}
                steps:
                  - run: echo "db password is $POSTGRES_PASSWORD"
                    env:
                      POSTGRES_PASSWORD: ${{ secrets.DB_PASSWORD }}
            """);
        var run = await h.RunAsync("--secret", "REGISTRY_PASSWORD=" + Password, "--secret", "DB_PASSWORD=" + ServiceSecret);

        Assert.True(run.Code == 0, run.Out + run.Err);
        var login = Assert.Single(docker.Calls, c => c.Command == "login");
        var config = login.Argv[1];
        Assert.Equal(["--config", config, "login", "ghcr.io", "-u", "octocat", "--password-stdin"], login.Argv);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Password))), login.StdinSha256);
        Assert.Equal(["--config", config, "pull", "ghcr.io/acme/builder:2"], docker.Calls.First(c => c.Command == "pull").Argv);
        Assert.False(Directory.Exists(config), "the login's config folder is deleted after the pull");
        Assert.Equal(["pull", "postgres:16"], docker.Calls.Last(c => c.Command == "pull").Argv);
        Assert.True(docker.Calls.Single(c => c.Command == "create" && c.Argv.Contains("postgres:16")).Env["POSTGRES_PASSWORD"]);
        Assert.True(docker.Calls.Single(c => c.Command == "exec").Env["POSTGRES_PASSWORD"]);
        Assert.Contains("db password is ***", run.Lines("build"));
        foreach (var secret in new[] { Password, ServiceSecret })
        {
            Assert.DoesNotContain(secret, docker.LogText, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, run.Out + run.Err + run.AllLogs(), StringComparison.Ordinal);
        }
    }
}
