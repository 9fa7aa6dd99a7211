/* A tiny freestanding program whose memory references valgrind's lackey records in
 * lackey-matmul.trace (see README.md). No C library, so the trace holds only this code:
 * an 8x8 integer matrix multiply over three matrices in separate 4 KiB pages, then a walk
 * over a linked list whose nodes sit one page apart. */

#define N 8
#define PAGE 4096
#define NODES 6

/* Each matrix gets its own page-aligned block, so the trace touches distinct pages. */
static int a[PAGE / sizeof(int)] __attribute__((aligned(PAGE)));
static int b[PAGE / sizeof(int)] __attribute__((aligned(PAGE)));
static int c[PAGE / sizeof(int)] __attribute__((aligned(PAGE)));

struct node { struct node *next; long value; };
static char arena[NODES * PAGE] __attribute__((aligned(PAGE)));

static long run(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      a[i * N + j] = i + j;
      b[i * N + j] = i - j;
    }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      int sum = 0;
      for (int k = 0; k < N; k++) sum += a[i * N + k] * b[k * N + j];
      c[i * N + j] = sum;
    }
  /* Link the nodes in a scrambled page order, then walk the list twice. */
  static const int order[NODES] = {3, 0, 5, 1, 4, 2};
  struct node *head = 0;
  for (int i = 0; i < NODES; i++) {
    struct node *n = (struct node *)(arena + order[i] * PAGE);
    n->value = c[i];
    n->next = head;
    head = n;
  }
  long total = 0;
  for (int pass = 0; pass < 2; pass++)
    for (struct node *n = head; n; n = n->next) total += n->value;
  return total;
}

void _start(void) {
  long status = run() & 0x7f;
  __asm__ volatile("mov $60, %%eax\n\tsyscall" : : "D"(status) : "rax", "rcx", "r11", "memory");
  for (;;) {}
}
