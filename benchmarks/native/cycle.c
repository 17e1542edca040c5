/* define -> read inactive XML -> undefine, N times, on test:///default; prints ns/cycle.
 * Build: gcc -O2 -o cycle cycle.c -lvirt
 * Run:   ./cycle [cycles] [domain.xml]   (warm-up: cycles/10, at least 100)
 * Wall time and this thread's CPU time (CLOCK_THREAD_CPUTIME_ID): the test driver runs in-process, on this thread. */
#define _POSIX_C_SOURCE 199309L
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void quiet(void *data, virErrorPtr err) { (void)data; (void)err; }

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    if (fread(text, 1, (size_t)n, f) != (size_t)n) { perror(path); exit(2); }
    text[n] = '\0';
    fclose(f);
    return text;
}

static size_t cycle(virConnectPtr conn, const char *xml)
{
    virDomainPtr dom = virDomainDefineXML(conn, xml);
    if (!dom) { fprintf(stderr, "define: %s\n", virGetLastErrorMessage()); exit(1); }
    char *desc = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    if (!desc) { fprintf(stderr, "dumpxml: %s\n", virGetLastErrorMessage()); exit(1); }
    size_t len = strlen(desc);
    free(desc);
    if (virDomainUndefine(dom) < 0) { fprintf(stderr, "undefine: %s\n", virGetLastErrorMessage()); exit(1); }
    virDomainFree(dom);
    return len;
}

static double now_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    long cycles = argc > 1 ? atol(argv[1]) : 20000;
    const char *path = argc > 2 ? argv[2] : "domain.xml";
    char *xml = read_file(path);
    virSetErrorFunc(NULL, quiet);
    virConnectPtr conn = virConnectOpen("test:///default");
    if (!conn) { fprintf(stderr, "open: %s\n", virGetLastErrorMessage()); return 1; }

    long warmup = cycles / 10 < 100 ? 100 : cycles / 10;
    size_t len = 0;
    for (long i = 0; i < warmup; i++) len = cycle(conn, xml);

    double start = now_ns(CLOCK_MONOTONIC), start_cpu = now_ns(CLOCK_THREAD_CPUTIME_ID);
    for (long i = 0; i < cycles; i++) len = cycle(conn, xml);
    double elapsed = now_ns(CLOCK_MONOTONIC) - start, cpu = now_ns(CLOCK_THREAD_CPUTIME_ID) - start_cpu;

    printf("C: %ld cycles, %.0f ns/cycle wall, %.0f ns/cycle thread-CPU (define %zu B, inactive XML %zu B)\n",
           cycles, elapsed / (double)cycles, cpu / (double)cycles, strlen(xml), len);
    virConnectClose(conn);
    free(xml);
    return 0;
}
