// SPDX-License-Identifier: GPL-2.0-only
/*
 * nonlinear-bench: remap_file_pages() measured against the one-VMA-per-call emulation
 * and against mmap(MAP_FIXED), on memfd (or /dev/shm) windows. One JSON object per
 * measurement and line on stdout, the first describing the machine;
 * scripts/bench-report.py compares runs of a stock and a patched kernel.
 *
 *   nonlinear-bench all [--scale small|full] [options]
 *   nonlinear-bench remap|fault|kmem|teardown|worstcase|reclaim [options]
 *
 *   --scale small|full    small: windows up to 60000 pages, worstcase 256k remaps
 *   --only W[,W...]       only these workloads
 *   --n N[,N...]          window sizes of remap and kmem (teardown: 65000 and the largest)
 *   --methods M[,M...]    remap, mmap_fixed (default both)
 *   --remap-file-mb MB    largest file behind a remap/kmem/teardown window (default 512);
 *                         a larger window shows its pages more than once
 *   --file-mb MB          worstcase file size (default 4096, at most MemTotal/4)
 *   --remaps R            worstcase remaps (default 256k small, 1M full)
 *   --fault-n N           fault window in pages (default 60000)
 *   --reclaim-mb MB       reclaim window (default 256)
 *   --no-raise            never raise vm.max_map_count
 *
 * Every file page carries its index at both ends; after each measurement, outside the
 * timed part, every window page is read back and checked ("verified"). Root is needed to
 * raise vm.max_map_count and to set debugfs' fault_around_bytes; both are restored.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#ifndef _FILE_OFFSET_BITS
#define _FILE_OFFSET_BITS 64
#endif
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif

/* the two words every file page carries, at its start and at its end */
#define TAG0(p)		((uint64_t)(p) + 0x4e4c42454e434800ULL)	/* "NLBENCH\0" */
#define TAG1(p)		(~(uint64_t)(p) ^ 0x4e4c42454e434800ULL)
#define SEED		0x2545f4914f6cdd1dULL
#define MAP_COUNT	"/proc/sys/vm/max_map_count"
#define FAULT_AROUND	"/sys/kernel/debug/fault_around_bytes"
#define MAX_N		16
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

enum method { M_REMAP, M_MMAP_FIXED, M_LINEAR };
static const char *const method_name[] = { "remap", "mmap_fixed", "linear" };

static struct {
	int full, no_raise;
	char only[256];
	size_t n[MAX_N], nn;
	unsigned int methods;		/* bit per enum method */
	uint64_t file_mb, remaps, remap_file_mb, reclaim_mb, fault_n;
} opt = {
	.methods = 1 << M_REMAP | 1 << M_MMAP_FIXED,
	.file_mb = 4096, .remap_file_mb = 512, .reclaim_mb = 256, .fault_n = 60000,
};

static size_t pg;
static long map_count0;			/* vm.max_map_count at start */
static uint64_t win_max;		/* the largest window the address space takes */
static volatile uint64_t sink;

/* ---- helpers ---- */

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static const char *errname(int e)
{
	static char buf[16];

#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 32)
	if (strerrorname_np(e))
		return strerrorname_np(e);
#endif
	snprintf(buf, sizeof(buf), "E%d", e);
	return buf;
}

/* open/write/close only, as it also runs in signal handlers. 0 or -errno. */
static int write_str(const char *path, const char *s)
{
	ssize_t len = (ssize_t)strlen(s);
	int fd = open(path, O_WRONLY), e = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, s, len) != len)
		e = errno ? -errno : -EIO;
	close(fd);
	return e;
}

static int read_str(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY), e;
	ssize_t r;

	if (fd < 0)
		return -errno;
	r = read(fd, buf, size - 1);
	e = errno;
	close(fd);
	if (r < 0)
		return -e;
	buf[r] = 0;
	buf[strcspn(buf, "\n")] = 0;
	return 0;
}

static long read_long(const char *path)
{
	char buf[64];

	return read_str(path, buf, sizeof(buf)) ? -1 : strtol(buf, NULL, 0);
}

