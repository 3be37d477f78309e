#!/usr/bin/env bash
# Build the guest initramfs for $ARCH from Debian's busybox-static for that architecture.
# Prints its path on stdout.
. "$(dirname "$0")/lib.sh"
arch_setup

out=$BUILD/initramfs/$ARCH.cpio.gz
deps=("$TOP/scripts/guest-init" "$TOP/scripts/mkinitramfs.sh")
if [ -f "$out" ] && [ -z "$(find "${deps[@]}" -newer "$out")" ]; then
	echo "$out"; exit 0
fi

work=$BUILD/initramfs/$ARCH
rm -rf "$work"; mkdir -p "$work" "$CACHE/deb"

# Debian's static busybox (the userland) and static bash (run_vmtests.sh and other
# selftest scripts need bash) for the target architecture.
deb_for() {	# $1 = package; prints the path of its .deb for $DEB_ARCH, downloading it once
	local deb
	deb=$(ls "$CACHE"/deb/"$1"_*_"$DEB_ARCH".deb 2>/dev/null | tail -n1 || true)
	if [ -z "$deb" ]; then
		log "downloading $1:$DEB_ARCH"
		(cd "$CACHE/deb" && apt-get download "$1:$DEB_ARCH" >/dev/null 2>&1) || {
			apt-get update >/dev/null 2>&1 || true
			(cd "$CACHE/deb" && apt-get download "$1:$DEB_ARCH" >/dev/null)
		} || die "cannot download $1:$DEB_ARCH (for a foreign arch: dpkg --add-architecture $DEB_ARCH && apt-get update)"
		deb=$(ls "$CACHE"/deb/"$1"_*_"$DEB_ARCH".deb | tail -n1)
	fi
	echo "$deb"
}
dpkg-deb -x "$(deb_for busybox-static)" "$work/deb"
dpkg-deb -x "$(deb_for bash-static)" "$work/deb"

# gen_init_cpio from the kernel tree makes device nodes without needing mknod rights.
bash "$TOP/scripts/base.sh" >&2
# shellcheck disable=SC1091
src=$(. "$BUILD/base.env"; echo "$BASE_TREE")
gen=$BUILD/initramfs/gen_init_cpio
[ -x "$gen" ] || cc -O2 -o "$gen" "$src/usr/gen_init_cpio.c"

cat > "$work/list" <<EOT
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
nod /dev/null 0666 0 0 c 1 3
dir /bin 0755 0 0
dir /proc 0755 0 0
dir /sys 0755 0 0
dir /tmp 1777 0 0
file /bin/busybox $work/deb/bin/busybox 0755 0 0
file /bin/bash $work/deb/bin/bash-static 0755 0 0
file /init $TOP/scripts/guest-init 0755 0 0
EOT
"$gen" "$work/list" | gzip -9 > "$out.tmp"
mv "$out.tmp" "$out"
log "initramfs: $out"
echo "$out"
