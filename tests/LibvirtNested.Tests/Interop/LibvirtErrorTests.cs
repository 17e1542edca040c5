using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Interop;

public class LibvirtErrorTests
{
    private const int FromDomain = 20;
    private const int FromRpc = 7;
    private const int FromRemote = 13;
    private const int FromQemu = 10;

    // Every code that maps to a subclass, by its libvirt value (virterror.h, libvirt 9.0.0).
    [TestCase(42, "VIR_ERR_NO_DOMAIN", typeof(LibvirtNotFoundException))]
    [TestCase(43, "VIR_ERR_NO_NETWORK", typeof(LibvirtNotFoundException))]
    [TestCase(49, "VIR_ERR_NO_STORAGE_POOL", typeof(LibvirtNotFoundException))]
    [TestCase(50, "VIR_ERR_NO_STORAGE_VOL", typeof(LibvirtNotFoundException))]
    [TestCase(53, "VIR_ERR_NO_NODE_DEVICE", typeof(LibvirtNotFoundException))]
    [TestCase(57, "VIR_ERR_NO_INTERFACE", typeof(LibvirtNotFoundException))]
    [TestCase(62, "VIR_ERR_NO_NWFILTER", typeof(LibvirtNotFoundException))]
    [TestCase(66, "VIR_ERR_NO_SECRET", typeof(LibvirtNotFoundException))]
    [TestCase(72, "VIR_ERR_NO_DOMAIN_SNAPSHOT", typeof(LibvirtNotFoundException))]
    [TestCase(99, "VIR_ERR_DEVICE_MISSING", typeof(LibvirtNotFoundException))]
    [TestCase(101, "VIR_ERR_NO_NWFILTER_BINDING", typeof(LibvirtNotFoundException))]
    [TestCase(103, "VIR_ERR_NO_DOMAIN_CHECKPOINT", typeof(LibvirtNotFoundException))]
    [TestCase(104, "VIR_ERR_NO_DOMAIN_BACKUP", typeof(LibvirtNotFoundException))]
    [TestCase(107, "VIR_ERR_NO_NETWORK_PORT", typeof(LibvirtNotFoundException))]
    [TestCase(27, "VIR_ERR_XML_ERROR", typeof(LibvirtInvalidXmlException))]
    [TestCase(35, "VIR_ERR_XML_DETAIL", typeof(LibvirtInvalidXmlException))]
    [TestCase(92, "VIR_ERR_XML_INVALID_SCHEMA", typeof(LibvirtSchemaValidationException))]
    [TestCase(67, "VIR_ERR_CONFIG_UNSUPPORTED", typeof(LibvirtUnsupportedConfigurationException))]
    [TestCase(3, "VIR_ERR_NO_SUPPORT", typeof(LibvirtUnsupportedOperationException))]
    [TestCase(74, "VIR_ERR_ARGUMENT_UNSUPPORTED", typeof(LibvirtUnsupportedOperationException))]
    [TestCase(84, "VIR_ERR_OPERATION_UNSUPPORTED", typeof(LibvirtUnsupportedOperationException))]
    [TestCase(55, "VIR_ERR_OPERATION_INVALID", typeof(LibvirtOperationInvalidException))]
    [TestCase(28, "VIR_ERR_DOM_EXIST", typeof(LibvirtAlreadyExistsException))]
    [TestCase(37, "VIR_ERR_NETWORK_EXIST", typeof(LibvirtAlreadyExistsException))]
    [TestCase(90, "VIR_ERR_STORAGE_VOL_EXIST", typeof(LibvirtAlreadyExistsException))]
    [TestCase(106, "VIR_ERR_NETWORK_PORT_EXIST", typeof(LibvirtAlreadyExistsException))]
    [TestCase(45, "VIR_ERR_AUTH_FAILED", typeof(LibvirtAuthenticationException))]
    [TestCase(79, "VIR_ERR_AUTH_CANCELLED", typeof(LibvirtAuthenticationException))]
    [TestCase(94, "VIR_ERR_AUTH_UNAVAILABLE", typeof(LibvirtAuthenticationException))]
    [TestCase(5, "VIR_ERR_NO_CONNECT", typeof(LibvirtConnectionFailedException))]
    [TestCase(39, "VIR_ERR_RPC", typeof(LibvirtConnectionLostException))]
    public void Code_maps_to_its_exception_type(int code, string codeName, Type expected)
    {
        var info = new LibvirtErrorInfo(code, FromDomain, 2, "libvirt says no", "extra");

        var exception = LibvirtError.Map(info, "virSomething");

        Assert.That(exception, Is.TypeOf(expected));
        Assert.That(exception.Code, Is.EqualTo(code));
        Assert.That(exception.CodeName, Is.EqualTo(codeName));
        Assert.That(exception.Domain, Is.EqualTo(FromDomain));
        Assert.That(exception.DomainName, Is.EqualTo("VIR_FROM_DOMAIN"));
        Assert.That(exception.Level, Is.EqualTo(LibvirtErrorLevel.Error));
        Assert.That(exception.LibvirtMessage, Is.EqualTo("libvirt says no"));
        Assert.That(exception.Function, Is.EqualTo("virSomething"));
        Assert.That(exception.ExtraInfo, Is.EqualTo(new[] { "extra" }));
        Assert.That(exception.Message, Does.StartWith("libvirt says no").And.Contain(codeName).And.Contain("virSomething"));
    }