/* "Key: value" of /proc/meminfo or "key value" of /proc/vmstat; -1 if absent. */
static long long proc_field(const char *path, const char *key)
{
	size_t kl = strlen(key);
	long long v = -1;
	char line[256];
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, key, kl) && (line[kl] == ':' || line[kl] == ' ')) {
			v = strtoll(line + kl + 1, NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

static long long meminfo(const char *key)
{
	return proc_field("/proc/meminfo", key);
}

static int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, n, sizeof(*v), cmp_dbl);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- knobs (sysctl, debugfs), restored at exit and on fatal signals ---- */

struct knob {
	const char *path;
	char saved[32];
	int changed;
};

static struct knob k_mapcount = { .path = MAP_COUNT }, k_faultaround = { .path = FAULT_AROUND };

static int knob_set(struct knob *k, long val)
{
	char buf[32];
	int e;

	if (!k->changed) {
		e = read_str(k->path, k->saved, sizeof(k->saved));
		if (e)
			return e;
	}
	snprintf(buf, sizeof(buf), "%ld", val);
	e = write_str(k->path, buf);
	if (!e)
		k->changed = 1;
	return e;
}

static void knob_restore(struct knob *k)
{
	if (k->changed && !write_str(k->path, k->saved))
		k->changed = 0;
}

static void restore_all(void)
{
	knob_restore(&k_mapcount);
	knob_restore(&k_faultaround);
}

static sigjmp_buf vjmp;
static volatile sig_atomic_t in_verify;

static void on_signal(int sig)
{
	if (in_verify && (sig == SIGSEGV || sig == SIGBUS)) {
		in_verify = 0;
		siglongjmp(vjmp, 1);
	}
	restore_all();
	signal(sig, SIG_DFL);
	if (sig != SIGSEGV && sig != SIGBUS)
		raise(sig);
	/* a fault returns and repeats, now with the default action */
}

/* The emulation needs about one VMA per remapped page. */
static int needs_raise(uint64_t maps)
{
	return maps + 1000 > (uint64_t)map_count0;
}

/* ---- JSON lines ---- */

struct jl {
	char b[2048];
	size_t len;
};

#define JB(x) ((x) ? "true" : "false")

/* Appends "key":value text, after a comma unless right after the opening brace. */
static void jf(struct jl *j, const char *fmt, ...)
{
	va_list ap;
	int r;

	if (j->len > 1)
		j->b[j->len++] = ',';
	va_start(ap, fmt);
	r = vsnprintf(j->b + j->len, sizeof(j->b) - 2 - j->len, fmt, ap);
	va_end(ap);
	if (r > 0)
		j->len = j->len + r < sizeof(j->b) - 3 ? j->len + r : sizeof(j->b) - 3;
}

static void jnum(struct jl *j, const char *key, double v)
{
	jf(j, isfinite(v) ? "\"%s\":%.9g" : "\"%s\":null", key, v);
}

static void jbegin(struct jl *j, const char *workload, const char *method, size_t n)
{
	j->b[0] = '{';
	j->len = 1;
	jf(j, "\"workload\":\"%s\"", workload);
	if (method)
		jf(j, "\"method\":\"%s\",\"n\":%zu", method, n);
}

static void jend(struct jl *j)
{
	j->b[j->len] = 0;
	printf("%s}\n", j->b);
	fflush(stdout);
}

/* A measurement that could not be made: why, and the error (-errno) if any. */
static void jskip(struct jl *j, const char *why, int err)
{
	jf(j, "\"ok\":false,\"skipped\":\"%s\",\"errno\":%d,\"error\":\"%s\"",
	   why, -err, err ? errname(-err) : "");
	jend(j);
}

/* ---- tagged files and arranged windows ---- */

static uint64_t rnd_state;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return rnd_state * 0x2545f4914f6cdd1dULL;
}

/*
 * A tagged shared-memory file of nfile pages and the arrangement of an n-page window
 * on it: a[i] is the file page that window page i is to show (NULL: linear).
 */
struct obj {
	int fd;
	size_t n, nfile;
	uint32_t *a;
};

static int obj_fd(uint64_t npages)
{
	int fd = memfd_create("nonlinear-bench", 0), e;
	char path[64];

	if (fd < 0) {
		snprintf(path, sizeof(path), "/dev/shm/nonlinear-bench.%d", (int)getpid());
		fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
		if (fd < 0)
			return -errno;
		unlink(path);
	}
	if (ftruncate(fd, (off_t)(npages * pg))) {
		e = errno;
		close(fd);
		return -e;
	}
	return fd;
}

/* Writes the tags through 64 MiB mappings, which also fills the page cache. */
static int obj_tag(int fd, uint64_t npages)
{
	uint64_t chunk = (64u << 20) / pg + 1, first, i, cnt;
	char *m;

	for (first = 0; first < npages; first += cnt) {
		cnt = npages - first < chunk ? npages - first : chunk;
		m = mmap(NULL, cnt * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
			 (off_t)(first * pg));
		if (m == MAP_FAILED)
			return -errno;
		for (i = 0; i < cnt; i++) {
			*(uint64_t *)(m + i * pg) = TAG0(first + i);
			*(uint64_t *)(m + (i + 1) * pg - 8) = TAG1(first + i);
		}
		munmap(m, cnt * pg);
	}
	return 0;
}

