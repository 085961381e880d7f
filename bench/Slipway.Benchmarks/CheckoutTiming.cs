using System.Diagnostics;
using System.Globalization;
using Slipway.Core.Runtime.Checkout;
using Slipway.Core.Runtime.Repositories;

namespace Slipway.Benchmarks;

/// <summary>
/// Whole-path measurement for bench/scripts/checkout.sh: <c>checkout: self</c> (default fetchDepth 1) of a
/// generated repository of N source-like files, against what the same machine needs, in the same run, to
/// copy the work tree with <c>cp -a</c> (the physical limit: writing the files) and to read the repository
/// information (two git invocations). Prints key=value results (medians in milliseconds).
/// Usage: --checkout [files] [repeats]
/// </summary>
internal static class CheckoutTiming
{
    public static async Task<int> RunAsync(string[] args)
    {
        var files = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var root = Directory.CreateTempSubdirectory("slipway-checkout-bench-").FullName;
        try
        {
            var git = GitCli.FromCurrentProcess().With([new("GIT_AUTHOR_NAME", "Bench"), new("GIT_AUTHOR_EMAIL", "bench@example.com"),
                new("GIT_COMMITTER_NAME", "Bench"), new("GIT_COMMITTER_EMAIL", "bench@example.com")]);
            var source = CreateRepository(git, root, files);
            var head = git.Run(source, ["rev-parse", "HEAD"], TimeSpan.FromMinutes(1)).StandardOutput.Trim();
            var checkout = new List<double>();
            var copy = new List<double>();
            var info = new List<double>();
            for (var i = 0; i < repeats; i++)
            {
                checkout.Add(await TimeAsync(() => CheckoutAsync(git, source, head, Path.Combine(root, $"co{i}"))));
                copy.Add(await TimeAsync(() => CopyAsync(source, Path.Combine(root, $"cp{i}"))));
                info.Add(await TimeAsync(() => Task.FromResult(new RepositoryReader(git).Read(source))));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"files={files} repeats={repeats} checkout_ms={Median(checkout):F0} copy_ms={Median(copy):F0} ratio={Median(checkout) / Median(copy):F2} repository_info_ms={Median(info):F1}"));
            return 0;
        }
        finally
        {
            FileSystem.DeleteContents(root);
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task CheckoutAsync(GitCli git, string source, string head, string target)
    {
        var result = await new GitCheckout(git, new RecordingCheckoutLog()).RunAsync(new CheckoutRequest
        {
            SourceRoot = source,
            Commit = head,
            TargetPath = target,
            Options = CheckoutOptions.From(_ => null),
        }, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Error);
        }
    }

    private static async Task CopyAsync(string source, string target)
    {
        Directory.CreateDirectory(target);
        using var cp = Process.Start(new ProcessStartInfo("sh", ["-c", "tar -C \"$1\" --exclude=.git -cf - . | tar -C \"$2\" -xf -", "sh", source, target]))!;
        await cp.WaitForExitAsync();
    }

    private static string CreateRepository(GitCli git, string root, int files)
    {
        var source = Path.Combine(root, "source");
        Directory.CreateDirectory(source);
        var random = new Random(42);
        string[] words = ["public", "static", "void", "class", "return", "if", "else", "var", "string", "int", "namespace", "await", "record"];
        for (var i = 0; i < files; i++)
        {
            var path = Path.Combine(source, $"d{i / 50}", $"f{i}.cs");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var lines = Enumerable.Range(0, 60).Select(_ => string.Join(' ', Enumerable.Range(0, 8).Select(_ => words[random.Next(words.Length)])));
            File.WriteAllLines(path, lines);
        }

        foreach (var args in new[] { new[] { "init", "--quiet" }, ["add", "-A"], ["commit", "--quiet", "-m", "init"], ["gc", "--quiet"] })
        {
            git.Run(source, args, TimeSpan.FromMinutes(5));
        }

        return source;
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
