using System.Diagnostics;
using Slipway.Core.Execution.Processes;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Containers;

/// <summary>What a <c>docker</c> command printed and how it ended.</summary>
internal sealed record DockerOutput(int ExitCode, IReadOnlyList<string> Lines)
{
    public bool Succeeded => ExitCode == 0;

    public string? First => Lines.FirstOrDefault(l => l.Length > 0);
}

/// <summary>
/// Runs the <c>docker</c> commands of "Initialize containers"/"Stop containers": each shown as <c>##[command]</c>,
/// its output into the step log (masked there), with an explicit environment (values of <c>-e NAME</c> come from it).
/// </summary>
internal sealed class DockerCli(string program, string workingDirectory, TimeProvider time, IStepLogger log)
{
    public async Task<DockerOutput> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancel, bool echo = true)
    {
        log.Command($"{program} {string.Join(' ', arguments)}");
        var lines = new List<string>();
        var spec = new ProcessSpec { FileName = program, Arguments = arguments, WorkingDirectory = workingDirectory, Environment = environment };
        var result = await new ProcessRunner(time).RunAsync(spec, line =>
        {
            lock (lines)
            {
                lines.Add(line.Text);
            }

            if (echo)
            {
                log.Output(line.Text);
            }

            return ValueTask.CompletedTask;
        }, cancel).ConfigureAwait(false);
        if (result.StartError is { } error)
        {
            log.Output(error);
            return new DockerOutput(-1, lines);
        }

        return new DockerOutput(result.Canceled || result.TimedOut ? -1 : result.ExitCode, lines);
    }

    /// <summary>Runs a command whose standard input is <paramref name="input"/> (<c>docker login --password-stdin</c>).</summary>
    public async Task<int> RunWithInputAsync(IReadOnlyList<string> arguments, string input, IReadOnlyDictionary<string, string> environment, CancellationToken cancel)
    {
        log.Command($"{program} {string.Join(' ', arguments)}");
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var killOnCancel = cancel.Register(() => Kill(process));
        await process.StandardInput.WriteAsync(input.AsMemory(), cancel).ConfigureAwait(false);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancel);
        var errors = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel).ConfigureAwait(false);
        foreach (var line in ((await output.ConfigureAwait(false)) + (await errors.ConfigureAwait(false))).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            log.Output(line.TrimEnd('\r'));
        }

        return process.ExitCode;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }
}
