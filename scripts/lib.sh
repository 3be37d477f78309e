# shellcheck shell=bash
# Common settings for the linux-nonlinear tooling. Sourced, never run.

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Downloads, the unpacked base tree and ccache live outside the checkout so that
# they survive "git clean" and are shared by every clone on the machine.
CACHE=${CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/linux-nonlinear}
BUILD=${BUILD:-$TOP/build}
ARCH=${ARCH:-x86_64}
KERNEL=${KERNEL:-patched}
DEBUG=${DEBUG:-0}

# The pinned base: Debian's linux-source-6.12 package and the sha256 of its .deb.
BASE_DEB_PKG=linux-source-6.12
BASE_DEB_VERSION=${BASE_DEB_VERSION:-6.12.117-1~deb12u1}
BASE_DEB_SHA256=${BASE_DEB_SHA256:-e849faf31ca3555757f3a8877cb01af92122f744f75d1f3102734651c4e14703}

export CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
# Paths below the checkout are hashed relative to it, so clones share hits.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$TOP}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}
export CCACHE_NOHASHDIR=1

log()  { printf '==> %s\n' "$*" >&2; }
warn() { printf '\n!!! %s\n\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# Deterministic identity and dates for commits we make ourselves (the base import),
# so the base commit has the same hash on every machine.
git_fixed() {
	GIT_AUTHOR_NAME="linux-nonlinear" GIT_AUTHOR_EMAIL="base@linux-nonlinear.invalid" \
	GIT_COMMITTER_NAME="linux-nonlinear" GIT_COMMITTER_EMAIL="base@linux-nonlinear.invalid" \
	GIT_AUTHOR_DATE="2000-01-01T00:00:00Z" GIT_COMMITTER_DATE="2000-01-01T00:00:00Z" \
	git "$@"
}

# Per-architecture facts: Debian arch name, cross compiler, kernel ARCH, image, QEMU
# machine, console, and the guest size make check uses (memory, CPUs, NUMA nodes).
ARCHES="x86_64 i386 i386-nopae arm64 ppc64le mipsel mips64el"
arch_setup() {
	CONSOLE=ttyS0; CHECK_MEM=4G; CHECK_SMP=2; CHECK_NUMA=2; QEMU_CPU=max; ARCH_APPEND=
	# x86: PCI interrupts from the BIOS's $PIR table, not from ACPI's _PRT method. Under
	# TCG the debug kernel's AML interpreter runs _PRT past ACPICA's 30 s loop timeout in
	# about half of its boots ("AE_AML_LOOP_TIMEOUT", "PCI INT A: no GSI"); the virtio 9p
	# device is then left without an interrupt and the guest hangs on its first 9p
	# request (CI, and 4 of 6 local debug boots). With pci=noacpi 3 of 3 boots came up,
	# the debug kernel reaching /init at 14 s instead of 52 s. Not on i386: there, with
	# pci=noacpi, virtio-pci could not read the device's features ("modern interface but
	# does not have VIRTIO_F_VERSION_1") and 9p did not probe (CI, stop 13).
	case "$ARCH" in x86_64) ARCH_APPEND=pci=noacpi ;; esac
	case "$ARCH" in
	x86_64)
		DEB_ARCH=amd64; KARCH=x86; CROSS_COMPILE=${CROSS_COMPILE-}
		KIMAGE=vmlinux; QEMU=qemu-system-x86_64; QEMU_PKG=qemu-system-x86
		QEMU_MACHINE=pc
		;;
	i386|i386-nopae)
		# bzImage: the PVH entry is 64-bit only in practice; no NUMA on 32-bit x86
		DEB_ARCH=i386; KARCH=i386; CROSS_COMPILE=${CROSS_COMPILE-i686-linux-gnu-}
		KIMAGE=arch/x86/boot/bzImage; QEMU=qemu-system-i386; QEMU_PKG=qemu-system-x86
		# -cpu max says AuthenticAMD, and 32-bit init_amd() then WARNs that the
		# "combination of AMD processors is not suitable for SMP"
		QEMU_MACHINE=pc; CHECK_NUMA=1; QEMU_CPU=max,vendor=GenuineIntel
		;;
	arm64)
		DEB_ARCH=arm64; KARCH=arm64; CROSS_COMPILE=${CROSS_COMPILE-aarch64-linux-gnu-}
		KIMAGE=arch/arm64/boot/Image; QEMU=qemu-system-aarch64; QEMU_PKG=qemu-system-arm
		# cortex-a57: -cpu max turns on pointer authentication, slow under TCG
		QEMU_MACHINE=virt; QEMU_CPU=cortex-a57; CONSOLE=ttyAMA0
		;;
	ppc64le)
		DEB_ARCH=ppc64el; KARCH=powerpc; CROSS_COMPILE=${CROSS_COMPILE-powerpc64le-linux-gnu-}
		KIMAGE=vmlinux; QEMU=qemu-system-ppc64; QEMU_PKG=qemu-system-ppc
		# VOF instead of SLOF (SLOF takes ~12 s under TCG); no Spectre caps under TCG
		QEMU_MACHINE=pseries,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off,x-vof=on
		QEMU_CPU=power9; CONSOLE=hvc0
		;;
	mipsel|mips64el)
		# malta: no NUMA, one CPU (SMP needs an MT core or CPS), at most 2 GiB
		DEB_ARCH=$ARCH; KARCH=mips; QEMU=qemu-system-$ARCH; QEMU_PKG=qemu-system-mips
		KIMAGE=vmlinux; QEMU_MACHINE=malta; CHECK_MEM=2G; CHECK_SMP=1; CHECK_NUMA=1
		if [ "$ARCH" = mipsel ]; then
			CROSS_COMPILE=${CROSS_COMPILE-mipsel-linux-gnu-}; QEMU_CPU=24Kf
		else
			CROSS_COMPILE=${CROSS_COMPILE-mips64el-linux-gnuabi64-}
			QEMU_CPU=MIPS64R2-generic
		fi
		;;
	*) die "ARCH=$ARCH is not supported (supported: $ARCHES)" ;;
	esac
	# The cross compiler's Debian package: gcc-<triplet> (native: plain gcc).
	TOOLCHAIN_PKG=gcc
	[ -n "$CROSS_COMPILE" ] && TOOLCHAIN_PKG=gcc-${CROSS_COMPILE%-}
	# ... and its C library headers for the selftests (only recommended by the compiler,
	# which deps.sh installs without recommends).
	TOOLCHAIN_LIBC=libc6-dev
	[ -n "$CROSS_COMPILE" ] && TOOLCHAIN_LIBC=libc6-dev-$DEB_ARCH-cross
	# CPU= another QEMU CPU model for TCG guests
	QEMU_CPU=${CPU:-$QEMU_CPU}
	return 0
}

