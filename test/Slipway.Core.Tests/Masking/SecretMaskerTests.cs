using Slipway.Core.Masking;

namespace Slipway.Core.Tests.Masking;

/// <summary>Expected values come from the spec (AZP-VAR-40a/41, GHA-SEC-1/2, GHA-CMD-3) and the
/// agent's SecretMasker tests.</summary>
public sealed class SecretMaskerTests
{
    private static SecretMasker Plain() => new(new SecretMaskerOptions { Encoders = [] });

    [Fact]
    public void AZP_VAR_41_SecretIsReplacedByStars()
    {
        var masker = Plain();
        masker.AddValue("def");

        Assert.Equal("abc***g", masker.Mask("abcdefg"));
        Assert.Equal("abc***g***", masker.Mask("abcdefgdef"));
    }

    [Fact]
    public void AZP_VAR_40a_SubstringOfSecretIsNotMasked()
    {
        var masker = SecretMasker.ForAzurePipelines();
        masker.AddValue("abc123");

        Assert.Equal("abc and 123", masker.Mask("abc and 123"));
        Assert.Equal("x***y", masker.Mask("xabc123y"));
    }

    [Fact]
    public void MASK_AdjacentOccurrencesMergeIntoOneMask()
    {
        var masker = Plain();
        masker.AddValue("abc");

        Assert.Equal("***def", masker.Mask("abcabcdef"));
    }

    [Fact]
    public void MASK_OverlappingSecretsAreBothMasked()
    {
        var masker = Plain();
        masker.AddValue("def");
        masker.AddValue("bcd");

        Assert.Equal("a***g", masker.Mask("abcdefg"));
    }

    [Fact]
    public void MASK_AdjacentDifferentSecretsBecomeOneMask()
    {
        var masker = Plain();
        masker.AddValue("efg");
        masker.AddValue("bcd");

        Assert.Equal("a***h", masker.Mask("abcdefgh"));
    }

    [Fact]
    public void MASK_SecretThatIsASubstringOfAnotherSecret()
    {
        var masker = Plain();
        masker.AddValue("pass");
        masker.AddValue("password123");

        Assert.Equal("x *** y *** z", masker.Mask("x password123 y pass z"));
        Assert.Equal("***", masker.Mask("password123"));
    }

    [Fact]
    public void MASK_SelfOverlappingSecret()
    {
        var masker = Plain();
        masker.AddValue("aa");

        Assert.Equal("***b", masker.Mask("aaaaab"));
    }

    [Fact]
    public void MASK_NoSecretsOrEmptyInput_ReturnsInput()
    {
        var masker = Plain();

        Assert.Equal("abcdefg", masker.Mask("abcdefg"));
        Assert.Equal(string.Empty, masker.Mask(null));
        masker.AddValue("abcd");
        Assert.Equal(string.Empty, masker.Mask(string.Empty));
        Assert.False(masker.AddValue(string.Empty));
    }

    [Fact]
    public void AZP_MinimumLength_ShorterSecretsAreIgnored()
    {
        var masker = SecretMasker.ForAzurePipelines(minimumLength: 3);
        masker.AddValue("bc");
        masker.AddValue("defg");
        masker.AddValue("h12");

        Assert.Equal("abc***3", masker.Mask("abcdefgh123"));
    }

    [Fact]
    public void AZP_MinimumLength_IsCappedAtFour()
    {
        var masker = SecretMasker.ForAzurePipelines(minimumLength: 9);
        masker.AddValue("abcd");

        Assert.Equal("x***", masker.Mask("xabcd"));
    }

    [Fact]
    public void AZP_Encoders_JsonUriAndBackslashFormsAreMasked()
    {
        var masker = SecretMasker.ForAzurePipelines();
        masker.AddValue("hello world");
        masker.AddValue("carriage-return\r_newline\n_tab\t_backslash\\_double-quote\"");
        masker.AddValue(@"abc\\def\'\""ghi\t");

        Assert.Equal("***", masker.Mask("hello%20world"));
        Assert.Equal("***", masker.Mask("carriage-return\\r_newline\\n_tab\\t_backslash\\\\_double-quote\\\""));
        Assert.Equal("***", masker.Mask(@"abc\def'""ghi" + "\t"));
    }

    [Fact]
    public void GHA_SEC_2_Base64AndItsShiftedAlignmentsAreMasked()
    {
        var masker = SecretMasker.ForGitHubActions();
        masker.AddValue("p@ssw0rd!x");

        // base64("user:p@ssw0rd!x"): the secret starts at byte 5, so from byte 6 on the output is
        // base64 of the secret without its first byte; the first 6 bytes ("user:p") stay readable.
        var basicAuth = Convert.ToBase64String("user:p@ssw0rd!x"u8.ToArray());
        Assert.Equal(Convert.ToBase64String("user:p"u8.ToArray()) + "***", masker.Mask(basicAuth));
        Assert.Equal("***", masker.Mask(Convert.ToBase64String("p@ssw0rd!x"u8.ToArray())));
        Assert.Equal("***", masker.Mask(Convert.ToBase64String("@ssw0rd!x"u8.ToArray())));
        Assert.Equal("***", masker.Mask(Convert.ToBase64String("ssw0rd!x"u8.ToArray())));
    }

    [Fact]
    public void GHA_SEC_2_JsonUriXmlAndExpressionFormsAreMasked()
    {
        var masker = SecretMasker.ForGitHubActions();
        masker.AddValue("a\"b<c>&d'e f");

        Assert.Equal("[***]", masker.Mask("[a\\\"b<c>&d'e f]"));
        Assert.Equal("[***]", masker.Mask("[a%22b%3Cc%3E%26d%27e%20f]"));
        Assert.Equal("[***]", masker.Mask("[a&quot;b&lt;c&gt;&amp;d&apos;e f]"));
        Assert.Equal("[***]", masker.Mask("[a\"b<c>&d''e f]"));
    }

    [Fact]
    public void GHA_SEC_1_MultiLineSecretIsMaskedLineByLine()
    {
        var masker = SecretMasker.ForGitHubActions();
        masker.AddValue("  first-line\nsecond-line \n\n");

        Assert.Equal("a *** b", masker.Mask("a first-line b"));
        Assert.Equal("***", masker.Mask("second-line"));
    }

    [Fact]
    public void AZP_MultiLineSecret_IsRegisteredWhole()
    {
        var masker = SecretMasker.ForAzurePipelines();
        masker.AddValue("first\nsecond");

        Assert.Equal("first", masker.Mask("first"));
        Assert.Equal("***", masker.Mask("first\nsecond"));
    }

    [Fact]
    public void MASK_NonAsciiSecret()
    {
        var masker = SecretMasker.ForGitHubActions();
        masker.AddValue("ключ-𐐷𐐷");

        Assert.Equal("x***y", masker.Mask("xключ-𐐷𐐷y"));
    }
}
