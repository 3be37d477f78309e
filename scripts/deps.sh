#!/usr/bin/env bash
# Install the Debian packages the tooling needs for ARCH (only those missing).
. "$(dirname "$0")/lib.sh"
arch_setup

pkgs=(make gcc libc6-dev flex bison bc libelf-dev libssl-dev python3 python3-ply python3-git perl git patch
      xz-utils gzip rsync pkg-config ccache coreutils liburcu-dev)
case "$ARCH" in
x86_64) pkgs+=(qemu-system-x86) ;;
esac

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} = 0 ] && exit 0

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get: install them by hand"
log "installing: ${missing[*]}"
$SUDO apt-get update -q >/dev/null || warn "apt-get update failed; trying the install anyway"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null ||
	die "apt-get install ${missing[*]} failed"
