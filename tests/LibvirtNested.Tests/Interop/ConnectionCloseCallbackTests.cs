using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Interop;

/// <summary>
/// The close callback's handle lifetime on the test driver, which accepts <c>virConnectRegisterCloseCallback</c>
/// but never calls the callback nor the free callback: only the library's own unregistration frees the handle.
/// That the callback fires with a reason needs a daemon to lose (tests/LibvirtNested.IntegrationTests).
/// </summary>
public class ConnectionCloseCallbackTests
{
    [Test]
    public void Every_opened_connection_registers_and_dispose_frees_the_handle()
    {
        var connection = LibvirtConnection.Open(TestDriver.Uri);
        var registration = connection.Handle.CloseCallback;
        Assert.That(registration, Is.Not.Null);
        Assert.That(registration!.HandleFreed, Is.False);

        connection.Dispose();

        Assert.That(registration.HandleFreed, Is.True);
        Assert.That(registration.ClosedReason, Is.Null, "closing our own connection is not a lost connection");
    }

    [Test]
    public void Read_only_and_authenticated_opens_register_too()
    {
        using var readOnly = LibvirtConnection.OpenReadOnly(TestDriver.Uri);
        using var authenticated = LibvirtConnection.OpenAuthenticated(TestDriver.Uri, "user", "secret");

        Assert.That(readOnly.Handle.CloseCallback, Is.Not.Null);
        Assert.That(authenticated.Handle.CloseCallback, Is.Not.Null);
    }

    [Test]
    public void A_connection_nobody_disposed_is_finalized_and_frees_the_handle()
    {
        var registration = OpenAndForget();

        for (var attempt = 0; attempt < 10 && !registration.HandleFreed; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.That(registration.HandleFreed, Is.True, "the registration must not root the connection");
    }

    [Test]
    public void Connections_over_a_domains_reference_do_not_register_a_second_callback()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        var name = TestDriver.UniqueName("close-of");
        using var domain = connection.DefineDomain(TestDriver.DomainXmlText(name));
        try
        {
            using var other = LibvirtConnection.Of(domain);

            Assert.That(other.Handle.CloseCallback, Is.Null);
            Assert.That(other.IsAlive, Is.True);
        }
        finally
        {
            domain.Undefine();
        }
    }

    private static ConnectionCloseCallback OpenAndForget()
    {
        var connection = LibvirtConnection.Open(TestDriver.Uri);
        return connection.Handle.CloseCallback!;
    }
}
