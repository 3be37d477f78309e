#!/usr/bin/env bash
# Boot a kernel under QEMU, run a shell command in the guest, return its exit status.
#
#   vm-run.sh 'command'      (ARCH, KERNEL, DEBUG, ACCEL, TIMEOUT, MEM, SMP, NUMA from the env)
#
# The checkout is shared into the guest at the same path (9p) and the command runs in the
# current directory, as root, with /tmp on tmpfs. The console goes to stdout and to
# $BUILD/logs/<flavour>-<time>.log (or $VMRUN_LOG). Exit status: the command's; 124 if
# the guest was killed after TIMEOUT seconds; 255 if it died without reporting (panic);
# 3 if the command succeeded but the kernel log shows a splat (panic, oops, BUG, WARN,
# lockdep, KASAN, UBSAN, "Bad page", "Bad rss-counter", list corruption).
. "$(dirname "$0")/lib.sh"
arch_setup
kernel_flavour

cmd=${1:?usage: vm-run.sh 'command'}
TIMEOUT=${TIMEOUT:-900}
MEM=${MEM:-2G}
SMP=${SMP:-$CHECK_SMP}
NUMA=${NUMA:-1}

image=$(bash "$TOP/scripts/build-kernel.sh" | tail -n1)
initrd=$(bash "$TOP/scripts/mkinitramfs.sh" | tail -n1)

if [ -z "${ACCEL:-}" ]; then
	ACCEL=tcg
	case "$ARCH" in x86_64|i386*) host_has_kvm && ACCEL=kvm ;; esac
fi
case "$ACCEL" in
kvm)
	case "$ARCH" in x86_64|i386*) ;; *) die "ACCEL=kvm: a $ARCH guest on this host needs TCG" ;; esac
	accel=(-accel kvm -cpu host) ;;
tcg)
	# Multi-threaded TCG only where there is more than one CPU to run
	# (TCG_THREAD=single|multi overrides).
	if [ -z "${TCG_THREAD:-}" ] && [ "$SMP" -gt 1 ]; then TCG_THREAD=multi; fi
	accel=(-accel "tcg${TCG_THREAD:+,thread=$TCG_THREAD}" -cpu "$QEMU_CPU") ;;
*) die "ACCEL must be kvm or tcg" ;;
esac

