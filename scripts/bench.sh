#!/usr/bin/env bash
# make bench: the stock and the patched kernel side by side. Both are built from the same
# base and config (ARCH, DEBUG=0), booted in the same QEMU setup, and run the same static
# bench/nonlinear-bench binary (plus, on x86_64, Debian's stress-ng remap stressor);
# REPEAT rounds alternate which kernel goes first. scripts/bench-report.py then prints the
# table (medians, spread, ratios, goals) and writes results.json, results.csv and
# plot.svg/png into build/bench/<arch>-<time>/.
#
#   REPEAT=3        rounds (each boots both kernels once)
#   SCALE=small     small: N up to 60k, worst case 256k remaps; full: N up to 1M (slow:
#                   about 30 minutes per stock run under TCG)
#   BENCH_ARGS=     more arguments for nonlinear-bench (e.g. --only remap,fault)
#   STRESS_SECONDS=20  the stress-ng remap run (0: none)
#   BENCH_CPUS=     the QEMU CPU models to run both kernels on, one after the other
#                   (x86 default: "max max,vendor=GenuineIntel", see below)
#   EXTRA_CONFIG=bench  fragments of both kernels (configs/bench.config: CPU mitigations
#                   as distributions have them, perf events)
#
# Under TCG the price of a kernel entry depends on the CPU model more than anything:
# QEMU flushes its software TLB at every CR3 switch, so where the guest kernel isolates
# its page tables (PTI, on CPUs that say GenuineIntel: Meltdown) a null system call costs
# about 15 times more than without (on hardware with PCIDs, PTI costs far less). x86 runs
# both: "max" (AuthenticAMD: no PTI) and "max,vendor=GenuineIntel" (PTI, MDS clearing).
# Each gets its own report; every env line records the null system call's cost and the
# meltdown mitigation.
. "$(dirname "$0")/lib.sh"
arch_setup
DEBUG=0
export EXTRA_CONFIG=${EXTRA_CONFIG-bench}
case "$ARCH" in
x86_64|i386*) BENCH_CPUS=${BENCH_CPUS:-"max max,vendor=GenuineIntel"} ;;
*) BENCH_CPUS=${BENCH_CPUS:-$QEMU_CPU} ;;
esac

REPEAT=${REPEAT:-3}
SCALE=${SCALE:-small}
STRESS_SECONDS=${STRESS_SECONDS:-20}
MEM=${MEM:-$CHECK_MEM}
SMP=${SMP:-$CHECK_SMP}
case "$SCALE" in small|full) ;; *) die "SCALE must be small or full" ;; esac

# 1. Both kernels (the same config fragments apart from the series' own option).
for k in stock patched; do
	KERNEL=$k bash "$TOP/scripts/build-kernel.sh" >/dev/null
done

# 2. The benchmark, static, for the guest.
bdir=$BUILD/bench/$ARCH
mkdir -p "$bdir"
bin=$bdir/nonlinear-bench
if [ ! -x "$bin" ] || [ "$TOP/bench/nonlinear-bench.c" -nt "$bin" ]; then
	log "building bench/nonlinear-bench.c for $ARCH"
	"${CROSS_COMPILE}gcc" -O2 -Wall -static -D_FILE_OFFSET_BITS=64 -o "$bin" \
		"$TOP/bench/nonlinear-bench.c"
fi

# stress-ng is dynamically linked: on x86_64 the host's binary runs in the guest with its
# libraries and loader copied beside it. Other architectures go without it.
sng=
if [ "$ARCH" = x86_64 ] && [ "$STRESS_SECONDS" -gt 0 ]; then
	command -v stress-ng >/dev/null || bash "$TOP/scripts/deps.sh" stress-ng
	sng=$bdir/stress-ng
	if [ ! -x "$sng/stress-ng" ] || [ /usr/bin/stress-ng -nt "$sng/stress-ng" ]; then
		rm -rf "$sng"; mkdir -p "$sng"
		cp /usr/bin/stress-ng "$sng/"
		ldd /usr/bin/stress-ng | grep -o '/[^ ]*' | while read -r lib; do cp -L "$lib" "$sng/"; done
		cp -L /lib64/ld-linux-x86-64.so.2 "$sng/ld.so"
	fi
fi

stamp=$(date +%Y%m%d-%H%M%S)
top=$BUILD/bench/$ARCH-$stamp
accel=tcg
case "$ARCH" in x86_64|i386*) host_has_kvm && accel=kvm ;; esac
per_run=$([ "$SCALE" = full ] && echo 7200 || echo 1800)
# Steps 3 to 5 run once per CPU model (the loop body is not indented).
for cpu in $BENCH_CPUS; do
res=$top/cpu-$(tr ',=' '-_' <<<"$cpu")
mkdir -p "$res"
cat > "$res/meta.json" <<EOT
{"accel": "${ACCEL:-$accel}", "arch": "$ARCH", "repeat": $REPEAT, "scale": "$SCALE",
 "mem": "$MEM", "smp": $SMP, "host_cpu": "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)",
 "qemu_cpu": "$cpu", "extra_config": "$EXTRA_CONFIG",
 "bench_args": "${BENCH_ARGS:-}", "stress_seconds": $STRESS_SECONDS}
EOT

# 3. The guest's part: zram swap (the reclaim workload), the benchmark, stress-ng.
cat > "$res/guest.sh" <<EOT
# nonlinear-bench in the guest: guest.sh <kernel> <round>
out=$res/raw-\$1-\$2.jsonl
echo 1G > /sys/block/zram0/disksize && mkswap /dev/zram0 >/dev/null && swapon /dev/zram0 ||
	echo "bench: no zram swap, the reclaim workload will be skipped" >&2
cd /tmp
$bin all --scale $SCALE ${BENCH_ARGS:-} > \$out.tmp || exit \$?
if [ -n "$sng" ]; then
	$sng/ld.so --library-path $sng $sng/stress-ng --remap 1 --timeout ${STRESS_SECONDS}s \\
		--metrics-brief --yaml /tmp/sng.yaml >/dev/null 2>&1
	ops=\$(sed -n 's/.*bogo-ops-per-second-real-time: *//p' /tmp/sng.yaml | head -n1)
	[ -n "\$ops" ] && echo "{\"workload\":\"stressng\",\"method\":\"remap\",\"ok\":true,\"ops_per_s\":\$ops}" >> \$out.tmp
fi
mv \$out.tmp \$out
EOT

# 4. REPEAT rounds, stock and patched in alternating order, the same machine each time.
for ((r = 1; r <= REPEAT; r++)); do
	if [ $((r % 2)) = 1 ]; then order="stock patched"; else order="patched stock"; fi
	for k in $order; do
		log "CPU $cpu, round $r/$REPEAT: $k"
		CPU=$cpu KERNEL=$k MEM=$MEM SMP=$SMP NUMA=1 TIMEOUT=${TIMEOUT:-$per_run} \
			VMRUN_LOG=$res/console-$k-$r.log \
			bash "$TOP/scripts/vm-run.sh" "sh $res/guest.sh $k $r" >/dev/null ||
			die "the $k guest failed in round $r (see $res/console-$k-$r.log)"
		[ -s "$res/raw-$k-$r.jsonl" ] || die "no results from the $k guest in round $r"
	done
done

# 5. The report of this CPU model.
python3 "$TOP/scripts/bench-report.py" "$res" | tee "$res/report.txt"
done
log "results: ${top#"$TOP"/}/cpu-*"