/* order: "reverse", "random" (a permutation) or "scatter" (random pages), folded into nfile. */
static uint32_t *arrangement(const char *order, size_t n, size_t nfile)
{
	uint32_t *a = malloc(n * sizeof(*a)), t;
	size_t i, j;

	if (!a)
		return NULL;
	rnd_state = SEED;
	for (i = 0; i < n; i++)
		a[i] = !strcmp(order, "reverse") ? (uint32_t)(n - 1 - i) : (uint32_t)i;
	for (i = n - 1; !strcmp(order, "random") && i > 0; i--) {
		j = (size_t)(rnd() % (i + 1));
		t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
	for (i = 0; i < n; i++)
		a[i] = !strcmp(order, "scatter") ? (uint32_t)(rnd() % nfile) : a[i] % nfile;
	return a;
}

static void obj_free(struct obj *o)
{
	if (o->fd >= 0)
		close(o->fd);
	free(o->a);
	o->fd = -1;
	o->a = NULL;
}

/*
 * Everything a measurement needs before it starts: room in the address space and in
 * memory, vm.max_map_count raised for `maps` VMAs if needed, the tagged file. 0, or
 * -1 when j has been emitted as skipped.
 */
static int prepare(struct jl *j, struct obj *o, const char *order, size_t n, size_t nfile,
		   uint64_t maps)
{
	long long avail = meminfo("MemAvailable");
	int e = 0;

	o->fd = -1;
	o->a = NULL;
	o->n = n;
	o->nfile = nfile;
	jf(j, "\"limit_raised\":%s", JB(needs_raise(maps)));
	if ((uint64_t)n * pg > win_max) {
		jskip(j, "address space", 0);
		return -1;
	}
	/* the file, and VMAs and page tables under the emulation */
	if (avail > 0 && (uint64_t)nfile * pg + (maps > n ? maps : n) * 600 >
			 (uint64_t)avail * 1024 / 10 * 9) {
		jskip(j, "memory", 0);
		return -1;
	}
	if (needs_raise(maps))
		e = opt.no_raise ? -EPERM : knob_set(&k_mapcount, (long)(2 * maps + 1000));
	if (e) {
		jskip(j, "cannot raise vm.max_map_count", e);
		return -1;
	}
	o->fd = obj_fd(nfile);
	e = o->fd < 0 ? o->fd : obj_tag(o->fd, nfile);
	if (!e && strcmp(order, "linear")) {
		o->a = arrangement(order, n, nfile);
		e = o->a ? 0 : -ENOMEM;
	}
	if (e) {
		jskip(j, "file setup", e);
		obj_free(o);
		knob_restore(&k_mapcount);
		return -1;
	}
	return 0;
}

static void finish(struct obj *o)
{
	obj_free(o);
	knob_restore(&k_mapcount);
}

static char *win_map(struct obj *o, size_t npages, int populate, struct jl *j)
{
	void *p = mmap(NULL, npages * pg, PROT_READ | PROT_WRITE,
		       MAP_SHARED | (populate ? MAP_POPULATE : 0), o->fd, 0);

	if (p != MAP_FAILED)
		return p;
	if (j)
		jskip(j, "mmap window", -errno);
	return NULL;
}

struct build {
	size_t done;
	int err;
	uint64_t ns;
};

/* The measured loop: page i of the window comes to show file page a[i]. */
static void build(char *win, const struct obj *o, enum method m, int nonblock, struct build *b)
{
	int mflags = MAP_SHARED | MAP_FIXED | (nonblock ? 0 : MAP_POPULATE);
	int rflags = nonblock ? MAP_NONBLOCK : 0;
	uint64_t t0;
	size_t i;

	b->err = 0;
	t0 = now_ns();
	if (m == M_REMAP) {
		for (i = 0; i < o->n; i++)
			if (syscall(SYS_remap_file_pages, win + i * pg, pg, 0,
				    (unsigned long)o->a[i], rflags)) {
				b->err = errno;
				break;
			}
	} else {
		for (i = 0; i < o->n; i++)
			if (mmap(win + i * pg, pg, PROT_READ | PROT_WRITE, mflags, o->fd,
				 (off_t)o->a[i] * (off_t)pg) == MAP_FAILED) {
				b->err = errno;
				break;
			}
	}
	b->ns = now_ns() - t0;
	b->done = i;
}

/* Maps o's window and arranges it (M_REMAP, populating) or populates it linearly. */
static char *arranged_window(struct obj *o, enum method m, struct build *b, struct jl *j)
{
	char *win;

	memset(b, 0, sizeof(*b));
	if (m == M_LINEAR) {
		b->done = o->n;
		return win_map(o, o->nfile, 1, j);
	}
	win = win_map(o, o->n, 0, j);
	if (win)
		build(win, o, m, 0, b);
	return win;
}

/* How many of the first n pages do not show what a says (NULL: linear). */
static size_t verify(const char *win, const uint32_t *a, size_t n)
{
	volatile size_t i = 0, bad = 0;
	const char *p;
	uint64_t e;

	if (sigsetjmp(vjmp, 1)) {	/* SIGSEGV or SIGBUS at page i */
		bad = bad + 1;
		i = i + 1;
	}
	in_verify = 1;
	for (; i < n; i = i + 1) {
		p = win + i * pg;
		e = a ? a[i] : i;
		if (*(const volatile uint64_t *)p != TAG0(e) ||
		    *(const volatile uint64_t *)(p + pg - 8) != TAG1(e))
			bad = bad + 1;
	}
	in_verify = 0;
	return bad;
}

/* The timed read of one word of every page. */
static uint64_t touch(const char *win, size_t n)
{
	uint64_t t0 = now_ns(), sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += *(const volatile uint64_t *)(win + i * pg);
	sink = sum;
	return now_ns() - t0;
}

/* VMAs of this process overlapping [lo, hi), from /proc/self/maps. */
static long count_vmas(const char *lo, const char *hi)
{
	unsigned long s, e;
	char line[512], *q;
	long n = 0;
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		s = strtoul(line, &q, 16);
		e = *q == '-' ? strtoul(q + 1, NULL, 16) : 0;
		n += s < (unsigned long)hi && e > (unsigned long)lo;
	}
	fclose(f);
	return n;
}

