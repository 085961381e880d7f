namespace Slipway.Core.Masking;

/// <summary>
/// Random placeholder credentials (<c>GITHUB_TOKEN</c>, <c>System.AccessToken</c>) as lowercase hex. The bytes come
/// from <see cref="Guid.NewGuid"/>, which reads the operating system's secure generator directly:
/// <c>RandomNumberGenerator</c> goes through OpenSSL on Linux, and loading it cost every run about 5 ms before its
/// first job. A version-4 GUID has 122 random bits in 16 bytes; the token is the GUIDs' bytes, so a few of its hex
/// digits are fixed, which matters nothing for a value that is only ever masked and never checked.
/// </summary>
internal static class PlaceholderTokens
{
    /// <summary>A hex string of <paramref name="bytes"/> random bytes (2 × <paramref name="bytes"/> digits).</summary>
    public static string Hex(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        var buffer = new byte[(bytes + 15) / 16 * 16];
        for (var i = 0; i < buffer.Length; i += 16)
        {
            _ = Guid.NewGuid().TryWriteBytes(buffer.AsSpan(i));
        }

        return Convert.ToHexStringLower(buffer, 0, bytes);
    }
}
