#!/usr/bin/env python3
"""Writes perf kvm stat reports with rows, using the printf formats of print_result() in
tools/perf/builtin-kvm.c (name width 20 up to perf 6.3, KVM_EVENT_NAME_LEN 40 from 6.4).
This machine's kvm_pvm emits no kvm_exit tracepoints, so real reports here have no rows."""

def report(path, title, rows, width=20, event="VM-EXIT", live_stamp=None, lost=0):
    total_count = sum(r[1] for r in rows)
    total_time = sum(r[1] * r[4] for r in rows)  # ns
    out = []
    if live_stamp:
        out.append("\x1b[H\x1b[2J" + live_stamp)
    out.append("\n\n")
    out.append(title + "\n\n")
    out.append("%*s " % (width, event) + "%10s " % "Samples" + "%9s " % "Samples%" + "%9s " % "Time%"
               + "%11s " % "Min Time" + "%11s " % "Max Time" + "%16s " % "Avg time" + "\n\n")
    for name, count, mn, mx, mean, rsd in rows:
        etime = count * mean
        out.append("%*s " % (width, name) + "%10d " % count + "%8.2f%% " % (count / total_count * 100)
                   + "%8.2f%% " % (etime / total_time * 100) + "%9.2fus " % (mn / 1e3) + "%9.2fus " % (mx / 1e3)
                   + "%9.2fus ( +-%7.2f%% )" % (etime / count / 1e3, rsd) + "\n")
    out.append("\nTotal Samples:%d, Total events handled time:%.2fus.\n\n" % (total_count, total_time / 1e3))
    if lost:
        out.append("\nLost events: %d\n\n" % lost)
    with open(path, "w") as f:
        f.write("".join(out))

# (name, samples, min ns, max ns, mean ns, relative stddev %)
before = [
    ("VMREAD", 1843212, 310, 48211, 612, 0.41),
    ("VMWRITE", 1290457, 295, 51020, 598, 0.38),
    ("EPT_VIOLATION", 88123, 880, 910233, 4210, 3.12),
    ("VMRESUME", 61877, 2101, 130455, 5233, 0.97),
    ("MSR_WRITE", 40211, 402, 22310, 1022, 1.54),
    ("EXTERNAL_INTERRUPT", 30122, 370, 12050, 1433, 2.01),
    ("HLT", 20455, 560, 1001118990, 3056794, 9.88),
    ("VMPTRLD", 12011, 1220, 30112, 2044, 0.77),
    ("CPUID", 9042, 400, 12820, 650, 1.29),
    ("IO_INSTRUCTION", 4120, 1830, 99871, 9120, 4.40),
]
after = [
    ("EPT_VIOLATION", 86210, 870, 899012, 4188, 3.05),
    ("VMRESUME", 60544, 2088, 129001, 5101, 0.95),
    ("MSR_WRITE", 39877, 401, 21887, 1019, 1.51),
    ("EXTERNAL_INTERRUPT", 29988, 365, 11900, 1421, 1.98),
    ("HLT", 21012, 555, 1000998123, 3001220, 9.71),
    ("VMREAD", 15421, 300, 30111, 590, 1.12),
    ("VMPTRLD", 11987, 1218, 29877, 2031, 0.75),
    ("VMWRITE", 10233, 290, 29001, 577, 1.09),
    ("CPUID", 9001, 399, 12700, 648, 1.27),
    ("IO_INSTRUCTION", 4098, 1822, 98770, 9088, 4.35),
]
report("synthetic-intel-before-shadow-vmcs.txt", "Analyze events for pid(s) 4242, all VCPUs:", before)
report("synthetic-intel-after-shadow-vmcs.txt", "Analyze events for pid(s) 4242, all VCPUs:", after)
by_time = sorted(before, key=lambda r: -r[4])
report("synthetic-intel-key-time-width40.txt", "Analyze events for all VMs, all VCPUs:", by_time, width=40)
svm = [
    ("npf", 50211, 900, 80122, 2210, 1.90),
    ("PF excp", 8012, 700, 20011, 1300, 2.50),
    ("io", 4011, 1500, 70122, 8123, 3.30),
    ("hlt", 3001, 600, 900122333, 2500111, 8.80),
    ("UNKNOWN", 12, 400, 1000, 700, 10.00),
]
report("synthetic-amd-vcpu0-live.txt", "Analyze events for all VMs, VCPU 0:", svm, live_stamp="04:20:11.123456", lost=17)
report("synthetic-ioport.txt", "Analyze events for all VMs, all VCPUs:",
       [("0x70:POUT", 120, 1100, 9000, 2100, 4.0), ("0x71:PIN", 118, 1000, 8800, 2000, 3.9)], event="IO Port Access")
