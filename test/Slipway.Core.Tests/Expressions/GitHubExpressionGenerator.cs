using System.Globalization;

namespace Slipway.Core.Tests.Expressions;

/// <summary>
/// Generates random GitHub Actions expressions over <see cref="ContextJson"/> for the differential test.
/// It stays inside behaviour both engines define the same way on purpose: strings hold at most one
/// <c>''</c> escape (GitHub's TypeScript lexer unescapes only the first), object keys are not
/// numeric and differ by more than case, and no text grows near the 1 MB evaluation budget.
/// </summary>
internal sealed class GitHubExpressionGenerator(int seed)
{
    public const string ContextJson = """
        {"obj":{"a":"x","B":2,"c":true,"d":null,"e":[1,"2"],"f":{"g":"deep"}},
         "arr":["a","B",3,null,false,1.5,"0x10"],
         "objs":[{"name":"n1","v":1},{"name":"N2","v":"1"},{"other":true}],
         "num":42,"neg":-0.5,"str":"Hello World","empty":"","yes":true,"no":false,"nothing":null,
         "nested":{"x":[{"y":1},{"y":[2,3]},{"z":4}]}}
        """;

    private static readonly string[] Literals =
    [
        "null", "true", "false", "0", "1", "-1", "2", "42", "1.5", ".5", "-0", "0x1F", "0o17", "1e3", "1E-2", "NaN", "Infinity", "-Infinity",
        "'abc'", "'ABC'", "''", "' 1 '", "'0x10'", "'true'", "'false'", "'It''s'", "'1.5'", "'hello world'", "'x'", "'NaN'", "'{0}'", "'[1,2]'",
    ];

    private static readonly string[] Paths =
    [
        "obj", "obj.a", "obj.A", "obj['b']", "obj.c", "obj.d", "obj.e", "obj.e[1]", "obj.f.g", "obj.*", "obj.missing", "obj['']",
        "arr", "arr[0]", "arr[1.9]", "arr['2']", "arr[-1]", "arr[10]", "arr.*", "arr[true]", "arr[null]",
        "objs", "objs.*.name", "objs[*].v", "objs.*.missing", "objs[0].name", "num", "neg", "str", "empty", "yes", "no", "nothing",
        "nested.x.*.y", "nested.x.*.y.*", "nested.x[1].y[0]", "nested.*.*",
    ];

    private static readonly string[] Operators = ["==", "!=", "<", "<=", ">", ">=", "&&", "||"];

    private readonly Random _random = new(seed);

    public string Next() => Expression(3);

    private string Expression(int depth)
    {
        if (depth == 0)
        {
            return Leaf();
        }

        return _random.Next(10) switch
        {
            0 or 1 => Leaf(),
            2 or 3 => $"{Expression(depth - 1)} {Operators[_random.Next(Operators.Length)]} {Expression(depth - 1)}",
            4 => $"!{Expression(depth - 1)}",
            5 => $"({Expression(depth - 1)})",
            _ => Function(depth - 1),
        };
    }

    private string Leaf() => _random.Next(2) == 0 ? Literals[_random.Next(Literals.Length)] : Paths[_random.Next(Paths.Length)];

    private string Function(int depth) => _random.Next(9) switch
    {
        0 => $"contains({Expression(depth)}, {Expression(depth)})",
        1 => $"startsWith({Expression(depth)}, {Expression(depth)})",
        2 => $"endsWith({Expression(depth)}, {Expression(depth)})",
        3 => $"format('{Template()}', {Expression(depth)}, {Expression(depth)})",
        4 => _random.Next(2) == 0 ? $"join({Expression(depth)})" : $"join({Expression(depth)}, {Expression(depth)})",
        5 => $"toJSON({Expression(depth)})",
        6 => $"fromJSON(toJSON({Expression(depth)}))",
        7 => $"fromJSON({Expression(depth)})",
        _ => $"case({Expression(depth)}, {Expression(depth)}, {Expression(depth)})",
    };

    private string Template() => _random.Next(6) switch
    {
        0 => "{0}-{1}",
        1 => "{{0}} {1}",
        2 => "[{0}]",
        3 => "{2}",
        4 => "}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{{{_random.Next(2)}}}"),
    };
}
