using NUnit.Framework;

namespace LibvirtNested.Tests;

public class LibvirtConnectionTests
{
    [Test]
    public void Open_test_driver_reports_its_facts()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);

        Assert.That(connection.Uri, Is.EqualTo(new Uri(TestDriver.Uri)));
        Assert.That(connection.HostName, Is.Not.Empty);
        Assert.That(connection.DriverType, Is.EqualTo("TEST").IgnoreCase);
        Assert.That(connection.LibvirtVersion, Is.GreaterThanOrEqualTo(new Version(9, 0, 0)));
        Assert.That(connection.HypervisorVersion.Major, Is.GreaterThanOrEqualTo(0));
        Assert.That(connection.IsAlive, Is.True);
    }

    [Test]
    public void IsAlive_is_false_and_calls_throw_after_dispose()
    {
        var connection = LibvirtConnection.Open(TestDriver.Uri);
        connection.Dispose();

        Assert.That(connection.IsAlive, Is.False);
        Assert.Throws<ObjectDisposedException>(() => _ = connection.HostName);
    }

    [Test]
    public void OpenReadOnly_reads_but_refuses_changes()
    {
        using var connection = LibvirtConnection.OpenReadOnly(TestDriver.Uri);

        Assert.That(connection.ListDomains(), Is.Not.Empty);
        var error = Assert.Throws<LibvirtException>(() => connection.DefineDomain(TestDriver.Domain(TestDriver.UniqueName("ro"))));
        Assert.That(error!.CodeName, Is.EqualTo("VIR_ERR_OPERATION_DENIED"));
    }

    [Test]
    public void OpenAuthenticated_opens_the_test_driver_without_prompting()
    {
        var prompts = 0;
        using var connection = LibvirtConnection.OpenAuthenticated(TestDriver.Uri, credentials =>
        {
            prompts += credentials.Count;
            return true;
        });

        Assert.That(connection.IsAlive, Is.True);
        Assert.That(prompts, Is.Zero);
    }

    [Test]
    public void OpenAuthenticated_read_only_refuses_changes_like_OpenReadOnly()
    {
        using var connection = LibvirtConnection.OpenAuthenticated(TestDriver.Uri, _ => true, LibvirtConnectionAccess.ReadOnly);

        Assert.That(connection.ListDomains(), Is.Not.Empty);
        var error = Assert.Throws<LibvirtException>(() => connection.DefineDomain(TestDriver.Domain(TestDriver.UniqueName("ro-auth"))));
        Assert.That(error!.CodeName, Is.EqualTo("VIR_ERR_OPERATION_DENIED"));
        Assert.That(() => LibvirtConnection.OpenAuthenticated(TestDriver.Uri, _ => true, (LibvirtConnectionAccess)7),
            Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void OpenAuthenticated_with_user_and_password_opens_the_test_driver()
    {
        using var connection = LibvirtConnection.OpenAuthenticated(TestDriver.Uri, "user", "secret");

        Assert.That(connection.Uri.Scheme, Is.EqualTo("test"));
    }

    [Test]
    public void Open_of_an_unknown_driver_is_a_connection_failure()
    {
        var error = Assert.Throws<LibvirtConnectionFailedException>(() => LibvirtConnection.Open("nosuchdriver:///x"));

        Assert.That(error!.Function, Is.EqualTo("virConnectOpen"));
        Assert.That(error.LibvirtMessage, Is.Not.Empty);
    }

    [Test]
    public void Open_of_an_unreachable_daemon_socket_is_a_connection_failure()
    {
        var error = Assert.Throws<LibvirtConnectionFailedException>(
            () => LibvirtConnection.Open("qemu+unix:///system?socket=/nonexistent/libvirt-sock"));

        Assert.That(error!.LibvirtMessage, Does.Contain("/nonexistent/libvirt-sock"));
    }

    [Test]
    public void DecodeVersion_splits_libvirt_numbers()
    {
        Assert.That(LibvirtConnection.DecodeVersion(9_000_000), Is.EqualTo(new Version(9, 0, 0)));
        Assert.That(LibvirtConnection.DecodeVersion(7_002_013), Is.EqualTo(new Version(7, 2, 13)));
    }

    [Test]
    public void Capabilities_parse_into_the_xml_model()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);

        var capabilities = connection.GetCapabilities();

        Assert.That(capabilities.Element.Element("host"), Is.Not.Null);
        Assert.That(capabilities.Element.Elements("guest"), Is.Not.Empty);
    }

    [Test]
    public void Domain_capabilities_are_unsupported_on_the_test_driver()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);

        var error = Assert.Throws<LibvirtUnsupportedOperationException>(() => connection.GetDomainCapabilities(virtType: "kvm"));

        Assert.That(error!.Function, Is.EqualTo("virConnectGetDomainCapabilities"));
    }
}
