#!/usr/bin/env bash
# make check-all: make check on every architecture (ARCHES="..." picks some), then on the
# x86_64 debug kernel; a table of the verdicts at the end. Exit status 1 if any failed.
# Each run keeps its own results directory (build/results/<flavour>-<time>/).
. "$(dirname "$0")/lib.sh"
runs=()
for a in ${CHECK_ARCHES:-$ARCHES}; do runs+=("$a:0"); done
[ -n "${CHECK_ARCHES:-}" ] || runs+=("x86_64:1")
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
	if ARCH=$a DEBUG=$d bash "$TOP/scripts/check.sh" 2>&1 | tee "$out"; then v=ok; else v=FAIL; rc=1; fi
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n1)
	summary+=("$(printf '%-12s %-6s %-5s %5d s  %s' "$a" "$([ "$d" = 1 ] && echo debug || echo normal)" "$v" $(($(date +%s) - t0)) "${line:-no summary}")")
done
echo
echo "make check-all: $(( $(date +%s) - t_all )) s"
printf '%s\n' "${summary[@]}"
exit $rc
