/*
 * Why the service's memory stayed up after a burst of live streams (docs/fuzzing.md, "Memory back to its baseline"):
 * a decoder loaded as the engine loads one — the general English model mixed with the medical one in an
 * ngram_model_set — and freed, N times over, printing malloc's bytes in use (mallinfo2) after each load and free and
 * the references to each language model left once the decoder is freed. sphinxbase 5prealpha's ngram_model_set_init
 * takes a reference of its own to each model it mixes, so the caller's references are its own to free.
 *
 *   gcc -O1 -o /tmp/language-model-references bench/native/language-model-references.c \
 *       /usr/lib/x86_64-linux-gnu/libpocketsphinx.so.3 /usr/lib/x86_64-linux-gnu/libsphinxbase.so.3
 *   /tmp/language-model-references 0 3   # as the engine did: a reference taken for the set, the reading's kept
 *   /tmp/language-model-references 1 3   # as it does now: none taken, the reading's freed once mixed
 * Run from the repository (it reads models/medical/build/). Debian's libpocketsphinx3 has no headers package
 * installed here, so the few prototypes are declared below.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

void *ps_args(void);
void *cmd_ln_parse_r(void *inout, void *defn, int argc, char **argv, int strict);
int cmd_ln_free_r(void *config);
void *ps_init(void *config);
int ps_free(void *ps);
void *ps_get_config(void *ps);
void *ps_get_logmath(void *ps);
void *ps_get_lm(void *ps, const char *name);
int ps_set_lm(void *ps, const char *name, void *lm);
int ps_set_search(void *ps, const char *name);
void *ngram_model_read(void *config, const char *path, int type, void *logmath);
void *ngram_model_retain(void *model);
int ngram_model_free(void *model);
void *ngram_model_set_init(void *config, void **models, char **names, const float *weights, int n);

static long in_use_mb(void)
{
    struct mallinfo2 m = mallinfo2();
    return (long)((m.uordblks + m.hblkhd) >> 20);
}

int main(int argc, char **argv)
{
    if (argc != 3) { fprintf(stderr, "usage: %s FIXED ROUNDS\n", argv[0]); return 2; }
    int fixed = atoi(argv[1]), rounds = atoi(argv[2]);
    setvbuf(stdout, NULL, _IONBF, 0);
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024); /* as the engine sets it (GlibcHeap) */
    printf("start: %ld MB in use\n", in_use_mb());
    for (int round = 1; round <= rounds; round++)
    {
        char *args[] = {"-hmm", "/usr/share/pocketsphinx/model/en-us/en-us", "-lm", "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin",
                        "-dict", "models/medical/build/medical.dict", "-logfn", "/dev/null", "-fwdflat", "no"};
        void *config = cmd_ln_parse_r(NULL, ps_args(), 10, args, 1);
        void *ps = ps_init(config);
        cmd_ln_free_r(config);
        if (!ps) { fprintf(stderr, "ps_init failed\n"); return 1; }
        void *general = ps_get_lm(ps, "_default");
        void *medical = ngram_model_read(ps_get_config(ps), "models/medical/build/medical.lm.bin", 0, ps_get_logmath(ps));
        if (!medical) { fprintf(stderr, "no medical model: build it with scripts/build-medical-model.sh\n"); return 1; }
        if (!fixed) ngram_model_retain(general);
        void *models[] = {general, medical};
        char *names[] = {"general", "medical"};
        float weights[] = {0.998f, 0.002f};
        void *mix = ngram_model_set_init(ps_get_config(ps), models, names, weights, 2);
        if (fixed) ngram_model_free(medical);
        ps_set_lm(ps, "medical", mix);
        ngram_model_free(mix);
        ps_set_search(ps, "medical");
        printf("round %d: loaded %ld MB in use", round, in_use_mb());
        /* A reference of our own to each model, to count what the freed decoder left behind. */
        ngram_model_retain(general);
        ngram_model_retain(medical);
        ps_free(ps);
        int general_left = ngram_model_free(general), medical_left = ngram_model_free(medical);
        printf(", freed %ld MB in use; references left: general model %d, medical model %d\n", in_use_mb(), general_left, medical_left);
    }
    return 0;
}