/* Whether the VMA at addr has "nl" in its VmFlags line of /proc/self/smaps. */
static int vma_has_nl(const char *addr)
{
	unsigned long s, e, a = (unsigned long)addr;
	int in = 0, nl = 0;
	char line[1024], *t;
	FILE *f = fopen("/proc/self/smaps", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx-%lx ", &s, &e) == 2) {
			if (in)
				break;
			in = s <= a && a < e;
		} else if (in && !strncmp(line, "VmFlags:", 8)) {
			t = strstr(line, " nl");
			nl = t && (t[3] == ' ' || t[3] == '\n');
			break;
		}
	}
	fclose(f);
	return nl;
}

/* VMA count, "native" (one VMA, marked nl) and the content check of a window. */
static void jwindow(struct jl *j, const char *win, size_t npages, const uint32_t *a, size_t done)
{
	long vmas = count_vmas(win, win + npages * pg);
	size_t bad = verify(win, a, done);

	jf(j, "\"vmas\":%ld,\"native\":%s,\"verified\":%s,\"bad_pages\":%zu", vmas,
	   JB(vmas == 1 && vma_has_nl(win)), JB(done > 0 && bad == 0), bad);
}

static void jbuild(struct jl *j, const struct build *b, size_t n)
{
	jf(j, "\"ok\":%s,\"calls\":%zu,\"failed_at\":%lld,\"errno\":%d,\"error\":\"%s\"",
	   JB(b->done == n), b->done, b->done == n ? -1LL : (long long)b->done, b->err,
	   b->err ? errname(b->err) : "");
	jnum(j, "total_s", b->ns / 1e9);
	jnum(j, "ns_per_op", b->done ? (double)b->ns / (double)b->done : NAN);
}

static size_t file_cap(size_t n)
{
	size_t cap = (size_t)((opt.remap_file_mb << 20) / pg);

	return n < cap ? n : cap;
}

/* ---- remap and worstcase: the cost of building an arrangement ---- */

/* One timed build of an n-page window; j has the key fields already. */
static void arrange_one(struct jl *j, const char *order, int nonblock, enum method m,
			size_t n, size_t nfile, uint64_t maps)
{
	struct build b;
	struct obj o;
	char *win;

	jf(j, "\"order\":\"%s\",\"mode\":\"%s\"", order, nonblock ? "nonblock" : "populate");
	if (prepare(j, &o, order, n, nfile, maps))
		return;
	win = win_map(&o, n, 0, j);
	if (win) {
		build(win, &o, m, nonblock, &b);
		jbuild(j, &b, n);
		jwindow(j, win, n, o.a, b.done);
		jend(j);
		munmap(win, n * pg);
	}
	finish(&o);
}

/* At the default limit and, if the emulation needs more VMAs, with the limit raised. */
static void remap_n(const char *order, int nonblock, enum method m, size_t n)
{
	struct jl j;
	int raise;

	for (raise = 0; raise <= needs_raise(n) && opt.methods & 1u << m; raise++) {
		jbegin(&j, "remap", method_name[m], n);
		jf(&j, "\"file_pages\":%zu", file_cap(n));
		arrange_one(&j, order, nonblock, m, n, file_cap(n), raise ? n : 0);
	}
}

static void run_remap(void)
{
	static const size_t small[] = { 1000, 10000, 60000 };
	static const size_t full[] = { 1000, 10000, 60000, 250000, 1000000 };
	static const char *const orders[] = { "reverse", "random" };
	const size_t *ns = opt.nn ? opt.n : opt.full ? full : small;
	size_t nn = opt.nn ? opt.nn : opt.full ? 5 : 3, i;
	int c;

	for (i = 0; i < nn; i++)
		for (c = 0; c < 8; c++)		/* order, mode, method */
			remap_n(orders[c >> 2], c >> 1 & 1, c & 1 ? M_MMAP_FIXED : M_REMAP, ns[i]);
}

