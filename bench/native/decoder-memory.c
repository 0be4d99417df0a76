/*
 * How much of a freed PocketSphinx decoder glibc gives back (docs/fuzzing.md, "Memory back to its baseline").
 * Loads one decoder, then N more at once on N threads, frees all but one, runs malloc_trim, and prints VmRSS at
 * each step. Debian's libpocketsphinx3 has no headers package installed here, so the few prototypes are declared below.
 *
 *   gcc -O1 -o /tmp/decoder-memory bench/native/decoder-memory.c -lpthread \
 *       /usr/lib/x86_64-linux-gnu/libpocketsphinx.so.3 /usr/lib/x86_64-linux-gnu/libsphinxbase.so.3
 *   /tmp/decoder-memory N KEEP THRESHOLD_KIB   # KEEP 0: keep the first decoder, 1: keep one of the N;
 *                                              # THRESHOLD_KIB 0: glibc's dynamic mmap threshold, else fixed there
 * Run from the repository (it reads models/medical/build/medical.dict).
 */
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *ps_args(void);
void *cmd_ln_parse_r(void *inout, void *defn, int argc, char **argv, int strict);
void *ps_init(void *config);
int ps_free(void *ps);
int cmd_ln_free_r(void *config);

static long rss_mb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = 0;
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, "VmRSS:", 6)) kb = atol(line + 6);
    fclose(f);
    return kb / 1024;
}

static void *load(void *unused)
{
    (void)unused;
    char *args[] = {"-hmm", "/usr/share/pocketsphinx/model/en-us/en-us", "-lm", "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin",
                    "-dict", "models/medical/build/medical.dict", "-logfn", "/dev/null", "-fwdflat", "no"};
    void *config = cmd_ln_parse_r(NULL, ps_args(), 10, args, 1);
    void *ps = ps_init(config);
    cmd_ln_free_r(config);
    if (!ps) { fprintf(stderr, "ps_init failed\n"); exit(1); }
    return ps;
}

int main(int argc, char **argv)
{
    if (argc != 4) { fprintf(stderr, "usage: %s N KEEP THRESHOLD_KIB\n", argv[0]); return 2; }
    int n = atoi(argv[1]), keep_interleaved = atoi(argv[2]), threshold_kib = atoi(argv[3]);
    if (n < 1 || n > 16) return 2;
    setvbuf(stdout, NULL, _IONBF, 0);
    if (threshold_kib > 0) mallopt(M_MMAP_THRESHOLD, threshold_kib * 1024);
    printf("start %ld MB\n", rss_mb());
    void *first = load(NULL);
    printf("one decoder %ld MB\n", rss_mb());
    pthread_t threads[16];
    void *decoders[16];
    for (int i = 0; i < n; i++) pthread_create(&threads[i], NULL, load, NULL);
    for (int i = 0; i < n; i++) pthread_join(threads[i], &decoders[i]);
    printf("%d more at once %ld MB\n", n, rss_mb());
    if (keep_interleaved) { ps_free(first); for (int i = 1; i < n; i++) ps_free(decoders[i]); }
    else for (int i = 0; i < n; i++) ps_free(decoders[i]);
    printf("all but one freed %ld MB\n", rss_mb());
    malloc_trim(0);
    printf("after malloc_trim %ld MB\n", rss_mb());
    return 0;
}