kernel_flavour() {
	case "$KERNEL" in patched|stock) ;; *) die "KERNEL must be patched or stock, not '$KERNEL'" ;; esac
	case "$DEBUG" in 0|1) ;; *) die "DEBUG must be 0 or 1" ;; esac
	FLAVOUR=$ARCH-$KERNEL
	[ "$DEBUG" = 1 ] && FLAVOUR=$FLAVOUR-debug
	# EXTRA_CONFIG="a b": configs/a.config and configs/b.config on top, in a kernel of
	# their own (make bench builds both kernels with configs/bench.config).
	local x
	for x in ${EXTRA_CONFIG:-}; do
		[ -f "$TOP/configs/$x.config" ] || die "EXTRA_CONFIG: no configs/$x.config"
		FLAVOUR=$FLAVOUR-$x
	done
	OBJ=$BUILD/obj/$FLAVOUR
	# In 6.12 the PVH entry calls KASAN-instrumented code (memcmp) before the KASAN
	# shadow exists, and the guest triple-faults: boot KASAN kernels as a bzImage.
	# And 4-level paging (no5lvl): -cpu max has LA57, and in 6.12 identify_cpu() clears
	# boot_cpu_data's capability bits while it runs, so pgtable_l5_enabled() is briefly
	# false. KASAN code run by an interrupt in that window computes its shadow bounds
	# for 4 levels and reports the 5-level direct map as a "wild-memory-access" (seen
	# in 1 of the 8 debug boots of 3 Dec here, in handle_edge_irq under identify_cpu). The normal
	# x86_64 kernel keeps 5-level paging.
	if [ "$ARCH" = x86_64 ] && [ "$DEBUG" = 1 ]; then
		KIMAGE=arch/x86/boot/bzImage
		ARCH_APPEND="${ARCH_APPEND:+$ARCH_APPEND }no5lvl"
	fi
	return 0
}

# SRC = the tree KERNEL is built from: the series applied (patched) or the base (stock).
kernel_source() {
	if [ "$KERNEL" = patched ]; then
		bash "$TOP/scripts/pq.sh" ensure >&2
		SRC=$BUILD/src/linux
	else
		bash "$TOP/scripts/base.sh" >&2
		# shellcheck disable=SC1091
		SRC=$(. "$BUILD/base.env"; echo "$BASE_TREE")
	fi
}

# Real hardware virtualization, not merely a /dev/kvm node (see README).
host_has_kvm() {
	[ -w /dev/kvm ] && grep -qE '^flags.*\b(vmx|svm)\b' /proc/cpuinfo
}
