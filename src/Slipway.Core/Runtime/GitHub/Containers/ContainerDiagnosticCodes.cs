namespace Slipway.Core.Runtime.GitHub.Containers;

/// <summary>Diagnostic codes of job containers and service containers: SLW8500-SLW8549.</summary>
internal static class ContainerDiagnosticCodes
{
    /// <summary>The job has <c>container:</c>/<c>services:</c> but no Docker-compatible engine answers <c>docker version</c>.</summary>
    public const string EngineMissing = "SLW8500";

    /// <summary>Containers only run on Linux (the runner's rule).</summary>
    public const string NotLinux = "SLW8501";

    /// <summary><c>container:</c>/<c>services:</c> could not be evaluated or has no <c>image</c>.</summary>
    public const string InvalidDefinition = "SLW8502";

    /// <summary><c>docker network create</c> failed.</summary>
    public const string NetworkFailed = "SLW8503";

    /// <summary><c>docker login</c> with the container's <c>credentials</c> failed.</summary>
    public const string LoginFailed = "SLW8504";

    /// <summary><c>docker pull</c> failed three times.</summary>
    public const string PullFailed = "SLW8505";

    /// <summary><c>docker create</c> or <c>docker start</c> failed.</summary>
    public const string StartFailed = "SLW8506";

    /// <summary>A service ended <c>unhealthy</c> (or in another state than <c>healthy</c>).</summary>
    public const string ServiceUnhealthy = "SLW8507";

    /// <summary>A tear-down command (<c>docker rm</c>, <c>docker network rm</c>, <c>docker logs</c>) failed.</summary>
    public const string TearDownFailed = "SLW8508";
}
