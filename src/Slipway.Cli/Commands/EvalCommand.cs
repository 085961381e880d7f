using System.CommandLine;
using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Azure;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;

namespace Slipway.Cli.Commands;

/// <summary>
/// <c>slipway eval [--dialect azp|gha] [--context FILE.json] EXPRESSION</c>: evaluates one expression and
/// prints its value as JSON. The context file's top-level keys are the named values.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var dialect = new Option<string>("--dialect")
        {
            Description = "Expression dialect: azp (Azure Pipelines) or gha (GitHub Actions).",
            DefaultValueFactory = _ => "azp",
        };
        dialect.AcceptOnlyFromAmong("azp", "gha");
        var context = new Option<FileInfo?>("--context") { Description = "A JSON file whose top-level keys are the named values." };
        var expression = new Argument<string>("expression") { Description = "The expression, e.g. \"eq(variables.a, 'x')\"." };
        var command = new Command("eval", "Evaluate an expression and print its value as JSON.") { dialect, context, expression };
        command.SetAction(parse => Run(console, parse.GetValue(dialect) == "gha", parse.GetValue(context), parse.GetValue(expression) ?? string.Empty));
        return command;
    }

    private static int Run(CliConsole console, bool github, FileInfo? contextFile, string text)
    {
        if (!TryLoadContext(contextFile, out var context, out var problem))
        {
            console.Report([problem!]);
            return ExitCodes.Invalid;
        }

        var options = new ExpressionParseOptions { NamedValues = context.Names.ToList() };
        var parsed = github ? GitHubExpression.Parse(text, options) : AzureExpression.Parse(text, options);
        if (parsed.Expression is null)
        {
            console.Report(parsed.Diagnostics);
            return ExitCodes.Invalid;
        }

        var result = parsed.Expression.Evaluate(context);
        if (result.Error is not null)
        {
            console.Report([result.Error]);
            return ExitCodes.Invalid;
        }

        console.Out.WriteLine(ValueJson.Write(result.Value, indented: true));
        return ExitCodes.Success;
    }

    private static bool TryLoadContext(FileInfo? file, out EvaluationContext context, out Diagnostic? problem)
    {
        context = EvaluationContext.Empty;
        problem = null;
        if (file is null)
        {
            return true;
        }

        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = ContextProblem($"The context file '{file}' could not be read: {e.Message}");
            return false;
        }

        if (!ValueJson.TryParse(text, out var value, out var error) || value is not ObjectValue obj)
        {
            problem = ContextProblem($"The context file '{file}' must hold a JSON object: {(error.Length > 0 ? error : "found another value")}");
            return false;
        }

        context = EvaluationContext.FromObject(obj);
        return true;
    }

    private static Diagnostic ContextProblem(string message) =>
        Diagnostic.Error(ExpressionDiagnosticCodes.ContextFile, message, SourceLocation.None);
}
