/*
 * Baseline for SnipwKernelBenchmark: SNIPW's arithmetic in C, single thread.
 *
 *   gcc -O3 -march=native -o /tmp/snipw_kernel ope4j-bench/scripts/snipw_kernel.c
 *   /tmp/snipw_kernel [ROWS=10000000] [REPETITIONS=30]
 *
 * (or ope4j-bench/scripts/run_kernel_baseline.sh, which builds and runs it).
 *
 * Columns are drawn like SyntheticNarrowLog (pscore uniform in (0.01, 1], pi uniform in [0, 1],
 * reward Bernoulli(q) with q uniform in [0, 1], all multiples of 1e-6), from a SplitMix64
 * stream (not the Java one: the arithmetic's speed does not depend on the exact values).
 *
 * Kernels, each timed REPETITIONS times over all rows:
 *   plain:        sum w*r, sum w with w = pi / pscore, one fused loop (the target's baseline);
 *   engine-form:  per 1024-row block, terms x = w*r, d = w into scratch, then the five sums
 *                 (x, d, xx, dd, xd) and the extremes of x and d that TermMoments keeps, blocks
 *                 combined with Neumaier sums: the engine's per-block work for SNIPW, in C.
 * No -ffast-math: the sums stay in order, as in Java, so neither loop's reduction is vectorised.
 * Prints median [min max] M rows/s per kernel, both per second of wall time and per second of
 * this thread's CPU time (the latter hardly moves when other processes share the cores), and the
 * results (so nothing is optimised away).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define BLOCK 1024

static uint64_t state = 20240601ULL;

static uint64_t next64(void) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static int below(int bound) { return (int)((next64() >> 33) % (uint64_t)bound); }

static double clock_seconds(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

__attribute__((noinline)) static void plain(const double *restrict pi, const double *restrict pscore,
                                            const double *restrict reward, long n, double *out) {
  double sx = 0, sd = 0;
  for (long i = 0; i < n; i++) {
    double w = pi[i] / pscore[i];
    sx += w * reward[i];
    sd += w;
  }
  out[0] = sx;
  out[1] = sd;
}

static void neumaier(double *sum, double *comp, double x) {
  double t = *sum + x;
  *comp += fabs(*sum) >= fabs(x) ? (*sum - t) + x : (x - t) + *sum;
  *sum = t;
}

__attribute__((noinline)) static void engine_form(const double *restrict pi,
                                                  const double *restrict pscore,
                                                  const double *restrict reward, long n,
                                                  double *out) {
  static double x[BLOCK], d[BLOCK];
  double sum[5] = {0}, comp[5] = {0};
  double lo_x = INFINITY, hi_x = -INFINITY, lo_d = INFINITY, hi_d = -INFINITY;
  for (long from = 0; from < n; from += BLOCK) {
    long len = n - from < BLOCK ? n - from : BLOCK;
    for (long i = 0; i < len; i++) {
      double w = pi[from + i] / pscore[from + i];
      x[i] = w * reward[from + i];
      d[i] = w;
    }
    double sx = 0, sd = 0, sxx = 0, sdd = 0, sxd = 0;
    for (long i = 0; i < len; i++) {
      double u = x[i], v = d[i];
      sx += u;
      sd += v;
      sxx += u * u;
      sdd += v * v;
      sxd += u * v;
      if (u < lo_x) lo_x = u;
      if (u > hi_x) hi_x = u;
      if (v < lo_d) lo_d = v;
      if (v > hi_d) hi_d = v;
    }
    neumaier(&sum[0], &comp[0], sx);
    neumaier(&sum[1], &comp[1], sd);
    neumaier(&sum[2], &comp[2], sxx);
    neumaier(&sum[3], &comp[3], sdd);
    neumaier(&sum[4], &comp[4], sxd);
  }
  out[0] = sum[0] + comp[0];
  out[1] = sum[1] + comp[1];
  out[2] = sum[2] + comp[2] + sum[3] + comp[3] + sum[4] + comp[4] + lo_x + hi_x + lo_d + hi_d;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

typedef void (*kernel_fn)(const double *, const double *, const double *, long, double *);

static void run(const char *name, kernel_fn kernel, const double *pi, const double *pscore,
                const double *reward, long n, int repetitions) {
  double *wall = malloc(sizeof(double) * repetitions);
  double *cpu = malloc(sizeof(double) * repetitions);
  double out[3] = {0}, check = 0;
  kernel(pi, pscore, reward, n, out); /* warm caches and page tables */
  for (int k = 0; k < repetitions; k++) {
    double wall0 = clock_seconds(CLOCK_MONOTONIC), cpu0 = clock_seconds(CLOCK_THREAD_CPUTIME_ID);
    kernel(pi, pscore, reward, n, out);
    cpu[k] = n / (clock_seconds(CLOCK_THREAD_CPUTIME_ID) - cpu0) / 1e6;
    wall[k] = n / (clock_seconds(CLOCK_MONOTONIC) - wall0) / 1e6;
    check += out[0] / out[1] + out[2];
  }
  qsort(wall, repetitions, sizeof(double), compare);
  qsort(cpu, repetitions, sizeof(double), compare);
  printf("%-12s M rows per wall-s: median %4.0f [min %4.0f max %4.0f]   per CPU-s: median %4.0f [min %4.0f max "
         "%4.0f]   (snipw %.6f, check %.3g)\n",
         name, wall[repetitions / 2], wall[0], wall[repetitions - 1], cpu[repetitions / 2], cpu[0],
         cpu[repetitions - 1], out[0] / out[1], check);
  free(wall);
  free(cpu);
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000000L;
  int repetitions = argc > 2 ? atoi(argv[2]) : 30;
  double *pi = malloc(sizeof(double) * n);
  double *pscore = malloc(sizeof(double) * n);
  double *reward = malloc(sizeof(double) * n);
  if (!pi || !pscore || !reward || n <= 0 || repetitions <= 0) {
    fprintf(stderr, "usage: snipw_kernel [ROWS>0] [REPETITIONS>0]\n");
    return 2;
  }
  for (long i = 0; i < n; i++) {
    pscore[i] = (10001 + below(990000)) / 1e6;
    pi[i] = below(1000001) / 1e6;
    int q = below(1000001);
    reward[i] = below(1000000) < q ? 1.0 : 0.0;
  }
  printf("rows %ld, repetitions %d\n", n, repetitions);
  run("plain", plain, pi, pscore, reward, n, repetitions);
  run("engine-form", engine_form, pi, pscore, reward, n, repetitions);
  free(pi);
  free(pscore);
  free(reward);
  return 0;
}
