#!/usr/bin/env bash
# Build the selftests that a test list runs, statically, for ARCH, from the patched tree
# (they are part of the series), into $BUILD/selftests/<arch>/<dir>/. The same binaries
# run on the stock and the patched kernel, so their results can be compared.
# Prints the output directory on stdout.
. "$(dirname "$0")/lib.sh"
arch_setup
list=${1:-$TOP/tests/check.list}

KERNEL=patched kernel_source
out=$BUILD/selftests/$ARCH
hdr=$BUILD/selftests/hdr-$ARCH
mkdir -p "$out"

# The UAPI headers of the tree under test, not the host's (kept out of $out, which the
# guest copies).
make -s -C "$SRC" O="$hdr/obj" ARCH="$KARCH" INSTALL_HDR_PATH="$hdr" headers_install >&2

CC_T="${CROSS_COMPILE}gcc"
# Build each program the list runs as [VAR=value ...] ./dir/program (other commands
# need no build).
targets=$(awk -F'\t' '!/^#/ && NF >= 3 {
	n = split($3, w, " "); i = 1
	while (i < n && w[i] ~ /^[A-Za-z_][A-Za-z0-9_]*=/) i++
	if (sub("^\\./", "", w[i])) print w[i] }' "$list" | sort -u)
for t in $targets; do
	d=${t%/*}; p=${t##*/}
	log "selftest $d/$p"
	mkdir -p "$out/$d"
	make -s -C "$SRC/tools/testing/selftests/$d" OUTPUT="$out/$d" ARCH="$KARCH" \
		CROSS_COMPILE="$CROSS_COMPILE" CC="$CC_T" LDFLAGS=-static \
		KHDR_INCLUDES="-isystem $hdr/include" "$out/$d/$p" >&2
done
# The mm runner, so that its categories can be run as they are upstream (needs bash).
if [ -d "$out/mm" ]; then
	cp "$SRC/tools/testing/selftests/mm/run_vmtests.sh" "$out/mm/"
fi
echo "$out"
