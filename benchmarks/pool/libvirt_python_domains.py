#!/usr/bin/env python3
"""libvirt-python peer of `LibvirtNested.Benchmarks many-domains`: on one connection to URI, define N domains,
list every domain with its XML, read <memory> from each document, undefine them. Prints one JSON line of the
phases' seconds. Debian's python3-libvirt 9.0 on python 3.11."""
import json
import sys
import time
import xml.etree.ElementTree as ET

import libvirt


def main():
    uri, count, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    libvirt.registerErrorHandler(lambda *_: None, None)
    conn = libvirt.open(uri)
    xml = ("<domain type='qemu'><name>{}</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
           "<os><type arch='x86_64'>hvm</type></os></domain>")
    phases = {}
    t = time.perf_counter()
    for i in range(count):
        conn.defineXML(xml.format(f"{prefix}-{i}"))
    phases["define"] = time.perf_counter() - t

    t = time.perf_counter()
    docs = [(d.name(), d.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)) for d in conn.listAllDomains()
            if d.name().startswith(prefix)]
    phases["list_xml"] = time.perf_counter() - t

    t = time.perf_counter()
    total = 0
    for _, text in docs:
        memory = ET.fromstring(text).find("memory")
        unit = memory.get("unit", "KiB")
        total += int(memory.text) * (1024 if unit == "KiB" else 1)
    phases["read_field"] = time.perf_counter() - t

    t = time.perf_counter()
    for name, _ in docs:
        conn.lookupByName(name).undefine()
    phases["undefine"] = time.perf_counter() - t
    conn.close()
    print(json.dumps({"count": len(docs), "memory_sum": total, **phases}))


if __name__ == "__main__":
    main()
