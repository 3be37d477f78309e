# linux-nonlinear: native nonlinear VMAs for remap_file_pages() on Linux 6.12.
#
#   make run            build + boot the patched x86_64 kernel, show the feature working
#   make check          the test suite: x86_64 normal + DEBUG=1, i386, arm64 (ARCH= one arch)
#   make check-all      make check on every architecture, and on the x86_64 debug kernel
#   make series-check   every prefix builds (option on/off), checkpatch, vma tests; resumes
#   make kunit          the series' KUnit suite through tools/testing/kunit/kunit.py [ARCH=]
#   make bench          stock against patched, side by side [REPEAT=3] [SCALE=small|full]
#   make profile        perf record of remap_file_pages() in a guest [KERNEL=] [CPU=]
#   make kernel         [ARCH=x86_64] [KERNEL=patched|stock] [DEBUG=1]
#   make vm-run CMD='shell command'   [ARCH=] [KERNEL=] [DEBUG=] [ACCEL=kvm|tcg] [TIMEOUT=s]
#   make apply          patches/ -> build/src/linux, branch nonlinear (FORCE=1 discards work)
#   make export         branch -> patches/ + patches/series
#   make mbox           the series as mails with a cover letter (build/mbox/)
#   make deps           install the Debian packages the tooling needs
#   make clean          remove build/ (the base tree and ccache in ~/.cache stay)
#
# ARCH: x86_64 i386 i386-nopae arm64 ppc64le mipsel mips64el.
# KSRC=/path/to/linux-6.12.y uses your own tree as the base instead of Debian's.

# Empty ARCH and DEBUG: the scripts default to x86_64 and 0; plain `make check` runs the CI set.
ARCH   ?=
KERNEL ?= patched
DEBUG  ?=
export ARCH KERNEL DEBUG KSRC SERIES_ARCHES SERIES_FROM SERIES_BUDGET SERIES_FORCE KUNIT_ARGS ACCEL TIMEOUT MEM SMP NUMA REPEAT SCALE BENCH_ARGS STRESS_SECONDS
export CPU BENCH_CPUS PROFILE_ARGS BOOT_TIMEOUT TIMEOUT_DUMP CHECK_BUDGET
# Only when given: bench and profile default an unset EXTRA_CONFIG to "bench", and
# "EXTRA_CONFIG=" (empty) means no extra fragment.
ifneq ($(origin EXTRA_CONFIG),undefined)
export EXTRA_CONFIG
endif

.PHONY: all run check check-all series-check kunit bench profile mbox kernel vm-run selftests initramfs apply export base deps clean help

all: help

help:
	@sed -n '2,20s/^# \{0,1\}//p' Makefile

deps:
	@bash scripts/deps.sh

base: deps
	@bash scripts/base.sh

apply: deps
	@bash scripts/pq.sh apply

export:
	@bash scripts/pq.sh export

mbox:
	@bash scripts/mbox.sh

kernel: deps
	@bash scripts/build-kernel.sh

selftests: deps
	@bash scripts/build-selftests.sh

initramfs: deps
	@bash scripts/mkinitramfs.sh

vm-run: deps
	@test -n "$(CMD)" || { echo "usage: make vm-run CMD='shell command'"; exit 2; }
	@bash scripts/vm-run.sh "$(CMD)"

check: deps
	@if [ -z "$(ARCH)$(DEBUG)" ]; then bash scripts/check-all.sh ci; else bash scripts/check.sh; fi

check-all:
	@bash scripts/check-all.sh

series-check: deps
	@bash scripts/series-check.sh

kunit: deps
	@bash scripts/kunit.sh

bench: deps
	@bash scripts/deps.sh stress-ng gnuplot-nox
	@bash scripts/bench.sh

profile: deps
	@bash scripts/profile.sh

run: deps
	@bash scripts/run.sh

clean:
	rm -rf build
