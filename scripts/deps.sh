#!/usr/bin/env bash
# Install the Debian packages the tooling needs for ARCH (only those missing), and the
# packages named as arguments.
. "$(dirname "$0")/lib.sh"
arch_setup

pkgs=(make gcc libc6-dev flex bison bc libelf-dev libssl-dev python3 python3-ply python3-git perl git patch
      xz-utils gzip rsync pkg-config ccache coreutils liburcu-dev)
pkgs+=("$QEMU_PKG" "$TOOLCHAIN_PKG" "$TOOLCHAIN_LIBC" "$@")	# arguments: more packages (make bench: stress-ng, gnuplot-nox)

# The guest userland is Debian's busybox-static and bash-static for $DEB_ARCH, fetched
# with apt-get download: a foreign architecture must be known to dpkg and apt.
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
if [ "$DEB_ARCH" != "$(dpkg --print-architecture)" ] &&
   ! dpkg --print-foreign-architectures | grep -qx "$DEB_ARCH"; then
	log "adding the Debian architecture $DEB_ARCH (for the guest's busybox-static)"
	$SUDO dpkg --add-architecture "$DEB_ARCH"
	$SUDO apt-get update -q >/dev/null || warn "apt-get update failed"
fi

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} = 0 ] && exit 0

command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get: install them by hand"
log "installing: ${missing[*]}"
$SUDO apt-get update -q >/dev/null || warn "apt-get update failed; trying the install anyway"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null ||
	die "apt-get install ${missing[*]} failed"