    [TestCase(55, "operation invalid: domain is already running")]
    [TestCase(1, "internal error: Domain 'x' is already running")]
    [TestCase(1, "internal error: domain 'x' not running")]
    [TestCase(1, "internal error: domain 'x' not paused")]
    public void State_errors_are_operation_invalid_on_every_driver(int code, string message)
    {
        // qemu reports VIR_ERR_OPERATION_INVALID; the test driver an internal error with these messages (start, shutdown/suspend, resume).
        var exception = LibvirtError.Map(new LibvirtErrorInfo(code, FromDomain, 2, message), "virDomainCreate");

        Assert.That(exception, Is.TypeOf<LibvirtOperationInvalidException>());
        Assert.That(exception.Code, Is.EqualTo(code), "libvirt's own code is kept");
    }

    [TestCase(1, "VIR_ERR_INTERNAL_ERROR")]
    [TestCase(8, "VIR_ERR_INVALID_ARG")]
    [TestCase(9, "VIR_ERR_OPERATION_FAILED")]
    [TestCase(29, "VIR_ERR_OPERATION_DENIED")]
    [TestCase(38, "VIR_ERR_SYSTEM_ERROR")]
    public void Other_codes_are_plain_libvirt_exceptions(int code, string codeName)
    {
        var exception = LibvirtError.Map(new LibvirtErrorInfo(code, FromQemu, 2, "failed"));

        Assert.That(exception.GetType(), Is.EqualTo(typeof(LibvirtException)));
        Assert.That(exception.CodeName, Is.EqualTo(codeName));
        Assert.That(exception.DomainName, Is.EqualTo("VIR_FROM_QEMU"));
    }

    [TestCase(FromRpc)]
    [TestCase(FromRemote)]
    public void System_error_from_the_rpc_layer_is_a_lost_connection(int domain)
    {
        var exception = LibvirtError.Map(new LibvirtErrorInfo(38, domain, 2, "Cannot recv data: Connection reset by peer"));

        Assert.That(exception, Is.TypeOf<LibvirtConnectionLostException>());
    }

    [Test]
    public void Closed_client_socket_in_the_rpc_layer_is_a_lost_connection()
    {
        var lost = LibvirtError.Map(new LibvirtErrorInfo(1, FromRpc, 2, "internal error: client socket is closed"));
        var other = LibvirtError.Map(new LibvirtErrorInfo(1, FromRpc, 2, "internal error: unexpected reply"));

        Assert.That(lost, Is.TypeOf<LibvirtConnectionLostException>());
        Assert.That(other.GetType(), Is.EqualTo(typeof(LibvirtException)));
    }

    [Test]
    public void End_of_file_from_server_is_a_lost_connection_whatever_the_code()
    {
        var exception = LibvirtError.Map(new LibvirtErrorInfo(1, FromRemote, 2, "internal error: client socket is closed: End of file from server; end of file from server"));

        Assert.That(exception, Is.TypeOf<LibvirtConnectionLostException>());
    }

    [TestCase(38, FromRpc)]
    [TestCase(39, FromRpc)]
    [TestCase(1, FromRemote)]
    public void Errors_while_opening_are_connection_failures(int code, int domain)
    {
        var exception = LibvirtError.Map(new LibvirtErrorInfo(code, domain, 2, "Failed to connect socket"), "virConnectOpen", opening: true);

        Assert.That(exception, Is.TypeOf<LibvirtConnectionFailedException>());
    }

    [Test]
    public void Authentication_errors_while_opening_stay_authentication_errors()
    {
        var exception = LibvirtError.Map(new LibvirtErrorInfo(45, 46, 2, "authentication failed"), "virConnectOpenAuth", opening: true);

        Assert.That(exception, Is.TypeOf<LibvirtAuthenticationException>());
        Assert.That(exception.DomainName, Is.EqualTo("VIR_FROM_AUTH"));
    }

    [Test]
    public void Operation_failed_saying_already_exists_is_already_exists()
    {
        var exists = LibvirtError.Map(new LibvirtErrorInfo(9, 18, 2, "operation failed: pool 'p' already exists with uuid x"));
        var other = LibvirtError.Map(new LibvirtErrorInfo(9, 18, 2, "operation failed: something else"));

        Assert.That(exists, Is.TypeOf<LibvirtAlreadyExistsException>());
        Assert.That(other.GetType(), Is.EqualTo(typeof(LibvirtException)));
    }

