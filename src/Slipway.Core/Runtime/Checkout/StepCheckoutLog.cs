using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Checkout;

/// <summary>A checkout's log lines into the step log (which masks them).</summary>
internal sealed class StepCheckoutLog : ICheckoutLog
{
    private readonly IStepLogger _log;

    public StepCheckoutLog(IStepLogger log) => _log = log;

    public void Output(string line) => _log.Output(line);

    public void Command(string line) => _log.Command(line);

    public void Debug(string line) => _log.Debug(line);

    public void Warning(string message, string code) => _log.Warning(message, code: code);
}
