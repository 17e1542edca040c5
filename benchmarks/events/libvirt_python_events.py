#!/usr/bin/python3
"""libvirt-python's side of the event benchmark (benchmarks/README.md, "Events").

The same workload as the C# `events` mode, on libvirt-python's default event loop: virEventRegisterDefaultImpl,
a thread calling virEventRunDefaultImpl in a loop, one domainEventRegisterAny(VIR_DOMAIN_EVENT_ID_LIFECYCLE)
for all domains, on test:///default. One running domain is suspended and resumed by the main thread; every call
emits one lifecycle event (Suspended, Resumed). The callback is the consumer: it reads the domain's name and UUID
(as the C# event carries them) and takes its timestamp first thing.

Latency of one event = monotonic time when the consumer receives it - monotonic time just before the libvirt call
that emits it (time.perf_counter_ns, CLOCK_MONOTONIC, the clock of .NET's Stopwatch).
  throughput: N calls back to back; rate = N / (first call -> N-th event received); latencies under that load.
  latency:    M calls one at a time, each waiting until its event was received (no queueing).
Prints one JSON object. Usage: libvirt_python_events.py [events=100000] [pings=5000]
"""
import json
import os
import sys
import threading
import time

import libvirt

DOMAIN_XML = "<domain type='test'><name>{name}</name><memory>131072</memory><os><type>hvm</type></os></domain>"


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p))]


def summary(latencies_ns):
    s = sorted(latencies_ns)
    return {"p50_us": percentile(s, 0.50) / 1e3, "p99_us": percentile(s, 0.99) / 1e3, "max_us": s[-1] / 1e3}


def cpu_seconds():
    t = os.times()
    return t.user + t.system


class Consumer:
    """The lifecycle callback's state: receive times, and a way to wait for the n-th event."""

    def __init__(self):
        self.received = []
        self.expected = None
        self.done = threading.Event()
        self.wrong = 0

    def callback(self, conn, dom, event, detail, opaque):
        now = time.perf_counter_ns()
        name = dom.name()
        dom.UUIDString()
        if name != opaque:
            return
        self.received.append(now)
        if event not in (libvirt.VIR_DOMAIN_EVENT_SUSPENDED, libvirt.VIR_DOMAIN_EVENT_RESUMED):
            self.wrong += 1
        if self.expected is not None and len(self.received) >= self.expected:
            self.done.set()

    def expect(self, count):
        self.received = []
        self.done.clear()
        self.expected = count


def run_loop():
    while True:
        if libvirt.virEventRunDefaultImpl() < 0:
            break


class Pauser:
    """Suspends and resumes one running domain alternately: one lifecycle event per call."""

    def __init__(self, domain):
        self.domain = domain
        self.paused = False

    def toggle(self):
        if self.paused:
            self.domain.resume()
        else:
            self.domain.suspend()
        self.paused = not self.paused


def throughput(pauser, consumer, n):
    consumer.expect(n)
    sent = [0] * n
    start_cpu = cpu_seconds()
    for i in range(n):
        sent[i] = time.perf_counter_ns()
        pauser.toggle()
    calls_done = time.perf_counter_ns()
    if not consumer.done.wait(60):
        raise SystemExit(f"only {len(consumer.received)} of {n} events within 60 s")
    cpu = cpu_seconds() - start_cpu
    received = consumer.received
    elapsed = received[-1] - sent[0]
    result = {
        "events": n,
        "events_per_s": n / (elapsed / 1e9),
        "calls_per_s": n / ((calls_done - sent[0]) / 1e9),
        "cpu_us_per_event": cpu * 1e6 / n,
    }
    result.update({"loaded_" + k: v for k, v in summary([r - s for r, s in zip(received, sent)]).items()})
    return result


def latency(pauser, consumer, pings):
    latencies = []
    for _ in range(pings):
        consumer.expect(1)
        sent = time.perf_counter_ns()
        pauser.toggle()
        if not consumer.done.wait(30):
            raise SystemExit("an event did not arrive within 30 s")
        latencies.append(consumer.received[0] - sent)
    return summary(latencies)


def main():
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    pings = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    libvirt.virEventRegisterDefaultImpl()
    threading.Thread(target=run_loop, name="libvirt event loop", daemon=True).start()
    conn = libvirt.open("test:///default")
    name = f"pybench-{os.getpid()}"
    domain = conn.defineXML(DOMAIN_XML.format(name=name))
    domain.create()
    consumer = Consumer()
    conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, consumer.callback, name)

    pauser = Pauser(domain)
    throughput(pauser, consumer, min(events, 20_000))  # warm-up, like the C# side's
    result = throughput(pauser, consumer, events)
    lat = latency(pauser, consumer, pings)
    result.update({"pings": pings, **lat, "wrong_events": consumer.wrong})
    result["python"] = sys.version.split()[0]
    result["libvirt_python"] = libvirt.getVersion()
    if pauser.paused:
        domain.resume()
    domain.destroy()
    domain.undefine()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
