using System.Diagnostics;
using System.Text;

namespace Slipway.Core.Runtime.Repositories;

internal sealed partial class GitCli
{
    /// <summary>One started git: collects stdout and stderr lines as they arrive.</summary>
    private sealed class Running : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly StringBuilder _stdout = new();
        private readonly StringBuilder _stderr = new();
        private readonly Action<string>? _onLine;

        public Running(Process process, Action<string>? onLine)
        {
            Process = process;
            _onLine = onLine;
            process.OutputDataReceived += (_, e) => Add(_stdout, e.Data);
            process.ErrorDataReceived += (_, e) => Add(_stderr, e.Data);
        }

        public Process Process { get; }

        public GitResult Result()
        {
            lock (_gate)
            {
                return new GitResult(Process.ExitCode, _stdout.ToString(), _stderr.ToString());
            }
        }

        public void Kill()
        {
            try
            {
                Process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited in the meantime.
            }
        }

        public void Dispose() => Process.Dispose();

        private void Add(StringBuilder target, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                target.Append(line).Append('\n');
                _onLine?.Invoke(line);
            }
        }
    }
}
