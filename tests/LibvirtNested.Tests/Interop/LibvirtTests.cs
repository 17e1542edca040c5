using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Interop;

public class LibvirtTests
{
    [Test]
    public void A_missing_library_is_one_clear_exception_naming_the_package()
    {
        var error = Assert.Throws<LibvirtNotInstalledException>(() => Libvirt.Load("libvirt-missing-for-test.so.0"));

        Assert.That(error!.Message, Does.Contain("libvirt-missing-for-test.so.0").And.Contain("libvirt0"));
    }

    [Test]
    public void The_installed_library_loads()
    {
        Assert.DoesNotThrow(() => Libvirt.Load(Libvirt.LibraryName));
        Assert.That(Libvirt.LibraryName, Is.EqualTo("libvirt.so.0"));
    }

    [Test]
    public unsafe void String_results_are_copied_and_owned_ones_freed_with_c_free()
    {
        Assert.That(Libvirt.CopyString(0), Is.Null);
        Assert.That(OwnedUtf8StringMarshaller.ConvertToManaged(null), Is.Null);
        var native = (byte*)System.Runtime.InteropServices.Marshal.StringToCoTaskMemUTF8("héllo");

        Assert.That(ConstUtf8StringMarshaller.ConvertToManaged(native), Is.EqualTo("héllo"));
        Assert.That(OwnedUtf8StringMarshaller.ConvertToManaged(native), Is.EqualTo("héllo"));
        OwnedUtf8StringMarshaller.Free(native);
    }

    [Test]
    public void Not_installed_exception_has_the_standard_constructors()
    {
        Assert.That(new LibvirtNotInstalledException().Message, Does.Contain("libvirt0"));
        Assert.That(new LibvirtNotInstalledException("m", new InvalidOperationException()).InnerException, Is.Not.Null);
        Assert.That(new LibvirtNotInstalledException("libvirt.so.0", "virInitialize failed.").Message, Does.Contain("virInitialize failed."));
    }
}
