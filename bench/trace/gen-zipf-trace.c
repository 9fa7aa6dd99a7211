/*
 * gen-zipf-trace: writes a plain-format memory trace for the trace benchmarks.
 *
 *   gen-zipf-trace REFERENCES PAGES EXPONENT SEED > FILE
 *
 * Each line is "R 0xADDRESS" or "W 0xADDRESS" (30% writes). The page of each reference is
 * zipf(EXPONENT) over PAGES pages: rank r (1-based) has weight 1/r^EXPONENT, drawn by binary
 * search over the cumulative weights (inversion), and ranks are scattered over the pages by a
 * seeded Fisher-Yates permutation so the hot pages are not neighbours. The offset within the
 * 4 KiB page is uniform. Random numbers come from SplitMix64 (Steele, Lea and Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014), so a seed gives the same bytes
 * on every machine.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state;

static uint64_t next(void) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static double unit(void) { return (double)(next() >> 11) * 0x1.0p-53; }

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: gen-zipf-trace REFERENCES PAGES EXPONENT SEED > FILE\n");
    return 2;
  }
  long long references = atoll(argv[1]);
  long pages = atol(argv[2]);
  double exponent = atof(argv[3]);
  state = strtoull(argv[4], NULL, 10);
  if (references < 0 || pages < 1 || pages > (1L << 30) || !(exponent >= 0)) {
    fprintf(stderr, "gen-zipf-trace: expected REFERENCES >= 0, 1 <= PAGES <= 2^30, EXPONENT >= 0\n");
    return 2;
  }
  double *cdf = malloc(sizeof(double) * (size_t)pages);
  uint32_t *page = malloc(sizeof(uint32_t) * (size_t)pages);
  if (!cdf || !page) { fprintf(stderr, "gen-zipf-trace: out of memory\n"); return 1; }
  double total = 0;
  for (long r = 0; r < pages; r++) { total += pow((double)(r + 1), -exponent); cdf[r] = total; }
  for (long i = 0; i < pages; i++) page[i] = (uint32_t)i;
  for (long i = pages - 1; i > 0; i--) {
    long j = (long)(next() % (uint64_t)(i + 1));
    uint32_t t = page[i]; page[i] = page[j]; page[j] = t;
  }
  static char buffer[1 << 20];
  setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
  const uint64_t base = 0x7f0000000000ULL;
  for (long long n = 0; n < references; n++) {
    double u = unit() * total;
    long lo = 0, hi = pages - 1;
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      if (cdf[mid] <= u) lo = mid + 1; else hi = mid;
    }
    uint64_t r = next();
    int write = (r % 10) < 3;
    uint64_t address = base + ((uint64_t)page[lo] << 12) + ((r >> 20) & 0xfff);
    printf("%c 0x%llx\n", write ? 'W' : 'R', (unsigned long long)address);
  }
  return fflush(stdout) == 0 ? 0 : 1;
}
