namespace LibvirtNested.Host;

/// <summary>How the text of a file under <c>/etc/modprobe.d</c> was decoded, and therefore how it is written back.</summary>
public enum FileTextEncoding
{
    /// <summary>Valid UTF-8 (which includes plain ASCII), without a byte order mark.</summary>
    Utf8 = 0,

    /// <summary>Valid UTF-8 that starts with a byte order mark; the mark is kept when the file is written.</summary>
    Utf8WithByteOrderMark = 1,

    /// <summary>Not valid UTF-8 (for example a Latin-1 comment with <c>0xE9</c>): each byte was read as one character
    /// (ISO-8859-1) and is written back as the same byte, so every byte the merge does not change is kept exactly.</summary>
    Latin1 = 2,
}
