#!/usr/bin/env bash
# The patch queue round trip: patches/series <-> a git branch.
#
#   pq.sh apply    base + series -> $BUILD/src/linux, branch "nonlinear", one commit per
#                  patch, tag "base" at the base. Any fuzz, offset or reject is an error.
#                  Refuses to throw away commits that were not exported (FORCE=1 does).
#   pq.sh ensure   apply only if the tree is missing or the series changed since the
#                  last apply; otherwise leave the developer's tree alone.
#   pq.sh export   branch -> patches/*.patch + patches/series (base..HEAD), reporting
#                  added and removed patches; byte-identical when nothing changed.
. "$(dirname "$0")/lib.sh"

TREE=$BUILD/src/linux
SERIES=$TOP/patches/series
STAMP=$TREE/.git/nonlinear-applied

series_list() {	# patch file names in order, comments and blanks dropped
	[ -f "$SERIES" ] || return 0
	sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$SERIES"
}

series_hash() {
	{ cat "$SERIES" 2>/dev/null; series_list | while read -r p; do cat "$TOP/patches/$p"; done; } |
		sha256sum | cut -c1-16
}

need_base() {
	bash "$TOP/scripts/base.sh"
	# shellcheck disable=SC1091
	. "$BUILD/base.env"
}

do_apply() {
	need_base
	if [ -d "$TREE/.git" ] && [ "${FORCE:-0}" != 1 ]; then
		local head applied
		head=$(git -C "$TREE" rev-parse HEAD)
		applied=$(cut -d' ' -f2 "$STAMP" 2>/dev/null || true)
		if [ "$head" != "$applied" ] || [ -n "$(git -C "$TREE" status --porcelain --untracked-files=no)" ]; then
			die "$TREE has commits or changes that are not in patches/ (run 'make export' first, or FORCE=1 to discard them)"
		fi
	fi
	if [ ! -d "$TREE/.git" ]; then
		log "cloning the base into $TREE"
		mkdir -p "$(dirname "$TREE")"
		git clone -q --shared --no-checkout "$BASE_REPO" "$TREE"
	else
		git -C "$TREE" am --abort >/dev/null 2>&1 || true
		git -C "$TREE" fetch -q "$BASE_REPO" "$BASE_COMMIT" 2>/dev/null || true
	fi
	# git am needs a committer; a fresh machine may have no identity configured.
	git -C "$TREE" config user.email >/dev/null ||
		git -C "$TREE" config user.email "pq@linux-nonlinear.invalid"
	git -C "$TREE" config user.name >/dev/null || git -C "$TREE" config user.name "linux-nonlinear pq"
	git -C "$TREE" tag -f base "$BASE_COMMIT" >/dev/null
	git -C "$TREE" checkout -q -f -B nonlinear base
	git -C "$TREE" clean -q -fdx
	local n=0 p out
	while read -r p; do
		[ -f "$TOP/patches/$p" ] || die "patches/series names $p, which does not exist"
		# git am alone accepts offsets silently: GNU patch tells us about them first.
		out=$(cd "$TREE" && patch -p1 --dry-run --fuzz=0 -s -f < "$TOP/patches/$p" 2>&1) || {
			printf '%s\n' "$out" >&2; die "$p does not apply to $(git -C "$TREE" describe --always)"; }
		out=$(cd "$TREE" && patch -p1 --dry-run --fuzz=0 -f < "$TOP/patches/$p" 2>&1)
		if grep -qE '\(offset -?[0-9]+ lines?\)|with fuzz|FAILED|saving rejects' <<<"$out"; then
			printf '%s\n' "$out" >&2; die "$p applies only with offset/fuzz: refresh it"
		fi
		git -C "$TREE" am -q --keep-cr "$TOP/patches/$p" ||
			{ git -C "$TREE" am --abort; die "git am failed on $p"; }
		n=$((n + 1))
	done < <(series_list)
	echo "$(series_hash) $(git -C "$TREE" rev-parse HEAD)" > "$STAMP"
	log "applied $n patches: $TREE, branch nonlinear ($(git -C "$TREE" rev-parse --short HEAD))"
}

do_ensure() {
	if [ -d "$TREE/.git" ] && [ -f "$STAMP" ] && [ "$(cut -d' ' -f1 "$STAMP")" = "$(series_hash)" ]; then
		return 0
	fi
	do_apply
}

do_export() {
	[ -d "$TREE/.git" ] || die "no tree at $TREE: run 'make apply' first"
	local old new p
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	git -C "$TREE" format-patch -q --zero-commit --no-signature --no-numbered \
		--no-cover-letter -o "$tmp" base..HEAD
	# Names come from the subject only, so that reordering renames nothing.
	: > "$tmp/series.new"
	for p in "$tmp"/[0-9][0-9][0-9][0-9]-*.patch; do
		[ -e "$p" ] || continue
		new=${p##*/}; new=${new#[0-9][0-9][0-9][0-9]-}
		mv "$p" "$tmp/$new"
		echo "$new" >> "$tmp/series.new"
	done
	old=$(series_list | sort); new=$(sort "$tmp/series.new")
	comm -13 <(echo "$old") <(echo "$new") | sed '/^$/d; s/^/Added patch /'
	comm -23 <(echo "$old") <(echo "$new") | sed '/^$/d; s/^/Removed patch /'
	# The series file keeps its comments: each block of comment and blank lines stays in
	# front of the patch it preceded (or at the end), in the branch's order; new patches
	# come without one.
	if [ "$(series_list)" = "$(cat "$tmp/series.new")" ]; then
		cp "$SERIES" "$tmp/series"
	else
		awk 'NR == FNR {
			if ($0 ~ /^[[:space:]]*(#|$)/) { blk = blk $0 "\n"; next }
			name = $0; sub(/[[:space:]]*#.*/, "", name); sub(/[[:space:]]+$/, "", name)
			before[name] = blk; line[name] = $0; blk = ""; next
		}
		{ printf "%s%s\n", before[$0], ($0 in line) ? line[$0] : $0 }
		END { printf "%s", blk }' "$SERIES" "$tmp/series.new" > "$tmp/series"
	fi
	local changed=0
	for p in $(series_list); do
		[ -f "$tmp/$p" ] || { git -C "$TOP" rm -q --cached --ignore-unmatch "patches/$p"; rm -f "$TOP/patches/$p"; changed=1; }
	done
	while read -r p; do
		if [ ! -f "$TOP/patches/$p" ]; then
			cp "$tmp/$p" "$TOP/patches/$p"; changed=1
		elif ! cmp -s "$tmp/$p" "$TOP/patches/$p"; then
			cp "$tmp/$p" "$TOP/patches/$p"; changed=1; echo "Updated patch $p"
		fi
	done < "$tmp/series.new"
	cmp -s "$tmp/series" "$SERIES" || { cp "$tmp/series" "$SERIES"; changed=1; }
	echo "$(series_hash) $(git -C "$TREE" rev-parse HEAD)" > "$STAMP"
	[ $changed = 1 ] && log "patches/ updated from $TREE" || log "patches/ unchanged"
}

case "${1:-}" in
apply) do_apply ;;
ensure) do_ensure ;;
export) do_export ;;
*) die "usage: pq.sh apply|ensure|export" ;;
esac
