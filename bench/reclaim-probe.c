// SPDX-License-Identifier: GPL-2.0-only
/*
 * reclaim-probe: the memory-cgroup swap load of remap_file_pages_reclaim's cgroup_reclaim,
 * runnable on the stock and the patched kernel alike, to tell a fault of the series from
 * one of the base kernel under the same pressure.
 *
 *   reclaim-probe <linear|blocks> <MiB> <rounds> [seed]
 *
 * Each round forks a child into the cgroup /sys/fs/cgroup/rprobe (memory.max = MiB/8,
 * swap unlimited). The child maps a memfd of MiB through one shared window, either
 * linearly or rearranged in random blocks of 16..512 pages by remap_file_pages() (native
 * on the patched kernel, emulated with one VMA per call on stock), writes every page with
 * a tag that depends on the file page and the round, then reads every byte of every slot
 * back and a sample through pread(). Swap must be on. Exit status 0 when every round is
 * right, 1 on a wrong byte or a failed call, 2 on a killed child.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define CG "/sys/fs/cgroup/rprobe"

static size_t ps;

static void die(const char *what)
{
	fprintf(stderr, "reclaim-probe: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void put(const char *file, const char *val)
{
	int fd = open(file, O_WRONLY);

	if (fd < 0 || write(fd, val, strlen(val)) != (ssize_t)strlen(val))
		die(file);
	close(fd);
}

static uint64_t xs(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* The word @word of file page @pg in round @round: every word of every page differs. */
static uint64_t tag(size_t pg, size_t word, unsigned int round)
{
	return 0x5250524f42450000ULL ^ ((uint64_t)pg << 24) ^ ((uint64_t)round << 12) ^ word;
}

/* The file page shown at each slot: map[slot]. */
static int child(int blocks, size_t npages, unsigned int round, uint64_t seed)
{
	size_t *map = malloc(npages * sizeof(*map)), *start = NULL, nblk = 0, i, j, bad = 0;
	char *win, *buf = malloc(ps);
	int fd;

	if (!map || !buf)
		die("malloc");
	put(CG "/cgroup.procs", "0");
	fd = memfd_create("rprobe", 0);
	if (fd < 0 || ftruncate(fd, npages * ps))
		die("memfd");
	win = mmap(NULL, npages * ps, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (win == MAP_FAILED)
		die("mmap");
	for (i = 0; i < npages; i++)
		map[i] = i;
	if (blocks) {
		size_t *order, slot = 0;

		/* Cut the window into blocks of 16..512 pages and show them shuffled. */
		start = malloc(npages / 16 * sizeof(*start) + sizeof(*start));
		if (!start)
			die("malloc");
		for (i = 0; i < npages; nblk++) {
			start[nblk] = i;
			i += 16 + xs(&seed) % 497;
			if (i > npages)
				i = npages;
		}
		order = malloc(nblk * sizeof(*order));
		if (!order)
			die("malloc");
		for (i = 0; i < nblk; i++)
			order[i] = i;
		for (i = nblk - 1; i > 0; i--) {
			size_t k = xs(&seed) % (i + 1), t = order[i];

			order[i] = order[k];
			order[k] = t;
		}
		for (i = 0; i < nblk; i++) {
			size_t b = order[i], len = (b + 1 < nblk ? start[b + 1] : npages) - start[b];

			if (remap_file_pages(win + slot * ps, len * ps, 0, start[b], MAP_NONBLOCK))
				die("remap_file_pages");
			for (j = 0; j < len; j++)
				map[slot + j] = start[b] + j;
			slot += len;
		}
		free(order);
		free(start);
	}
	for (i = 0; i < npages; i++) {
		uint64_t *p = (uint64_t *)(win + i * ps);

		for (j = 0; j < ps / 8; j++)
			p[j] = tag(map[i], j, round);
	}
	for (i = 0; i < npages; i++) {
		const uint64_t *p = (const uint64_t *)(win + i * ps);

		for (j = 0; j < ps / 8; j++)
			if (p[j] != tag(map[i], j, round) && bad++ < 10)
				fprintf(stderr, "slot %zu (file page %zu) word %zu: %#llx\n", i,
					map[i], j, (unsigned long long)p[j]);
	}
	for (i = 0; i < npages; i += 61) {
		if (pread(fd, buf, ps, i * ps) != (ssize_t)ps)
			die("pread");
		for (j = 0; j < ps / 8; j++)
			if (((uint64_t *)buf)[j] != tag(i, j, round) && bad++ < 20)
				fprintf(stderr, "pread page %zu word %zu\n", i, j);
	}
	printf("round %u: %s window, %zu blocks, %zu wrong words\n", round,
	       blocks ? "blocks" : "linear", nblk, bad);
	fflush(NULL);
	return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
	unsigned int rounds, r;
	uint64_t seed;
	size_t mib;
	char max[32];
	int blocks, st, fail = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: %s <linear|blocks> <MiB> <rounds> [seed]\n", argv[0]);
		return 2;
	}
	ps = getpagesize();
	blocks = !strcmp(argv[1], "blocks");
	mib = strtoul(argv[2], NULL, 0);
	rounds = strtoul(argv[3], NULL, 0);
	seed = argc > 4 ? strtoull(argv[4], NULL, 0) : 88172645463325252ULL;
	put("/sys/fs/cgroup/cgroup.subtree_control", "+memory");
	if (mkdir(CG, 0755) && errno != EEXIST)
		die(CG);
	snprintf(max, sizeof(max), "%zuM", mib / 8);
	put(CG "/memory.max", max);
	put(CG "/memory.swap.max", "max");
	for (r = 0; r < rounds; r++) {
		pid_t pid;

		fflush(NULL);
		pid = fork();
		if (!pid)
			_exit(child(blocks, mib * 1024 * 1024 / ps, r, seed + r));
		if (waitpid(pid, &st, 0) != pid)
			die("waitpid");
		if (WIFSIGNALED(st)) {
			printf("round %u: child killed by signal %d\n", r, WTERMSIG(st));
			return 2;
		}
		fail |= WEXITSTATUS(st);
	}
	rmdir(CG);
	printf("%s\n", fail ? "FAIL" : "ok");
	return fail;
}
