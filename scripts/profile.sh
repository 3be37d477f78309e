#!/usr/bin/env bash
# make profile: where the time of remap_file_pages() goes, by perf record in a guest.
# Boots the bench kernel (EXTRA_CONFIG=bench: perf events) of KERNEL (patched or stock)
# on CPU (QEMU model) and runs bench/rfp-loop $PROFILE_ARGS (default "populate 10000 10":
# single-page remaps of a faulted-in 10,000-page window in random order, 10 times)
# under `perf record -e cpu-clock -g` (TCG has no PMU). The call graph summary goes to
# build/profile/<flavour>-<time>/: children.txt (inclusive) and self.txt. x86_64 only:
# the host's perf (Debian's linux-perf) runs in the guest with its libraries.
. "$(dirname "$0")/lib.sh"
arch_setup
[ "$ARCH" = x86_64 ] || die "make profile runs the host's perf in the guest: x86_64 only"
export EXTRA_CONFIG=${EXTRA_CONFIG-bench}
kernel_flavour
args=${PROFILE_ARGS:-populate 10000 10}

command -v perf >/dev/null || bash "$TOP/scripts/deps.sh" linux-perf
bash "$TOP/scripts/build-kernel.sh" >/dev/null
pdir=$BUILD/profile
mkdir -p "$pdir"
gcc -O2 -Wall -static -o "$pdir/rfp-loop" "$TOP/bench/rfp-loop.c"
pb=$pdir/perf
if [ ! -x "$pb/perf" ] || [ "$(readlink -f /usr/bin/perf)" -nt "$pb/perf" ]; then
	rm -rf "$pb"; mkdir -p "$pb"
	cp "$(readlink -f /usr/bin/perf)" "$pb/perf"
	ldd "$pb/perf" | grep -o '/[^ ]*' | while read -r lib; do cp -L "$lib" "$pb/"; done
	cp -L /lib64/ld-linux-x86-64.so.2 "$pb/ld.so"
fi
res=$pdir/$FLAVOUR-${CPU:-$QEMU_CPU}-$(date +%Y%m%d-%H%M%S)
res=${res//,/-}
mkdir -p "$res"
cat > "$res/guest.sh" <<EOT
P="$pb/ld.so --library-path $pb $pb/perf"
cd /tmp
echo 0 > /proc/sys/kernel/kptr_restrict
echo -1 > /proc/sys/kernel/perf_event_paranoid
echo 1000000 > /proc/sys/vm/max_map_count
grep . /sys/devices/system/cpu/vulnerabilities/* > $res/vulnerabilities.txt 2>/dev/null
\$P record -q -e cpu-clock -F 4000 -g -o /tmp/perf.data -- $pdir/rfp-loop $args > $res/rfp-loop.txt || exit 1
\$P report -q -i /tmp/perf.data --children --percent-limit 2 --stdio -g none --sort sym > $res/children.txt 2>/dev/null
\$P report -q -i /tmp/perf.data --no-children --percent-limit 1 --stdio -g none --sort sym > $res/self.txt 2>/dev/null
EOT
TIMEOUT=${TIMEOUT:-900} bash "$TOP/scripts/vm-run.sh" "sh $res/guest.sh" >/dev/null ||
	die "the guest failed (see build/logs)"
cat "$res/rfp-loop.txt"
echo "--- inclusive (children.txt), top 30:"
head -n 30 "$res/children.txt"
log "profile: ${res#"$TOP"/}"
