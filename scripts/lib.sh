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

# Per-architecture facts: Debian arch name, cross prefix, kernel ARCH, image.
arch_setup() {
	case "$ARCH" in
	x86_64)
		DEB_ARCH=amd64; KARCH=x86; CROSS_COMPILE=${CROSS_COMPILE-}
		KIMAGE=vmlinux; QEMU=qemu-system-x86_64; TOOLCHAIN_PKG=gcc
		;;
	*) die "ARCH=$ARCH is not supported yet (supported: x86_64)" ;;
	esac
}

kernel_flavour() {
	case "$KERNEL" in patched|stock) ;; *) die "KERNEL must be patched or stock, not '$KERNEL'" ;; esac
	case "$DEBUG" in 0|1) ;; *) die "DEBUG must be 0 or 1" ;; esac
	FLAVOUR=$ARCH-$KERNEL
	[ "$DEBUG" = 1 ] && FLAVOUR=$FLAVOUR-debug
	OBJ=$BUILD/obj/$FLAVOUR
	# In 6.12 the PVH entry calls KASAN-instrumented code (memcmp) before the KASAN
	# shadow exists, and the guest triple-faults: boot KASAN kernels as a bzImage.
	if [ "$ARCH" = x86_64 ] && [ "$DEBUG" = 1 ]; then
		KIMAGE=arch/x86/boot/bzImage
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