/* 1M single-page remaps at random offsets of a 4 GiB shmem file, populating. */
static void run_worstcase(void)
{
	uint64_t r = opt.remaps ? opt.remaps : opt.full ? 1u << 20 : 1u << 18;
	uint64_t fbytes = opt.file_mb << 20, mem = (uint64_t)meminfo("MemTotal") * 1024;
	int raise, clamped = fbytes > mem / 4;
	struct jl j;

	if (clamped)
		fbytes = mem / 4;
	if (r * pg > win_max)
		r = win_max / pg;
	for (raise = 0; raise <= needs_raise(r); raise++) {
		jbegin(&j, "worstcase", "remap", (size_t)r);
		jf(&j, "\"file_mb\":%llu,\"file_clamped\":%s",
		   (unsigned long long)(fbytes >> 20), JB(clamped));
		arrange_one(&j, "scatter", 0, M_REMAP, (size_t)r, (size_t)(fbytes / pg),
			    raise ? r : 0);
	}
}

/* ---- fault: a fault on a file PTE against a minor fault of a linear window ---- */

/* Times the first touch of every page of win, or of a new linear window if win is NULL. */
static void fault_one(struct obj *o, char *win, const char *fa)
{
	const char *method = win ? "remap" : "linear";
	uint64_t ns;
	struct jl j;

	jbegin(&j, "fault", method, o->n);
	jf(&j, "\"fault_around\":\"%s\"", fa);
	if (!win)
		win = win_map(o, o->n, 0, &j);
	if (!win)
		return;
	ns = touch(win, o->n);
	jf(&j, "\"ok\":true");
	jnum(&j, "total_s", ns / 1e9);
	jnum(&j, "ns_per_op", (double)ns / (double)o->n);
	jwindow(&j, win, o->n, method[0] == 'r' ? o->a : NULL, o->n);
	jend(&j);
	munmap(win, o->n * pg);
}

static void run_fault(void)
{
	size_t n = (size_t)opt.fault_n;
	const char *off = "4096";
	struct build b;
	struct obj o;
	struct jl j;
	char *win;

	jbegin(&j, "fault", "remap", n);
	if (prepare(&j, &o, "random", n, n, n))
		return;
	/* Without fault_around_bytes (no debugfs), the linear faults keep fault-around. */
	if (knob_set(&k_faultaround, 4096))
		off = "unavailable";
	win = win_map(&o, n, 0, &j);
	if (win) {
		build(win, &o, M_REMAP, 1, &b);
		if (b.done == n) {
			fault_one(&o, win, off);
		} else {
			jf(&j, "\"fault_around\":\"%s\"", off);
			jbuild(&j, &b, n);
			jend(&j);
			munmap(win, n * pg);
		}
		fault_one(&o, NULL, off);
		if (k_faultaround.changed && !knob_set(&k_faultaround, 65536))
			fault_one(&o, NULL, "65536");
	}
	knob_restore(&k_faultaround);
	finish(&o);
}

/* ---- kmem: kernel memory per window ---- */

static void kmem_sample(long long *slab, long long *pt)
{
	write_str("/proc/sys/vm/stat_refresh", "1");	/* folds per-CPU counters */
	*slab = meminfo("Slab");
	*pt = meminfo("PageTables");
}

/*
 * Three windows on one file, each measured while the earlier ones stay mapped, so that
 * no sample is served by objects that an earlier one freed into the slab caches.
 */
static void kmem_one(size_t n)
{
	double ds[3], dp[3], dt[3];
	long long s0, p0, s1, p1;
	struct build b;
	char *win[3];
	struct obj o;
	struct jl j;
	int k, nw;

	jbegin(&j, "kmem", "remap", n);
	jf(&j, "\"order\":\"random\",\"mode\":\"populate\"");
	if (prepare(&j, &o, "random", n, file_cap(n), 3 * (uint64_t)n))
		return;
	for (nw = 0; nw < 3; nw++) {
		win[nw] = win_map(&o, n, 0, &j);
		if (!win[nw])
			goto out;
		kmem_sample(&s0, &p0);
		build(win[nw], &o, M_REMAP, 0, &b);
		kmem_sample(&s1, &p1);
		if (b.done != n)
			break;
		ds[nw] = (double)(s1 - s0) * 1024 / (double)n;
		dp[nw] = (double)(p1 - p0) * 1024 / (double)n;
		dt[nw] = ds[nw] + dp[nw];
	}
	jbuild(&j, &b, n);
	jwindow(&j, win[nw < 3 ? nw : 2], n, o.a, b.done);
	if (nw == 3) {
		jf(&j, "\"samples\":3");
		jnum(&j, "slab_bytes_per_window", median(ds, 3));
		jnum(&j, "pagetable_bytes_per_window", median(dp, 3));
		jnum(&j, "bytes_per_window", median(dt, 3));
	}
	jend(&j);
	nw += nw < 3;
out:
	for (k = 0; k < nw; k++)
		munmap(win[k], n * pg);
	finish(&o);
}