cwd=$(pwd)
case "$cwd/" in "$TOP"/*) ;; *) cwd=$TOP ;; esac
case "$TOP$cwd" in *" "*) die "the checkout path must not contain spaces" ;; esac

mkdir -p "$BUILD/vm" "$BUILD/logs"
stamp=$(date +%Y%m%d-%H%M%S)-$$
script=$BUILD/vm/cmd-$stamp.sh
logf=${VMRUN_LOG:-$BUILD/logs/$FLAVOUR-$stamp.log}
printf '%s\n' "$cmd" > "$script"
trap 'rm -f "$script"' EXIT

append="console=$CONSOLE panic=-1 loglevel=5 printk.time=1"
append+=" vmrun.dir=$TOP vmrun.cwd=$cwd vmrun.script=$script $ARCH_APPEND ${APPEND:-}"
machine=(-M "$QEMU_MACHINE")

# NUMA=n splits the memory and the CPUs into n nodes of equal size.
numa=()
smp=(-smp "$SMP")
if [ "$NUMA" -gt 1 ]; then
	case "$MEM" in
	*G) mem_mb=$((${MEM%G} * 1024)) ;;
	*M) mem_mb=${MEM%M} ;;
	*) die "MEM must end in G or M for NUMA=$NUMA" ;;
	esac
	[ $((mem_mb % NUMA)) = 0 ] || die "MEM=$MEM does not split into $NUMA nodes"
	[ $((SMP % NUMA)) = 0 ] || die "SMP=$SMP does not split into $NUMA nodes"
	# One socket per node: CPUs that share a cache must share a node.
	for ((n = 0; n < NUMA; n++)); do
		numa+=(-object "memory-backend-ram,id=mem$n,size=$((mem_mb / NUMA))M")
		numa+=(-numa "node,nodeid=$n,memdev=mem$n")
		case "$ARCH" in
		ppc64le) numa+=(-numa "cpu,node-id=$n,core-id=$n") ;;
		*) numa+=(-numa "cpu,node-id=$n,socket-id=$n") ;;
		esac
	done
	smp=(-smp "$SMP,sockets=$NUMA,cores=$((SMP / NUMA)),threads=1")
fi

log "booting $FLAVOUR ($ACCEL, ${SMP} cpus, $MEM, $NUMA node(s)) for: $cmd"
# A guest that has not reached /init after BOOT_TIMEOUT seconds is stuck in the kernel's
# boot (seen: a debug kernel under TCG silent after 48 s of boot until the run's whole
# timeout, locally and in CI): stop it then rather than at TIMEOUT. Before the guest is
# stopped, for a stuck boot or TIMEOUT_DUMP seconds before TIMEOUT, the watchdog asks the
# kernel where it is: a serial break and sysrq l (every CPU's backtrace) and w (blocked
# tasks), through the console's input, a FIFO held open here.
BOOT_TIMEOUT=${BOOT_TIMEOUT:-600}
TIMEOUT_DUMP=${TIMEOUT_DUMP:-60}
: > "$logf"
fifo=$BUILD/vm/in-$stamp
rm -f "$fifo"
mkfifo "$fifo"
exec 7<>"$fifo"
trap 'rm -f "$script" "$fifo"' EXIT
sysrq_dump() {
	local k
	# sysrq prints its handlers' output at the console loglevel (5 here, and w's task
	# list is KERN_INFO): 7 first, then back to 5.
	for k in 7 l w 5; do
		printf '\001b' >&7
		sleep 1
		printf '%s' "$k" >&7
		sleep 5
	done
}
(
	exec >&2
	sleep "$BOOT_TIMEOUT" < /dev/null > /dev/null 2>&1
	if ! grep -q 'vmrun: init started' "$logf"; then
		echo "vm-run: the guest did not reach /init in ${BOOT_TIMEOUT}s (BOOT_TIMEOUT=); its CPUs and blocked tasks:"
		sysrq_dump
		pkill -TERM -f -- "-initrd $initrd" || true
		exit 0
	fi
	left=$((TIMEOUT - BOOT_TIMEOUT - TIMEOUT_DUMP))
	[ "$left" -gt 0 ] || exit 0
	sleep "$left" < /dev/null > /dev/null 2>&1
	echo "vm-run: ${TIMEOUT_DUMP}s before TIMEOUT=${TIMEOUT}s; the guest's CPUs and blocked tasks:"
	sysrq_dump
) &
boot_watch=$!
# No VGA and no NIC: the guests use neither, and their option ROMs come from packages
# that qemu-system-ppc and -mips only recommend (seabios, ipxe-qemu): without them, a
# fresh machine that installed no x86 QEMU failed with 'failed to find romfile
# "vgabios-stdvga.bin"' before the guest started.
set +e
timeout --foreground -k 10 "$TIMEOUT" \
	"$QEMU" "${machine[@]}" "${accel[@]}" "${smp[@]}" -m "$MEM" "${numa[@]}" \
	-display none -vga none -net none -monitor none -no-reboot -serial mon:stdio \
	-kernel "$image" -initrd "$initrd" -append "$append" \
	-virtfs "local,path=$TOP,mount_tag=repo,security_model=none,id=repo" \
	${QEMU_EXTRA:-} < "$fifo" 2>&1 | tee "$logf"
rcs=("${PIPESTATUS[@]}")
set -e
pkill -P "$boot_watch" 2>/dev/null || true
kill "$boot_watch" 2>/dev/null || true
wait "$boot_watch" 2>/dev/null || true
exec 7>&-
qrc=${rcs[0]}

rc=$(sed -n 's/.*VMRUN-EXIT-STATUS: \([0-9]*\).*/\1/p' "$logf" | tail -n1)
if [ "$qrc" = 124 ] || [ "$qrc" = 137 ]; then
	echo "vm-run: guest killed after ${TIMEOUT}s (TIMEOUT=)" >&2
	rc=124
elif [ -z "$rc" ]; then
	if grep -q 'vmrun: init started' "$logf"; then
		echo "vm-run: the guest ended without reporting an exit status (qemu rc $qrc)" >&2
	else
		echo "vm-run: the guest never reached /init (qemu rc $qrc)" >&2
	fi
	rc=255
fi

if ! "$TOP/scripts/splat-check.sh" "$logf"; then
	[ "$rc" = 0 ] && rc=3
fi
log "exit status $rc (log: ${logf#"$TOP"/})"
exit "$rc"
