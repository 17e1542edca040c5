using NUnit.Framework;

namespace LibvirtNested.Tests;

public class LibvirtExceptionTests
{
    private static readonly Type[] Subclasses =
    [
        typeof(LibvirtNotFoundException), typeof(LibvirtInvalidXmlException), typeof(LibvirtSchemaValidationException),
        typeof(LibvirtUnsupportedConfigurationException), typeof(LibvirtUnsupportedOperationException),
        typeof(LibvirtOperationInvalidException), typeof(LibvirtAlreadyExistsException), typeof(LibvirtConnectionFailedException),
        typeof(LibvirtConnectionLostException), typeof(LibvirtAuthenticationException),
    ];

    [TestCaseSource(nameof(Subclasses))]
    public void Every_subclass_is_a_libvirt_exception_with_the_standard_constructors(Type type)
    {
        var inner = new InvalidOperationException("inner");

        var empty = (LibvirtException)Activator.CreateInstance(type)!;
        var withMessage = (LibvirtException)Activator.CreateInstance(type, "message")!;
        var withInner = (LibvirtException)Activator.CreateInstance(type, "message", inner)!;

        Assert.That(empty.Code, Is.Zero);
        Assert.That(withMessage.Message, Is.EqualTo("message"));
        Assert.That(withMessage.LibvirtMessage, Is.EqualTo("message"));
        Assert.That(withInner.InnerException, Is.SameAs(inner));
        Assert.That(withMessage.CodeName, Is.Null);
        Assert.That(withMessage.ExtraInfo, Is.Empty);
    }
}