static void run_kmem(void)
{
	static const size_t small[] = { 10000, 60000 };
	static const size_t full[] = { 10000, 60000, 250000 };
	const size_t *ns = opt.nn ? opt.n : opt.full ? full : small;
	size_t nn = opt.nn ? opt.nn : opt.full ? 3 : 2, i;

	for (i = 0; i < nn; i++)
		kmem_one(ns[i]);
}

/* ---- teardown: munmap, fork and exit with an arrangement in place ---- */

static uint64_t time_fork(void)
{
	uint64_t t0;
	pid_t p;

	fflush(stdout);
	t0 = now_ns();
	p = fork();
	if (p == 0)
		_exit(0);
	if (p < 0)
		return 0;
	waitpid(p, NULL, 0);
	return now_ns() - t0;
}

/* From killing a child that built the window until waitpid() returns. */
static int time_exit(struct obj *o, enum method m, uint64_t *ns)
{
	struct build b;
	int ready[2];
	char c = 0;
	pid_t p;

	if (pipe(ready))
		return -errno;
	fflush(stdout);
	p = fork();
	if (p == 0) {
		k_mapcount.changed = 0;		/* the parent restores */
		k_faultaround.changed = 0;
		if (!arranged_window(o, m, &b, NULL))
			c = (char)errno;
		else if (b.done != o->n)
			c = (char)b.err;
		if (write(ready[1], &c, 1) == 1)
			for (;;)
				pause();
		_exit(2);
	}
	close(ready[1]);
	if (p < 0) {
		c = (char)errno;
		close(ready[0]);
		return -c;
	}
	if (read(ready[0], &c, 1) != 1)
		c = EIO;
	*ns = now_ns();
	kill(p, SIGKILL);
	waitpid(p, NULL, 0);
	*ns = now_ns() - *ns;
	close(ready[0]);
	return -c;
}

static void teardown_line(struct jl j, const char *op, size_t n, uint64_t ns, int err)
{
	jf(&j, "\"op\":\"%s\"", op);
	if (err) {
		jskip(&j, op, err);
		return;
	}
	jf(&j, "\"ok\":true");
	jnum(&j, "total_s", ns / 1e9);
	jnum(&j, "ns_per_op", (double)ns / (double)n);
	jend(&j);
}

static void teardown_one(size_t n, enum method m)
{
	size_t mapped = m == M_LINEAR ? file_cap(n) : n;
	double forks[3];
	struct build b;
	uint64_t ns = 0;
	struct obj o;
	struct jl j;
	char *win;
	int e, i;

	jbegin(&j, "teardown", method_name[m], n);
	jf(&j, "\"pages_mapped\":%zu", mapped);
	if (prepare(&j, &o, m == M_LINEAR ? "linear" : "random", n, file_cap(n), n))
		return;
	win = arranged_window(&o, m, &b, &j);
	if (!win)
		goto out;
	jf(&j, "\"vmas\":%ld", count_vmas(win, win + mapped * pg));
	if (b.done != n) {
		jf(&j, "\"op\":\"build\"");
		jbuild(&j, &b, n);
		jend(&j);
		munmap(win, n * pg);
		goto out;
	}
	for (i = 0; i < 3; i++)
		forks[i] = (double)time_fork();
	ns = (uint64_t)median(forks, 3);	/* sorts: forks[0] is 0 if a fork failed */
	teardown_line(j, "fork", n, ns, forks[0] > 0 ? 0 : -EAGAIN);
	ns = now_ns();
	e = munmap(win, mapped * pg) ? -errno : 0;
	teardown_line(j, "munmap", n, now_ns() - ns, e);
	e = time_exit(&o, m, &ns);
	teardown_line(j, "exit", n, ns, e);
out:
	finish(&o);
}

static void run_teardown(void)
{
	size_t big = opt.full ? 1000000 : 0, i;

	for (i = 0; i < opt.nn; i++)
		big = opt.n[i] > big ? opt.n[i] : big;
	teardown_one(65000, M_REMAP);
	teardown_one(65000, M_LINEAR);
	if (big > 65000) {
		teardown_one(big, M_REMAP);
		teardown_one(big, M_LINEAR);
	}
}

/* ---- reclaim: MADV_PAGEOUT of a linear and of a nonlinear window ---- */

