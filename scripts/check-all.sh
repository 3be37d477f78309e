#!/usr/bin/env bash
# make check-all: make check on every architecture (ARCHES="..." picks some), then on the
# x86_64 debug kernel; a table of the verdicts at the end. Exit status 1 if any failed.
# Each run keeps its own results directory (build/results/<flavour>-<time>/).
#
# "check-all.sh ci" is plain `make check` (what CI runs): x86_64, i386 and arm64 (those two
# with tests/check-ci-cross.list), then x86_64 with the debug kernel, within CHECK_BUDGET. A cold run of every
# architecture does not fit CI's time on a 2-core machine (README, "Architectures").
. "$(dirname "$0")/lib.sh"
runs=()
ci=0
if [ "${1:-}" = ci ]; then
	ci=1
	# The debug kernel last: it is the slowest, and a hang there must not cost the others.
	runs=(x86_64:0 i386:0 arm64:0 x86_64:1)
	log "make check: x86_64 (normal and DEBUG=1), i386 and arm64; ppc64le, mipsel, mips64el and i386-nopae run in make check-all (a cold run of all of them does not fit CI's time)"
	# CI stops the job after 5400 s: no guest may run past CHECK_BUDGET seconds from
	# here, so that a hang still ends in this summary rather than in CI's kill.
	export CHECK_DEADLINE=$(($(date +%s) + ${CHECK_BUDGET:-5100}))
else
	for a in ${CHECK_ARCHES:-$ARCHES}; do runs+=("$a:0"); done
	[ -n "${CHECK_ARCHES:-}" ] || runs+=("x86_64:1")
fi
# Every architecture's toolchain and QEMU first.
for r in "${runs[@]}"; do ARCH=${r%:*} bash "$TOP/scripts/deps.sh"; done
t_all=$(date +%s)
summary=()
rc=0
for r in "${runs[@]}"; do
	a=${r%:*} d=${r#*:}
	t0=$(date +%s)
	log "make check ARCH=$a DEBUG=$d"
	out=$BUILD/check-all-$a-$d.log
	mkdir -p "$BUILD"
	env=(ARCH="$a" DEBUG="$d")
	# In make check, checkpatch and tools/testing/vma run once, and the other
	# architectures run the short list.
	[ $ci = 1 ] && [ "$r" != "${runs[0]}" ] && env+=(CHECK_STATIC=0)
	[ $ci = 1 ] && [ "$a" != x86_64 ] && env+=(LIST="$TOP/tests/check-ci-cross.list")
	if env "${env[@]}" bash "$TOP/scripts/check.sh" 2>&1 | tee "$out"; then v=ok; else v=FAIL; rc=1; fi
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n1)
	summary+=("$(printf '%-12s %-6s %-5s %5d s  %s' "$a" "$([ "$d" = 1 ] && echo debug || echo normal)" "$v" $(($(date +%s) - t0)) "${line:-no summary}")")
done
echo
echo "make $([ $ci = 1 ] && echo check || echo check-all): $(( $(date +%s) - t_all )) s"
printf '%s\n' "${summary[@]}"
[ $ci = 1 ] && echo "make check covered x86_64 (normal and DEBUG=1), i386 and arm64; make check-all covers every architecture"
# A failed run's failures again, and its first kernel splat with context: a CI log may
# keep only its end.
for r in "${runs[@]}"; do
	out=$BUILD/check-all-${r%:*}-${r#*:}.log
	grep -q '^FAILED: ' "$out" 2>/dev/null || continue
	echo
	echo "== ${r%:*} $([ "${r#*:}" = 1 ] && echo debug || echo normal): failures"
	grep '^FAILED: ' "$out"
	res=$(sed -n 's/.*; results: \(build\/results\/[^ ]*\)$/\1/p' "$out" | tail -n1)
	[ -n "$res" ] && [ -f "$TOP/$res/console.log" ] && bash "$TOP/scripts/splat-check.sh" "$TOP/$res/console.log" 2>&1 | cut -c1-300
done
exit $rc
