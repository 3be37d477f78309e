#!/usr/bin/env bash
# Provide the base kernel tree the series applies to, and describe it in
# $BUILD/base.env (BASE_REPO, BASE_COMMIT, BASE_TREE, BASE_DESC).
#
# Default: Debian's linux-source-6.12 at the pinned version, checked against the pinned
# sha256, unpacked once into $CACHE and committed there with a fixed identity and date.
# KSRC=/path: the user's own 6.12.y tree. A git tree is used at its HEAD; a plain tree is
# indexed by a git directory in $CACHE (the files are not copied).
. "$(dirname "$0")/lib.sh"

mkdir -p "$CACHE" "$BUILD"
env_out=$BUILD/base.env

check_version() {	# $1 = tree
	local v p
	v=$(sed -n 's/^VERSION = //p' "$1/Makefile")
	p=$(sed -n 's/^PATCHLEVEL = //p' "$1/Makefile")
	[ "$v.$p" = 6.12 ] || die "$1 is Linux $v.$p, the series is for 6.12"
}

from_ksrc() {
	local src
	src=$(cd "$KSRC" && pwd) || die "KSRC=$KSRC does not exist"
	[ -f "$src/Makefile" ] && [ -d "$src/mm" ] || die "KSRC=$src is not a kernel tree"
	check_version "$src"
	if git -C "$src" rev-parse --show-toplevel >/dev/null 2>&1 &&
	   [ "$(git -C "$src" rev-parse --show-toplevel)" = "$src" ]; then
		BASE_REPO=$src
		BASE_COMMIT=$(git -C "$src" rev-parse HEAD)
		[ -z "$(git -C "$src" status --porcelain --untracked-files=no)" ] ||
			warn "KSRC=$src has uncommitted changes: the series applies to HEAD, stock builds use the files as they are"
	else
		local key gd
		key=$(printf '%s' "$src" | sha256sum | cut -c1-16)
		gd=$CACHE/ksrc-$key.git
		if [ ! -d "$gd" ]; then
			log "indexing plain tree $src (once) in $gd"
			git init -q --bare "$gd"
			git_fixed --git-dir="$gd" --work-tree="$src" add -A -f .
			git_fixed --git-dir="$gd" --work-tree="$src" commit -q -m "base: $src"
		fi
		BASE_REPO=$gd
		BASE_COMMIT=$(git --git-dir="$gd" rev-parse HEAD)
	fi
	BASE_TREE=$src
	BASE_DESC="KSRC=$src ($(make -s -C "$src" kernelversion 2>/dev/null || echo 6.12), commit ${BASE_COMMIT:0:12})"
}

from_debian() {
	local ver=$BASE_DEB_VERSION sha=$BASE_DEB_SHA256 deb dir
	dir=$CACHE/$BASE_DEB_PKG-${ver//\~/_}
	if [ ! -f "$dir/.nonlinear-base-ok" ]; then
		mkdir -p "$CACHE/deb"
		deb=$(ls "$CACHE/deb/${BASE_DEB_PKG}_${ver}_all.deb" 2>/dev/null || true)
		if [ -z "$deb" ]; then
			log "downloading $BASE_DEB_PKG=$ver"
			(cd "$CACHE/deb" && apt-get download "$BASE_DEB_PKG=$ver" >/dev/null 2>&1) || {
				(apt-get update >/dev/null 2>&1 || true)
				(cd "$CACHE/deb" && apt-get download "$BASE_DEB_PKG=$ver" >/dev/null 2>&1)
			} || {
				# The pinned version is gone from the archive: take the newest one.
				ver=$(apt-cache policy "$BASE_DEB_PKG" | sed -n 's/^  Candidate: //p')
				[ -n "$ver" ] && [ "$ver" != "(none)" ] || die "no $BASE_DEB_PKG package can be found"
				warn "PINNED BASE $BASE_DEB_PKG=$BASE_DEB_VERSION CANNOT BE DOWNLOADED. USING $ver INSTEAD, UNVERIFIED BY CHECKSUM. The series must still apply without fuzz."
				sha=
				dir=$CACHE/$BASE_DEB_PKG-${ver//\~/_}
				[ -f "$CACHE/deb/${BASE_DEB_PKG}_${ver}_all.deb" ] ||
					(cd "$CACHE/deb" && apt-get download "$BASE_DEB_PKG=$ver" >/dev/null 2>&1) ||
					die "cannot download $BASE_DEB_PKG=$ver"
			}
			deb=$CACHE/deb/${BASE_DEB_PKG}_${ver}_all.deb
		fi
		if [ -n "$sha" ]; then
			echo "$sha  $deb" | sha256sum -c --quiet - ||
				die "$deb does not match the pinned sha256 $sha"
			log "checksum ok: $(basename "$deb")"
		fi
		if [ ! -f "$dir/.nonlinear-base-ok" ]; then
			log "unpacking $(basename "$deb") into $dir (once)"
			rm -rf "$dir" "$dir.tmp"
			mkdir -p "$dir.tmp"
			dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/src/$BASE_DEB_PKG.tar.xz" |
				tar -xJ -C "$dir.tmp"
			mv "$dir.tmp/$BASE_DEB_PKG" "$dir"
			rmdir "$dir.tmp"
			check_version "$dir"
			log "committing the base tree (once)"
			git -C "$dir" init -q
			git_fixed -C "$dir" add -A -f .
			git_fixed -C "$dir" commit -q -m "Debian $BASE_DEB_PKG $ver"
			touch "$dir/.git/info/exclude" && echo ".nonlinear-base-ok" >> "$dir/.git/info/exclude"
			touch "$dir/.nonlinear-base-ok"
		fi
	fi
	BASE_REPO=$dir
	BASE_COMMIT=$(git -C "$dir" rev-parse HEAD)
	BASE_TREE=$dir
	BASE_DESC="Debian $BASE_DEB_PKG $ver (commit ${BASE_COMMIT:0:12})"
}

if [ -n "${KSRC:-}" ]; then from_ksrc; else from_debian; fi

cat > "$env_out.tmp" <<EOT
BASE_REPO='$BASE_REPO'
BASE_COMMIT='$BASE_COMMIT'
BASE_TREE='$BASE_TREE'
BASE_DESC='$BASE_DESC'
EOT
mv "$env_out.tmp" "$env_out"
log "base: $BASE_DESC"