static void reclaim_one(enum method m, size_t n)
{
	long long out0, out1, swapped = 0;
	uint64_t ns = 0, t0, rns;
	int passes, e = 0;
	struct build b;
	struct obj o;
	struct jl j;
	char *win;

	jbegin(&j, "reclaim", method_name[m], n);
	jf(&j, "\"swap\":%s", JB(meminfo("SwapTotal") > 0));
	if (meminfo("SwapTotal") <= 0) {
		jskip(&j, "no swap", 0);
		return;
	}
	if (prepare(&j, &o, m == M_LINEAR ? "linear" : "random", n, n, n))
		return;
	win = arranged_window(&o, m, &b, &j);
	if (!win)
		goto out;
	if (b.done != n) {
		jbuild(&j, &b, n);
		jend(&j);
		goto unmap;
	}
	/*
	 * A nonlinear page is unmapped by a sweep of its VMA that stops after a budget, so
	 * MADV_PAGEOUT may need to be repeated: until pswpout stops rising, 5 passes at most.
	 */
	for (passes = 1; ; passes++) {
		out0 = proc_field("/proc/vmstat", "pswpout");
		t0 = now_ns();
		e = madvise(win, n * pg, MADV_PAGEOUT) ? -errno : 0;
		ns += now_ns() - t0;
		out1 = proc_field("/proc/vmstat", "pswpout");
		if (e || out1 <= out0)
			break;
		swapped += out1 - out0;
		if (swapped >= (long long)n || passes == 5)
			break;
	}
	if (e) {
		jskip(&j, "madvise(MADV_PAGEOUT)", e);
		goto unmap;
	}
	rns = touch(win, n);
	jf(&j, "\"ok\":%s,\"passes\":%d,\"pages_swapped\":%lld", JB(swapped > 0), passes, swapped);
	jnum(&j, "total_s", ns / 1e9);
	jnum(&j, "mib_s", ns ? (double)swapped * (double)pg / 1048576.0 / (ns / 1e9) : NAN);
	jnum(&j, "refault_ns_per_page", (double)rns / (double)n);
	jwindow(&j, win, n, o.a, n);
	jend(&j);
unmap:
	munmap(win, n * pg);
out:
	finish(&o);
}

static void run_reclaim(void)
{
	size_t n = (size_t)((opt.reclaim_mb << 20) / pg);

	reclaim_one(M_LINEAR, n);
	reclaim_one(M_REMAP, n);
}

/* ---- main ---- */

/* 64-bit: 64 TiB. 32-bit: 1.5 GiB, or less if the address space has no such hole. */
static uint64_t probe_win_max(void)
{
	uint64_t sz;
	void *p;

	if (sizeof(void *) > 4)
		return 1ULL << 46;
	for (sz = 3ULL << 29; sz > 256u << 20; sz -= 256u << 20) {
		p = mmap(NULL, (size_t)sz, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
			 -1, 0);
		if (p != MAP_FAILED) {
			munmap(p, (size_t)sz);
			break;
		}
	}
	return sz;
}

/*
 * What one system call costs: the median of 5 runs of 20000 getppid(). Under
 * TCG it sets the price of every kernel entry, which page table isolation
 * multiplies (QEMU flushes its software TLB at each CR3 switch).
 */
static double null_syscall_ns(void)
{
	double t[5], x;
	uint64_t t0;
	int r, i, k;

	for (r = 0; r < 5; r++) {
		t0 = now_ns();
		for (i = 0; i < 20000; i++)
			syscall(SYS_getppid);
		t[r] = (double)(now_ns() - t0) / 20000;
	}
	for (i = 1; i < 5; i++)	/* insertion sort */
		for (k = i; k > 0 && t[k - 1] > t[k]; k--) {
			x = t[k];
			t[k] = t[k - 1];
			t[k - 1] = x;
		}
	return t[2];
}

/* The first line of a sysfs file, for the env line ("" if there is none). */
static void read_line(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");
	size_t i;

	buf[0] = '\0';
	if (f) {
		if (!fgets(buf, len, f))
			buf[0] = '\0';
		fclose(f);
	}
	for (i = 0; buf[i]; i++)
		if (buf[i] == '\n' || buf[i] == '"' || buf[i] == '\\')
			buf[i] = buf[i] == '\n' ? '\0' : '\'';
}

static void env_line(void)
{
	long fa = read_long(FAULT_AROUND);
	char meltdown[128];
	struct utsname u;
	struct jl j;

	uname(&u);
	read_line("/sys/devices/system/cpu/vulnerabilities/meltdown", meltdown,
		  sizeof(meltdown));
	jbegin(&j, "env", NULL, 0);
	jf(&j, "\"kernel\":\"%s\",\"machine\":\"%s\",\"bits\":%d,\"page_size\":%zu,\"cpus\":%ld",
	   u.release, u.machine, (int)sizeof(void *) * 8, pg, sysconf(_SC_NPROCESSORS_ONLN));
	jf(&j, "\"mem_total_kb\":%lld,\"swap_total_kb\":%lld,\"max_map_count\":%ld",
	   meminfo("MemTotal"), meminfo("SwapTotal"), map_count0);
	jf(&j, fa >= 0 ? "\"fault_around_bytes\":%ld" : "\"fault_around_bytes\":null", fa);
	jf(&j, "\"max_window_mb\":%llu,\"scale\":\"%s\"", (unsigned long long)(win_max >> 20),
	   opt.full ? "full" : "small");
	jf(&j, "\"null_syscall_ns\":%.0f,\"meltdown\":\"%s\"", null_syscall_ns(), meltdown);
	jend(&j);
}

