namespace Slipway.Core.Templates;

internal enum TemplateKind
{
    Stage,
    Job,
    Step,
    Variable,
    Extends,
}

internal static class TemplateKinds
{
    public static TemplateKind FromSection(string section) => section switch
    {
        "stages" => TemplateKind.Stage,
        "jobs" => TemplateKind.Job,
        "steps" => TemplateKind.Step,
        _ => TemplateKind.Variable,
    };

    /// <summary>The one section a template of this kind provides besides <c>parameters</c> (AZP-TPL-4).</summary>
    public static string Section(this TemplateKind kind) => kind switch
    {
        TemplateKind.Stage => "stages",
        TemplateKind.Job => "jobs",
        TemplateKind.Step => "steps",
        TemplateKind.Variable => "variables",
        _ => string.Empty,
    };

    public static string Describe(this TemplateKind kind) => kind switch
    {
        TemplateKind.Stage => "stage template",
        TemplateKind.Job => "job template",
        TemplateKind.Step => "step template",
        TemplateKind.Variable => "variable template",
        _ => "extends template",
    };
}
