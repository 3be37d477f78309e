// SPDX-License-Identifier: GPL-2.0-only
/*
 * munmap-probe <n> <rounds>: where the munmap() of an n-page nonlinear window spends
 * its time, by varying one thing at a time. Each round builds, on a fresh n-page memfd,
 *   linear    a linear shared window, every page touched in order;
 *   identity  a nonlinear window (made so by one remap and one remap back) whose pages
 *             are then touched in order, so each page is at its linear place;
 *   random    a nonlinear window arranged by n single-page remaps in random order;
 *   reverse   the same, in reverse order;
 *   pre-linear, pre-random  the file written first through a mapping of its own that is
 *             unmapped again (as nonlinear-bench tags its file), then a linear window
 *             mapped with MAP_POPULATE, or one arranged by populating single-page remaps
 *             in random order; neither is touched after (as in nonlinear-bench);
 * then forks F children that exit at once (F = 0 and 3, as the bench's teardown does
 * before its munmap), and times the munmap() alone. Prints the median per variant and
 * how many folios the munmap() moved to the active LRU list (pgactivate in /proc/vmstat).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static long ps;
static long activated;

static long vmstat(const char *name)
{
	char key[64];
	long v, r = -1;
	FILE *f = fopen("/proc/vmstat", "r");

	if (!f)
		return -1;
	while (fscanf(f, "%63s %ld", key, &v) == 2)
		if (!strcmp(key, name))
			r = v;
	fclose(f);
	return r;
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void rfp(char *w, long slot, long pgoff)
{
	if (syscall(__NR_remap_file_pages, w + slot * ps, ps, 0, pgoff, 0))
		die("remap_file_pages");
}

/* The munmap() time in seconds of one window of the given kind, after forks children. */
static double one(const char *kind, long n, int forks, unsigned long *seed)
{
	int fd = memfd_create("munmap-probe", 0);
	long i, *perm;
	double t;
	char *w;

	if (fd < 0 || ftruncate(fd, n * ps))
		die("memfd");
	w = mmap(NULL, n * ps, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (w == MAP_FAILED)
		die("mmap");
	if (!strncmp(kind, "pre-", 4)) {
		char *m = mmap(NULL, n * ps, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

		if (m == MAP_FAILED)
			die("mmap");
		for (i = 0; i < n; i++)
			m[i * ps] = (char)i;
		munmap(m, n * ps);
		if (!strcmp(kind, "pre-linear")) {
			munmap(w, n * ps);
			w = mmap(NULL, n * ps, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
				 fd, 0);
			if (w == MAP_FAILED)
				die("mmap");
		}
	}
	if (!strcmp(kind, "pre-linear")) {
		;
	} else if (!strcmp(kind, "linear") || !strcmp(kind, "identity")) {
		if (!strcmp(kind, "identity")) {
			rfp(w, 0, 1);
			rfp(w, 0, 0);
		}
		for (i = 0; i < n; i++)
			w[i * ps] = (char)i;
	} else {
		perm = malloc(n * sizeof(*perm));
		if (!perm)
			die("malloc");
		for (i = 0; i < n; i++)
			perm[i] = !strcmp(kind, "reverse") ? n - 1 - i : i;
		for (i = n - 1; strcmp(kind, "reverse") && i > 0; i--) {
			unsigned long s = *seed, j;
			long x;

			s ^= s << 13;
			s ^= s >> 7;
			s ^= s << 17;
			*seed = s;
			j = s % (i + 1);
			x = perm[i];
			perm[i] = perm[j];
			perm[j] = x;
		}
		for (i = 0; i < n; i++)
			rfp(w, i, perm[i]);
		for (i = 0; i < n && strncmp(kind, "pre-", 4); i++)
			w[i * ps] = (char)perm[i];
		free(perm);
	}
	for (i = 0; i < forks; i++) {
		pid_t p = fork();

		if (p == 0)
			_exit(0);
		if (p < 0 || waitpid(p, NULL, 0) != p)
			die("fork");
	}
	activated = vmstat("pgactivate");
	t = now();
	if (munmap(w, n * ps))
		die("munmap");
	t = now() - t;
	activated = vmstat("pgactivate") - activated;
	close(fd);
	return t;
}

int main(int argc, char **argv)
{
	static const char *const kinds[] = {
		"linear", "identity", "reverse", "random", "pre-linear", "pre-random"
	};
	static const int forks[] = { 0, 3 };
	unsigned long seed = 88172645463325252ULL;
	long n, rounds, r;
	unsigned int k, f;
	double *t;
	long act = 0;

	ps = getpagesize();
	if (argc != 3 || (n = atol(argv[1])) <= 0 || (rounds = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: munmap-probe <pages> <rounds>\n");
		return 2;
	}
	t = calloc(rounds, sizeof(*t));
	if (!t)
		die("calloc");
	for (f = 0; f < sizeof(forks) / sizeof(forks[0]); f++)
		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			for (r = 0, act = 0; r < rounds; r++) {
				t[r] = one(kinds[k], n, forks[f], &seed);
				act += activated;
			}
			qsort(t, rounds, sizeof(*t), cmp);
			printf("munmap %-10s n=%ld forks=%d: median %.1f ms (min %.1f, max %.1f), %ld folios activated per munmap\n",
			       kinds[k], n, forks[f], t[rounds / 2] * 1e3, t[0] * 1e3,
			       t[rounds - 1] * 1e3, act / rounds);
			fflush(stdout);
		}
	return 0;
}
