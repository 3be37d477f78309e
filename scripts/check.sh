#!/usr/bin/env bash
# make check: checkpatch over the series, then build the patched kernel and the selftests,
# boot, run tests/check.list, print the summary table and "N passed, N failed".
# Exit status non-zero on any failure, unexpected skip or kernel splat.
. "$(dirname "$0")/lib.sh"
arch_setup
kernel_flavour

t0=$(date +%s)
stamp=$(date +%Y%m%d-%H%M%S)
res=$BUILD/results/$FLAVOUR-$stamp
mkdir -p "$res"
: > "$res/exit-codes"
# The guest sees only the checkout: run a copy of the list kept with the results.
deflist=$TOP/tests/check.list
[ "$ARCH" = x86_64 ] || deflist=$TOP/tests/check-cross.list
[ "$ARCH" = x86_64 ] && [ "$DEBUG" = 1 ] && deflist=$TOP/tests/check-debug.list
cp "${LIST:-$deflist}" "$res/tests.list"
list=$res/tests.list
expected=$TOP/tests/expected-skips/$ARCH.txt
# ppc64le booted with the hash MMU (APPEND=disable_radix) adds its own expected skips.
case " ${APPEND:-} " in *" disable_radix "*)
	if [ -f "$TOP/tests/expected-skips/$ARCH-hash.txt" ]; then
		cat "$expected" "$TOP/tests/expected-skips/$ARCH-hash.txt" > "$res/expected-skips.txt"
		expected=$res/expected-skips.txt
	fi ;;
esac

bash "$TOP/scripts/pq.sh" ensure
# shellcheck disable=SC1091
. "$BUILD/base.env"

# 1. checkpatch --strict over every patch of the series: errors fail.
# (CHECK_STATIC=0 skips 1 and 2: make check's later runs in one invocation.)
if [ "${CHECK_STATIC:-1}" = 1 ]; then
log "checkpatch --strict"
cp_log=$res/checkpatch.log
: > "$cp_log"
i=0; cp_rc=0
while read -r p; do
	i=$((i + 1))
	out=$(cd "$BUILD/src/linux" && PATH=/usr/bin:$PATH perl scripts/checkpatch.pl --strict \
		--quiet --showfile "$TOP/patches/$p" 2>&1 || true)
	if grep -q "ERROR:" <<<"$out"; then
		echo "not ok $i $p" >> "$cp_log"; cp_rc=1
	else
		echo "ok $i $p" >> "$cp_log"
	fi
	[ -n "$out" ] && sed 's/^/# /' <<<"$out" | tee -a "$cp_log" >&2
done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$TOP/patches/series")
echo "checkpatch $cp_rc" >> "$res/exit-codes"

# 2. The userland VMA tests (tools/testing/vma), on the host: they compile mm/vma.c.
log "tools/testing/vma"
set +e
( cd "$BUILD/src/linux/tools/testing/vma" && make -s clean >/dev/null 2>&1 &&
  make -s -j"$(nproc)" >/dev/null 2>"$res/vma-build.log" && ./vma; rc=$?
  make -s clean >/dev/null 2>&1; exit $rc ) > "$res/vma.log" 2>&1
echo "vma $?" >> "$res/exit-codes"
set -e
cat "$res/vma.log" >&2
fi

# 3. Kernel, selftests, initramfs.
bash "$TOP/scripts/build-kernel.sh" >/dev/null
st=$(bash "$TOP/scripts/build-selftests.sh" "$list" | tail -n1)
t_build=$(date +%s)

# 4. Boot and run the list. The guest may take as long as every suite's own timeout.
tmo_sum=$(awk -F'\t' '!/^#/ && NF >= 3 { s += $2 } END { print s + 300 }' "$list")
# Within make check's CHECK_DEADLINE (an epoch second): the guest gets what is left.
if [ -n "${CHECK_DEADLINE:-}" ] && [ -z "${TIMEOUT:-}" ]; then
	left=$((CHECK_DEADLINE - $(date +%s)))
	[ "$left" -lt "$tmo_sum" ] && { tmo_sum=$left; log "the guest gets the ${left} s left of CHECK_BUDGET"; }
	[ "$tmo_sum" -ge 120 ] || tmo_sum=120
fi
set +e
TIMEOUT=${TIMEOUT:-$tmo_sum} MEM=${MEM:-$CHECK_MEM} NUMA=${NUMA:-$CHECK_NUMA} VMRUN_LOG=$res/console.log bash "$TOP/scripts/vm-run.sh" \
	"sh $TOP/scripts/guest-tests.sh $st $list $res"
vm_rc=$?
set -e
t_end=$(date +%s)

# The guest run itself is a suite: a splat, a panic or a timeout fails it.
case $vm_rc in
0) echo "guest: clean kernel log" ;;
3) echo "not ok 1 kernel splat in the guest log (see console.log): $(bash "$TOP/scripts/splat-check.sh" --first "$res/console.log")" ;;
124) echo "not ok 1 the guest timed out" ;;
255) echo "not ok 1 the guest crashed, panicked or never reached /init" ;;
*) echo "not ok 1 the guest run ended with status $vm_rc" ;;
esac > "$res/guest.log"
echo "guest $vm_rc" >> "$res/exit-codes"
echo
echo "base: $BASE_DESC; series: $(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$TOP/patches/series" | wc -l) patches"
echo "kernel: $FLAVOUR ($(sed -n 's/^# kernel: //p' "$res/console.log" | head -n1 | tr -d '\r')); results: ${res#"$TOP"/}"
echo "time: build $((t_build - t0)) s, guest $((t_end - t_build)) s"
exec python3 "$TOP/scripts/tap-summary.py" "$res" "$expected" "$list"
