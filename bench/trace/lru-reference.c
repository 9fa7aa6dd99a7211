/*
 * lru-reference: the plain C baseline for memgo trace's speed (bench/trace/compare.sh).
 *
 *   lru-reference FILE FRAMES
 *
 * Reads a plain-format trace ("R|W 0xADDRESS [SIZE]" per line, 4 KiB pages; one page per
 * reference, SIZE ignored, as the compare script's traces have none; shorter lines are skipped)
 * and replays global LRU at FRAMES frames: an open-addressing hash table (linear probing,
 * backward-shift deletion; Knuth, TAOCP vol. 3, 6.4, Algorithm R) maps a page to its frame, and
 * a doubly linked list over frame indices keeps recency. Prints references, faults and dirty
 * evictions, which must equal memgo's.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static uint64_t *keys;   /* page + 1; 0 = empty */
static int32_t *slots;   /* frame of the key */
static uint64_t mask;

static uint64_t hash(uint64_t page) { return (page * 0x9e3779b97f4a7c15ULL) >> 20; }

static int32_t find(uint64_t page) {
  for (uint64_t i = hash(page) & mask;; i = (i + 1) & mask) {
    if (keys[i] == page + 1) return slots[i];
    if (keys[i] == 0) return -1;
  }
}

static void insert(uint64_t page, int32_t frame) {
  uint64_t i = hash(page) & mask;
  while (keys[i] != 0) i = (i + 1) & mask;
  keys[i] = page + 1;
  slots[i] = frame;
}

static void erase(uint64_t page) {
  uint64_t i = hash(page) & mask;
  while (keys[i] != page + 1) i = (i + 1) & mask;
  for (uint64_t j = i;;) {
    keys[i] = 0;
    for (;;) {
      j = (j + 1) & mask;
      if (keys[j] == 0) return;
      uint64_t home = hash(keys[j] - 1) & mask;
      if (i <= j ? (i < home && home <= j) : (i < home || home <= j)) continue;
      break;
    }
    keys[i] = keys[j];
    slots[i] = slots[j];
    i = j;
  }
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: lru-reference FILE FRAMES\n"); return 2; }
  int fd = open(argv[1], O_RDONLY);
  long frames = atol(argv[2]);
  if (fd < 0 || frames < 1 || frames > (1L << 30)) {
    fprintf(stderr, "lru-reference: cannot open %s, or FRAMES not in 1...2^30\n", argv[1]);
    return 2;
  }
  uint64_t capacity = 1;
  while (capacity < (uint64_t)frames * 2) capacity <<= 1;
  mask = capacity - 1;
  keys = calloc(capacity, sizeof *keys);
  slots = malloc(capacity * sizeof *slots);
  uint64_t *framePage = malloc((size_t)frames * sizeof *framePage);
  int32_t *prev = malloc((size_t)frames * sizeof *prev), *next = malloc((size_t)frames * sizeof *next);
  unsigned char *dirty = calloc((size_t)frames, 1);
  if (!keys || !slots || !framePage || !prev || !next || !dirty) { fprintf(stderr, "out of memory\n"); return 1; }
  int32_t head = -1, tail = -1; /* head: most recent */
  long used = 0;
  long long references = 0, faults = 0, dirtyEvictions = 0;

  static char buffer[1 << 20];
  size_t have = 0;
  for (;;) {
    ssize_t got = read(fd, buffer + have, sizeof buffer - have);
    if (got < 0) { perror("read"); return 1; }
    size_t end = have + (size_t)got, start = 0;
    for (size_t i = 0; i < end; i++) {
      if (buffer[i] != '\n' && !(got == 0 && i + 1 == end)) continue;
      char *p = buffer + start, *end_of_line = buffer + i + (buffer[i] != '\n');
      start = i + 1;
      if (end_of_line - p < 5) continue; /* not "R|W 0x" and a digit: skipped */
      int write = *p == 'W';
      p += 4; /* "R 0x" */
      uint64_t address = 0;
      for (; p < end_of_line; p++) {
        unsigned c = (unsigned char)*p;
        if (c - '0' < 10) address = address << 4 | (c - '0');
        else if ((c | 32) - 'a' < 6) address = address << 4 | ((c | 32) - 'a' + 10);
        else break;
      }
      uint64_t page = address >> 12;
      references++;
      int32_t f = find(page);
      if (f >= 0) {
        if (f != head) {
          next[prev[f]] = next[f];
          if (next[f] >= 0) prev[next[f]] = prev[f]; else tail = prev[f];
          prev[f] = -1; next[f] = head; prev[head] = f; head = f;
        }
      } else {
        faults++;
        if (used < frames) {
          f = (int32_t)used++;
        } else {
          f = tail;
          tail = prev[f];
          if (tail >= 0) next[tail] = -1; else head = -1;
          if (dirty[f]) dirtyEvictions++;
          erase(framePage[f]);
        }
        framePage[f] = page;
        dirty[f] = 0;
        insert(page, f);
        prev[f] = -1; next[f] = head;
        if (head >= 0) prev[head] = f; else tail = f;
        head = f;
      }
      if (write) dirty[f] = 1;
    }
    if (got == 0) break;
    have = end - start;
    for (size_t k = 0; k < have; k++) buffer[k] = buffer[start + k];
  }
  printf("references %lld faults %lld dirtyEvictions %lld\n", references, faults, dirtyEvictions);
  return 0;
}