static const struct {
	const char *name;
	void (*run)(void);
} workloads[] = {
	{ "kmem", run_kmem }, { "remap", run_remap }, { "fault", run_fault },
	{ "teardown", run_teardown }, { "worstcase", run_worstcase }, { "reclaim", run_reclaim },
};

#define NWORKLOADS ARRAY_SIZE(workloads)

static int selected(const char *name)
{
	char list[sizeof(opt.only) + 2], needle[32];

	snprintf(list, sizeof(list), ",%s,", opt.only);
	snprintf(needle, sizeof(needle), ",%s,", name);
	return !opt.only[0] || strstr(list, needle);
}

/* Every name of --only is a workload. */
static int only_valid(void)
{
	size_t i, n = 0, commas = 0;
	const char *p;

	for (p = opt.only; *p; p++)
		commas += *p == ',';
	for (i = 0; i < NWORKLOADS; i++)
		n += opt.only[0] && selected(workloads[i].name);
	return !opt.only[0] || n == commas + 1;
}

static void usage(void)
{
	fprintf(stderr, "usage: nonlinear-bench all|remap|fault|kmem|teardown|worstcase|reclaim\n"
		"       [--scale small|full] [--only W[,W..]] [--n N[,N..]]\n"
		"       [--methods remap,mmap_fixed] [--remap-file-mb MB] [--file-mb MB]\n"
		"       [--remaps R] [--fault-n N] [--reclaim-mb MB] [--no-raise]\n");
	exit(2);
}

static uint64_t num_arg(const char *s)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (!*s || *end || !v || errno || v > 0xffffffffULL) {
		fprintf(stderr, "nonlinear-bench: bad number '%s'\n", s);
		exit(2);
	}
	return v;
}

static void parse_list(char *s, int is_n)
{
	char *t, *save;

	if (!is_n)
		opt.methods = 0;
	for (t = strtok_r(s, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		if (is_n && opt.nn < MAX_N)
			opt.n[opt.nn++] = (size_t)num_arg(t);
		else if (!is_n && (!strcmp(t, "remap") || !strcmp(t, "mmap_fixed")))
			opt.methods |= 1u << (t[0] == 'm' ? M_MMAP_FIXED : M_REMAP);
		else
			usage();
	}
}

static void parse_args(int argc, char **argv)
{
	static const struct {
		const char *name;
		uint64_t *val;
	} nums[] = {
		{ "--file-mb", &opt.file_mb }, { "--remaps", &opt.remaps },
		{ "--remap-file-mb", &opt.remap_file_mb }, { "--reclaim-mb", &opt.reclaim_mb },
		{ "--fault-n", &opt.fault_n },
	};
	const char *work = NULL;
	size_t k;
	int i;

	for (i = 1; i < argc; i++) {
		char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (a[0] != '-' && !work) {
			work = a;
			continue;
		}
		if (!strcmp(a, "--no-raise")) {
			opt.no_raise = 1;
			continue;
		}
		if (a[0] != '-' || !v)
			usage();
		i++;
		for (k = 0; k < ARRAY_SIZE(nums) && strcmp(a, nums[k].name); k++)
			;
		if (k < ARRAY_SIZE(nums))
			*nums[k].val = num_arg(v);
		else if (!strcmp(a, "--scale") && (!strcmp(v, "small") || !strcmp(v, "full")))
			opt.full = v[0] == 'f';
		else if (!strcmp(a, "--only"))
			snprintf(opt.only, sizeof(opt.only), "%s", v);
		else if (!strcmp(a, "--n") || !strcmp(a, "--methods"))
			parse_list(v, a[2] == 'n');
		else
			usage();
	}
	if (!work || !only_valid())
		usage();
	if (strcmp(work, "all")) {
		for (k = 0; k < NWORKLOADS && strcmp(work, workloads[k].name); k++)
			;
		if (k == NWORKLOADS)
			usage();
		snprintf(opt.only, sizeof(opt.only), "%s", work);
	}
}

int main(int argc, char **argv)
{
	int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGBUS };
	struct sigaction sa;
	size_t i;

	parse_args(argc, argv);
	pg = (size_t)sysconf(_SC_PAGESIZE);
	win_max = probe_win_max();
	map_count0 = read_long(MAP_COUNT);
	if (map_count0 <= 0)
		map_count0 = 65530;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_NODEFER;
	for (i = 0; i < ARRAY_SIZE(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
	atexit(restore_all);

	env_line();
	for (i = 0; i < NWORKLOADS; i++)
		if (selected(workloads[i].name))
			workloads[i].run();
	restore_all();
	if (k_mapcount.changed || k_faultaround.changed) {
		fprintf(stderr, "nonlinear-bench: could not restore %s\n",
			k_mapcount.changed ? MAP_COUNT : FAULT_AROUND);
		return 1;
	}
	return 0;
}
