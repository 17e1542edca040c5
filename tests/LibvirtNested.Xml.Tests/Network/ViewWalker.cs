using System.Collections;
using System.Reflection;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Tests.Network;

/// <summary>
/// Reads every public property of a typed view and of every view reachable from it (single views and lists), so
/// that a corpus test covers each typed property, including ones added later, without naming them.
/// </summary>
internal static class ViewWalker
{
    private static readonly HashSet<string> Skipped = ["Element", "Document"];

    /// <summary>Reads everything; returns "path.Property: message" for each property that threw, and the count of properties read.</summary>
    public static (List<string> Failures, int Read) ReadAll(XmlView view)
    {
        var failures = new List<string>();
        var read = 0;
        Walk(view, view.Element.Name.LocalName, failures, ref read);
        return (failures, read);
    }

    private static void Walk(XmlView view, string path, List<string> failures, ref int read)
    {
        foreach (var property in view.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || Skipped.Contains(property.Name))
            {
                continue;
            }

            object? value;
            try
            {
                value = property.GetValue(view);
                read++;
            }
            catch (TargetInvocationException e)
            {
                failures.Add($"{path}.{property.Name}: {e.InnerException?.GetType().Name}: {e.InnerException?.Message}");
                continue;
            }

            switch (value)
            {
                case XmlView child:
                    Walk(child, path + "/" + child.Element.Name.LocalName, failures, ref read);
                    break;
                case IEnumerable items and not string and not XElement:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is XmlView itemView)
                        {
                            Walk(itemView, $"{path}/{itemView.Element.Name.LocalName}[{index}]", failures, ref read);
                        }

                        index++;
                    }

                    break;
            }
        }
    }
}
