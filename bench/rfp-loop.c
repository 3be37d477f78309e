// SPDX-License-Identifier: GPL-2.0-only
/*
 * rfp-loop <populate|nonblock> <n> <rounds>: remap_file_pages() of every page of an
 * n-page memfd window, faulted in first, in a random order, rounds times over; prints
 * the cost per call. Little else runs, so that a profile (make profile) shows the call.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	unsigned long s = 88172645463325252ULL, *perm;
	long n, rounds, ps = getpagesize(), i, r, calls = 0;
	int nonblock, fd;
	char *w;
	double t;

	if (argc != 4 || (strcmp(argv[1], "populate") && strcmp(argv[1], "nonblock")) ||
	    (n = atol(argv[2])) <= 0 || (rounds = atol(argv[3])) <= 0) {
		fprintf(stderr, "usage: rfp-loop populate|nonblock <pages> <rounds>\n");
		return 2;
	}
	nonblock = !strcmp(argv[1], "nonblock");
	perm = malloc(n * sizeof(*perm));
	fd = memfd_create("rfp-loop", 0);
	if (!perm || fd < 0 || ftruncate(fd, n * ps)) {
		perror("rfp-loop");
		return 1;
	}
	w = mmap(NULL, n * ps, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (w == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	for (i = 0; i < n; i++)
		w[i * ps] = 1;
	t = now();
	for (r = 0; r < rounds; r++) {
		for (i = 0; i < n; i++)
			perm[i] = i;
		for (i = n - 1; i > 0; i--) {	/* Fisher-Yates with xorshift */
			unsigned long j, x;

			s ^= s << 13;
			s ^= s >> 7;
			s ^= s << 17;
			j = s % (i + 1);
			x = perm[i];
			perm[i] = perm[j];
			perm[j] = x;
		}
		for (i = 0; i < n; i++, calls++)
			if (syscall(__NR_remap_file_pages, w + i * ps, ps, 0, perm[i],
				    nonblock ? MAP_NONBLOCK : 0)) {
				perror("remap_file_pages");
				return 1;
			}
	}
	printf("%s n=%ld: %.0f ns per call\n", argv[1], n, (now() - t) / calls * 1e9);
	return 0;
}
