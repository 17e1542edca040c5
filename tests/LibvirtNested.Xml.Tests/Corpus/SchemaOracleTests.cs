using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Corpus;

[TestFixture]
public sealed class SchemaOracleTests
{
    [Test]
    public void The_oracle_accepts_a_valid_corpus_domain_and_rejects_a_broken_one()
    {
        var valid = LibvirtNested.Testing.Corpus.OfKind("domain", validOnly: true).First();
        var text = File.ReadAllText(valid.FullPath);
        var failures = RelaxNg.Validate("domain", [("valid", text), ("broken", text.Replace("<domain", "<domain bogus='1'", StringComparison.Ordinal))]);
        Assert.That(failures.Keys, Is.EquivalentTo(new[] { "broken" }));
        Assert.That(failures["broken"], Does.Contain("fails to validate"));
    }
}
