/* The floor under the events benchmark: libvirt's own latency from a call to the lifecycle callback, in C.
 * The same workload as `dotnet LibvirtNested.Benchmarks.dll events` and libvirt_python_events.py: on
 * test:///default, one running domain suspended and resumed one call at a time; the callback (on the thread running
 * virEventRunDefaultImpl) reads the domain's name and UUID, takes its timestamp and wakes the caller.
 * Latency = CLOCK_MONOTONIC in the callback - CLOCK_MONOTONIC just before the call.
 * Build and run: gcc -O2 -o /tmp/event_latency benchmarks/events/event_latency.c -lvirt -lpthread && /tmp/event_latency 5000
 * (needs libvirt-dev, as benchmarks/native/cycle.c does). */
#include <libvirt/libvirt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t arrived = PTHREAD_COND_INITIALIZER;
static long long received_ns;
static int received;

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int on_lifecycle(virConnectPtr conn, virDomainPtr dom, int event, int detail, void *opaque)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    long long t;
    (void)conn; (void)event; (void)detail; (void)opaque;
    (void)virDomainGetName(dom);
    virDomainGetUUIDString(dom, uuid);
    t = now_ns();
    pthread_mutex_lock(&lock);
    received_ns = t;
    received = 1;
    pthread_cond_signal(&arrived);
    pthread_mutex_unlock(&lock);
    return 0;
}

static void *run_loop(void *unused)
{
    (void)unused;
    for (;;)
        virEventRunDefaultImpl();
    return NULL;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int pings = argc > 1 ? atoi(argv[1]) : 5000;
    double *latency = malloc(sizeof(double) * pings);
    pthread_t loop;
    virConnectPtr conn;
    virDomainPtr dom;

    virEventRegisterDefaultImpl();
    pthread_create(&loop, NULL, run_loop, NULL);
    conn = virConnectOpen("test:///default");
    dom = virDomainDefineXML(conn, "<domain type='test'><name>c-event-latency</name><memory>131072</memory><os><type>hvm</type></os></domain>");
    if (!conn || !dom || virDomainCreate(dom) < 0)
        return 1;
    virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_CALLBACK(on_lifecycle), NULL, NULL);
    for (int i = 0; i < pings; i++) {
        long long sent;
        pthread_mutex_lock(&lock);
        received = 0;
        pthread_mutex_unlock(&lock);
        sent = now_ns();
        if (i % 2 == 0)
            virDomainSuspend(dom);
        else
            virDomainResume(dom);
        pthread_mutex_lock(&lock);
        while (!received)
            pthread_cond_wait(&arrived, &lock);
        pthread_mutex_unlock(&lock);
        latency[i] = (received_ns - sent) / 1000.0;
    }
    qsort(latency, pings, sizeof(double), compare);
    printf("C one at a time p50 %.1f us, p99 %.1f us, max %.1f us (%d events)\n",
           latency[pings / 2], latency[(int)(pings * 0.99)], latency[pings - 1], pings);
    return 0;
}