    [Test]
    public void Schema_validation_failure_is_also_an_invalid_xml_error()
    {
        Assert.That(LibvirtError.Map(new LibvirtErrorInfo(92, 5, 2, "x")), Is.InstanceOf<LibvirtInvalidXmlException>());
    }

    [Test]
    public void Unknown_code_and_domain_have_no_names_but_keep_numbers()
    {
        var exception = LibvirtError.Map(new LibvirtErrorInfo(4242, 4343, 1, "future"));

        Assert.That(exception.CodeName, Is.Null);
        Assert.That(exception.DomainName, Is.Null);
        Assert.That(exception.Code, Is.EqualTo(4242));
        Assert.That(exception.Level, Is.EqualTo(LibvirtErrorLevel.Warning));
        Assert.That(exception.Message, Does.Contain("code 4242").And.Contain("domain 4343"));
    }

    [Test]
    public void Names_come_from_libvirt_api_xml()
    {
        Assert.That(LibvirtErrorNames.Code(0), Is.EqualTo("VIR_ERR_OK"));
        Assert.That(LibvirtErrorNames.Code(110), Is.EqualTo("VIR_ERR_MULTIPLE_DOMAINS"));
        Assert.That(LibvirtErrorNames.Domain(12), Is.EqualTo("VIR_FROM_TEST"));
        Assert.That(LibvirtErrorNames.Domain(72), Is.EqualTo("VIR_FROM_CH"));
    }

    [Test]
    public void TakeLast_returns_null_when_the_thread_has_no_error()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        _ = connection.HostName;

        Assert.That(LibvirtError.TakeLast(), Is.Null);
    }

    [Test]
    public void Real_missing_domain_is_not_found_with_libvirt_message()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        var name = TestDriver.UniqueName("missing");

        var error = Assert.Throws<LibvirtNotFoundException>(() => connection.GetDomain(name));

        Assert.That(error!.Code, Is.EqualTo(42));
        Assert.That(error.CodeName, Is.EqualTo("VIR_ERR_NO_DOMAIN"));
        Assert.That(error.LibvirtMessage, Does.Contain("not found").IgnoreCase);
        Assert.That(error.Function, Is.EqualTo("virDomainLookupByName"));
        Assert.That(LibvirtError.TakeLast(), Is.Null, "the error was consumed and reset");
    }

    [Test]
    public void Real_malformed_xml_is_invalid_xml_with_parser_detail()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);

        var error = Assert.Throws<LibvirtInvalidXmlException>(() => connection.DefineDomain("<domain type='kvm'><name>x</name>"));

        Assert.That(error!.CodeName, Is.EqualTo("VIR_ERR_XML_DETAIL"));
        Assert.That(error.Message, Does.Contain("virDomainDefineXMLFlags"));
    }

    [Test]
    public void Real_missing_os_type_is_invalid_xml()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        var xml = $"<domain type='kvm'><name>{TestDriver.UniqueName("noos")}</name><memory>131072</memory></domain>";

        var error = Assert.Throws<LibvirtInvalidXmlException>(() => connection.DefineDomain(xml));

        Assert.That(error!.Code, Is.EqualTo(27));
        Assert.That(error.DomainName, Is.EqualTo("VIR_FROM_DOMAIN"));
    }

    [Test]
    public void Real_schema_failure_with_validation_is_schema_validation_failed()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        var domain = TestDriver.Domain(TestDriver.UniqueName("schema"));
        domain.Element.Add(new System.Xml.Linq.XElement("notInTheSchema"));

        var error = Assert.Throws<LibvirtSchemaValidationException>(() => connection.DefineDomain(domain));

        Assert.That(error!.Code, Is.EqualTo(92));
        Assert.That(error.DomainName, Is.EqualTo("VIR_FROM_XML"));
        Assert.That(connection.TryGetDomain(domain.Name!, out _), Is.False);
    }

    [Test]
    public void Real_destroy_of_a_stopped_domain_is_operation_invalid()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        using var defined = TestDriver.Define(connection, "stopped");

        var error = Assert.Throws<LibvirtOperationInvalidException>(defined.Domain.Destroy);

        Assert.That(error!.Code, Is.EqualTo(55));
    }

    [Test]
    public void Real_duplicate_name_with_another_uuid_is_already_exists()
    {
        using var connection = LibvirtConnection.Open(TestDriver.Uri);
        using var defined = TestDriver.Define(connection, "dup");
        var copy = TestDriver.Domain(defined.Domain.Name);
        copy.Element.Add(new System.Xml.Linq.XElement("uuid", Guid.NewGuid().ToString()));

        var error = Assert.Throws<LibvirtAlreadyExistsException>(() => connection.DefineDomain(copy));

        Assert.That(error!.LibvirtMessage, Does.Contain("already exists"));
    }
}
