using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.GitHub.Tokens;

namespace Slipway.Core.Pipelines.GitHub.Reading;

/// <summary>One problem found in a workflow, with GitHub's message text and the Slipway code for it.</summary>
internal sealed record WorkflowError(string Code, string Message, SourceLocation Location)
{
    /// <summary>GitHub names only the file for some errors (YAML and limits); the location is still kept for Slipway's diagnostic.</summary>
    public bool FileOnly { get; init; }

    private const int MaxGitHubMessageLength = 500;

    /// <summary>GitHub's form: <c>file (Line: L, Col: C): message</c>, cut at 500 characters with <c>[...]</c> as GitHub does.</summary>
    public string GitHubMessage
    {
        get
        {
            var text = Location.IsKnown && !FileOnly
                ? $"{Location.File} (Line: {Location.Line}, Col: {Location.Column}): {Message}"
                : Location.File.Length > 0 ? $"{Location.File}: {Message}" : Message;
            return text.Length > MaxGitHubMessageLength ? text[..MaxGitHubMessageLength] + "[...]" : text;
        }
    }

    public Diagnostic ToDiagnostic() => Diagnostic.Error(Code, Message, Location);
}

/// <summary>Collects workflow errors in the order they were found.</summary>
internal sealed class WorkflowErrors
{
    private readonly List<WorkflowError> _items = [];

    public IReadOnlyList<WorkflowError> Items => _items;

    public int Count => _items.Count;

    public void Add(string code, string message, SourceLocation location) => _items.Add(new WorkflowError(code, message, location));

    public void Add(string code, string message, TemplateToken token) => Add(code, message, token.Location);

    public void AddFileOnly(string code, string message, SourceLocation location) =>
        _items.Add(new WorkflowError(code, message, location) { FileOnly = true });
}
