using Slipway.Core.Runtime.Orchestration;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Steps.Scripts;

namespace Slipway.Core.Runtime.Tasks.Archives;

/// <summary>
/// 7-Zip as ArchiveFiles@2 and ExtractFiles@1 run it off Windows (<c>tl.which('7z', true)</c>): the <c>7z</c> program
/// (or <c>7za</c>) from the step's PATH. The command lines are the tasks': <c>7z a -t7z [-mx=N] ARCHIVE @LIST</c> run in
/// the folder the list is relative to, and <c>7z x -oDEST [-aoa] ARCHIVE</c> (<c>-aos</c> without overwrite, so 7-Zip never
/// waits for an answer). WIM images are Windows-only.
/// </summary>
internal static class SevenZip
{
    public static readonly string MissingMessage =
        $"{AzureRunDiagnosticCodes.SevenZipMissing}: 7z archives need the 7-Zip program (7z or 7za) on PATH, and neither was found. " +
        "On Debian or Ubuntu install the package p7zip-full (sudo apt-get install p7zip-full).";

    public static readonly string WimMessage =
        $"{AzureRunDiagnosticCodes.WimNotSupported}: WIM images (archiveType wim) are made with the Windows imaging tools, which exist on Windows agents only; " +
        "use zip, tar or 7z in a local run.";

    /// <summary>The 7-Zip program on the step's PATH, or null.</summary>
    public static string? Find(StepContext context) => ScriptFile.Which(context, "7z") ?? ScriptFile.Which(context, "7za");

    /// <summary>ArchiveFiles@2 <c>sevenZipArchive</c>: <c>a -t7z</c>, <c>-mx=</c> from sevenZipCompression, the archive, then the list file.</summary>
    public static IReadOnlyList<string> ArchiveArguments(string archive, string listFile, string? compression)
    {
        List<string> args = ["a", "-t7z"];
        if (!string.IsNullOrWhiteSpace(compression))
        {
            args.Add("-mx=" + CompressionLevel(compression));
        }

        args.Add(archive);
        args.Add("@" + listFile);
        return args;
    }

    /// <summary>ExtractFiles@1 <c>sevenZipExtract</c>: <c>x -oDEST</c>, <c>-aoa</c> to overwrite (else <c>-aos</c>), the archive.</summary>
    public static IReadOnlyList<string> ExtractArguments(string archive, string destination, bool overwrite) =>
        ["x", "-o" + destination, overwrite ? "-aoa" : "-aos", archive];

    /// <summary>sevenZipCompression (ultra, maximum, normal, fast, fastest, none) as 7-Zip's <c>-mx</c> level; 5 otherwise.</summary>
    public static string CompressionLevel(string compression) => compression.Trim().ToLowerInvariant() switch
    {
        "ultra" => "9",
        "maximum" => "7",
        "fast" => "3",
        "fastest" => "1",
        "none" => "0",
        _ => "5",
    };

    /// <summary>Runs 7-Zip; null on success, else the failure message.</summary>
    public static async Task<StepOutcome?> RunAsync(StepContext context, string program, IReadOnlyList<string> arguments, string workingDirectory, string what, CancellationToken cancellationToken)
    {
        context.Log.Command(program + " " + string.Join(' ', arguments));
        var result = await context.Processes.RunAsync(
            new StepProcessRequest { FileName = program, Arguments = arguments, WorkingDirectory = workingDirectory, ProcessCommands = false }, cancellationToken).ConfigureAwait(false);
        if (result.Process.StartError is { } startError)
        {
            return StepOutcome.Failed($"{what} failed: {startError}");
        }

        if (result.Process.Canceled || result.Process.TimedOut)
        {
            return StepOutcome.Canceled;
        }

        return result.ExitCode == 0 ? null : StepOutcome.Failed($"{what} failed: 7-Zip exited with code {result.ExitCode}.", result.ExitCode);
    }
}
