namespace Slipway.Core.Runtime.Steps;

/// <summary>A variable as the job sees it right now.</summary>
internal sealed record VariableValue(string Name, string Value, bool IsSecret, bool IsReadOnly);

/// <summary>
/// The job's variables from a step's point of view. Names are case-insensitive. Values set here
/// (like <c>##vso[task.setvariable]</c>) are visible to later steps only: this step's
/// <see cref="StepContext.Environment"/> does not change.
/// </summary>
internal interface IStepVariables
{
    /// <summary>The value (secrets included, unmasked: never log it yourself), or null when undefined.</summary>
    string? Get(string name);

    /// <summary>Every variable, for handlers that pass variables on (Node tasks: <c>SECRET_*</c>, <c>VSTS_TASKVARIABLE_*</c>).</summary>
    IReadOnlyList<VariableValue> All { get; }

    /// <summary>
    /// Sets a variable as <c>task.setvariable</c> does: a secret is registered with the masker at once;
    /// <paramref name="isOutput"/> also publishes <c>STEPNAME.name</c> for later jobs and stages; setting a
    /// read-only variable is refused with a warning in the step log (returns false).
    /// </summary>
    bool Set(string name, string value, bool isSecret = false, bool isOutput = false, bool isReadOnly = false);

    /// <summary>
    /// For trusted built-in handlers only (never reachable from logging commands): defines or moves a system
    /// variable even when it is read-only, as the agent does internally (the checkout moves Build.SourcesDirectory).
    /// The variable keeps its read-only state; a new one is read-only.
    /// </summary>
    void SetSystem(string name, string value);

    /// <summary>Registers a value to mask everywhere from now on (<c>task.setsecret</c>).</summary>
    void AddSecret(string value);

    /// <summary>Prepends a directory to PATH for later steps (<c>task.prependpath</c>).</summary>
    void PrependPath(string path);

    /// <summary>Expands <c>$(name)</c> macros: recursive, case-insensitive, an undefined name stays as written.</summary>
    string Expand(string text);
}
