#!/usr/bin/env bash
# make series-check: is every prefix of the series a good kernel? For each patch, applied
# one after another: the kernel builds for every SERIES_ARCHES (default: x86_64 i386)
# with CONFIG_MEM_NONLINEAR on and off, tools/testing/vma builds and passes, and
# checkpatch.pl --strict says nothing (its findings are listed; errors fail).
#
# One git worktree steps through the commits, and each (arch, option) keeps its object
# directory, so a step rebuilds only what the patch touched (most of the tree for a
# patch to mm.h or mm_types.h: that is what makes it long; see README). Times go to
# build/series-check/report.txt. SERIES_FROM=N starts at patch N (default 1).
#
# The whole run takes longer than one sitting, so it resumes: every build that passed is
# written to tests/series-check.ledger under the git tree id of its prefix (which names
# the base, the patches up to it and nothing else), its arch and option. A later run
# builds only the cells the ledger lacks for the current series; commit the ledger to
# keep what was proven. SERIES_BUDGET=seconds starts no new build after that long (the
# run then ends with status 2: incomplete). SERIES_FORCE=1 ignores the ledger.
. "$(dirname "$0")/lib.sh"
bash "$TOP/scripts/pq.sh" ensure
SERIES_ARCHES=${SERIES_ARCHES:-"x86_64 i386"}
for a in $SERIES_ARCHES; do ARCH=$a bash "$TOP/scripts/deps.sh"; done
TREE=$BUILD/src/linux
SC=$BUILD/series-check
WT=$SC/src
mkdir -p "$SC"
if [ ! -d "$WT/.git" ] && [ ! -f "$WT/.git" ]; then
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q --detach "$WT" base
fi
mapfile -t commits < <(git -C "$TREE" rev-list --reverse base..nonlinear)
report=$SC/report.txt
t_all=$(date +%s)
# tree<TAB>arch:on|off<TAB>ok<TAB>seconds<TAB>date<TAB>patch number and subject
LEDGER=${SERIES_LEDGER:-$TOP/tests/series-check.ledger}
[ -f "$LEDGER" ] || printf '# make series-check: builds that passed (scripts/series-check.sh)\n' > "$LEDGER"
ledgered() { [ "${SERIES_FORCE:-0}" != 1 ] && grep -q "^$1	$2	ok	" "$LEDGER"; }
budget=${SERIES_BUDGET:-0}
left=0
{
	echo "make series-check: ${#commits[@]} patches on $(git -C "$TREE" rev-parse --short base), arches: $SERIES_ARCHES"
	printf '%-3s %-52s %-10s' "#" "patch" "checkpatch"
	for a in $SERIES_ARCHES; do printf ' %-12s %-12s' "$a:on" "$a:off"; done
	printf ' %-6s\n' "vma"
} | tee "$report"
rc=0
for ((i = ${SERIES_FROM:-1}; i <= ${#commits[@]}; i++)); do
	c=${commits[$((i - 1))]}
	subj=$(git -C "$TREE" log -1 --format=%s "$c")
	git -C "$WT" checkout -q --detach "$c"
	log "[$i/${#commits[@]}] $subj"
	line=$(printf '%-3s %-52.52s' "$i" "$subj")
	# checkpatch on the commit itself
	out=$(cd "$WT" && perl scripts/checkpatch.pl --strict --quiet -g "$c" 2>&1 || true)
	if grep -q "ERROR:" <<<"$out"; then v=ERROR; rc=1
	elif grep -q "WARNING:" <<<"$out"; then v=warning
	elif grep -q "CHECK:" <<<"$out"; then v=check
	else v=clean; fi
	[ -n "$out" ] && printf '%s\n' "$out" > "$SC/checkpatch-$i.log"
	line+=$(printf ' %-10s' "$v")
	tree=$(git -C "$TREE" rev-parse "$c^{tree}")
	for a in $SERIES_ARCHES; do
		for nl in 1 0; do
			cell=$a:$([ $nl = 1 ] && echo on || echo off)
			if ledgered "$tree" "$cell"; then
				line+=$(printf ' %-12s' "ok (ledger)")
				continue
			fi
			if [ "$budget" -gt 0 ] && [ $(($(date +%s) - t_all)) -ge "$budget" ]; then
				line+=$(printf ' %-12s' "later")
				left=$((left + 1))
				continue
			fi
			t0=$(date +%s)
			# Once the tree has the option, its .config must say on or off as asked.
			want=
			if grep -q '^config MEM_NONLINEAR$' "$WT/mm/Kconfig"; then
				want='# CONFIG_MEM_NONLINEAR is not set'
				[ $nl = 1 ] && want=CONFIG_MEM_NONLINEAR=y
			fi
			if ARCH=$a KERNEL=patched DEBUG=0 NONLINEAR=$nl BUILD_SRC="$WT" \
				BUILD_OBJ="$SC/obj/$a-$nl" bash "$TOP/scripts/build-kernel.sh" \
				> "$SC/build-$i-$a-$nl.log" 2>&1 &&
			   { [ -z "$want" ] || grep -qxF "$want" "$SC/obj/$a-$nl/.config" ||
			     { echo "series-check: $cell: .config lacks '$want'"; false; } \
				>> "$SC/build-$i-$a-$nl.log"; }; then
				v="ok $(($(date +%s) - t0))s"
				rm -f "$SC/build-$i-$a-$nl.log"
				printf '%s\t%s\tok\t%s\t%s\t#%s %s\n' "$tree" "$cell" $(($(date +%s) - t0)) \
					"$(date -u +%F)" "$i" "$subj" >> "$LEDGER"
			else
				v=FAIL; rc=1
				tail -n 30 "$SC/build-$i-$a-$nl.log" >&2
			fi
			line+=$(printf ' %-12s' "$v")
		done
	done
	if (cd "$WT/tools/testing/vma" && make -s clean >/dev/null 2>&1 && make -s >/dev/null 2>&1 &&
	    ./vma > "$SC/vma-$i.log" 2>&1); then v=ok; else v=FAIL; rc=1; fi
	(cd "$WT/tools/testing/vma" && make -s clean >/dev/null 2>&1) || true
	line+=$(printf ' %-6s' "$v")
	echo "$line" | tee -a "$report"
done
# Keep the ledger to the current series: a tree no prefix has any more proves nothing.
trees=$(for c in "${commits[@]}"; do git -C "$TREE" rev-parse "$c^{tree}"; done)
{ grep '^#' "$LEDGER" || true; grep -v '^#' "$LEDGER" | grep -F -f <(echo "$trees") | sort -t'	' -k6,6V -k2,2 -u || true; } \
	> "$LEDGER.new" && mv "$LEDGER.new" "$LEDGER"
t=$(( $(date +%s) - t_all ))
if [ $rc != 0 ]; then
	echo "make series-check: FAILED in $t s" | tee -a "$report"
elif [ $left != 0 ]; then
	echo "make series-check: incomplete in $t s: $left build(s) left for a later run (SERIES_BUDGET=$budget); commit ${LEDGER#"$TOP"/} to keep what passed" | tee -a "$report"
	rc=2
else
	echo "make series-check: ok in $t s (every build of every prefix: this run or ${LEDGER#"$TOP"/})" | tee -a "$report"
fi
exit $rc
