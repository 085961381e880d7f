using System.Collections;
using Slipway.Core.Runtime.Repositories;

namespace Slipway.Core.Tests.Runtime.Checkout;

/// <summary>
/// Real git repositories in a temporary folder, isolated from the machine's git configuration
/// (<c>GIT_CONFIG_GLOBAL</c> is an empty file, no system config), deleted on dispose.
/// </summary>
internal sealed class GitFixture : IDisposable
{
    /// <summary>The test classes that start many git processes run one after another, not in parallel, so they do
    /// not starve timing-sensitive tests elsewhere on a small machine.</summary>
    public const string Collection = "Real git repositories";

    public const string AuthorName = "Ada Author";
    public const string AuthorEmail = "ada@example.com";

    public GitFixture()
    {
        Root = Directory.CreateTempSubdirectory("slipway-checkout-").FullName;
        var globalConfig = Path.Combine(Root, "empty.gitconfig");
        File.WriteAllText(globalConfig, string.Empty);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string k && entry.Value is string v && !k.StartsWith("GIT_", StringComparison.Ordinal))
            {
                env[k] = v;
            }
        }

        env["GIT_CONFIG_GLOBAL"] = globalConfig;
        env["GIT_CONFIG_NOSYSTEM"] = "1";
        env["GIT_AUTHOR_NAME"] = AuthorName;
        env["GIT_AUTHOR_EMAIL"] = AuthorEmail;
        env["GIT_COMMITTER_NAME"] = AuthorName;
        env["GIT_COMMITTER_EMAIL"] = AuthorEmail;
        Environment = env;
        Git = new GitCli(env);
    }

    public string Root { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>git with the isolated configuration, as the code under test gets it.</summary>
    public GitCli Git { get; }

    /// <summary>A new repository with branch <c>main</c> and one commit of <paramref name="files"/>.</summary>
    public string NewRepo(string name, params (string Path, string Content)[] files)
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        Run(dir, "init", "--quiet", "--initial-branch=main");
        if (files.Length > 0)
        {
            Write(dir, files);
            Commit(dir, "initial commit");
        }

        return dir;
    }

    public string NewFolder(string name)
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void Write(string repo, params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(repo, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
    }

    public string Commit(string repo, string message)
    {
        Run(repo, "add", "-A");
        Run(repo, "commit", "--quiet", "--allow-empty", "-m", message);
        return Head(repo);
    }

    public string Head(string repo) => Run(repo, "rev-parse", "HEAD").Trim();

    /// <summary>Runs git and returns its stdout; a failure fails the test.</summary>
    public string Run(string dir, params string[] args)
    {
        var result = Git.Run(dir, args, TimeSpan.FromSeconds(60));
        Assert.True(result.Succeeded, $"git {string.Join(' ', args)} failed in {dir}: {result.Describe()}\n{result.StandardError}");
        return result.StandardOutput;
    }

    public void Dispose()
    {
        try
        {
            Slipway.Core.Runtime.Checkout.FileSystem.DeleteContents(Root);
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does not fail a test.
        }
    }
}
