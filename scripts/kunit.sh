#!/usr/bin/env bash
# make kunit [ARCH=x86_64] [KUNIT_ARGS=...]: the series' KUnit suite (mm/tests/.kunitconfig)
# through the kernel's own runner, tools/testing/kunit/kunit.py, which builds a minimal
# kernel of its own and boots it under QEMU. Where 6.12 ships no QEMU config for the
# architecture (ppc64le, mipsel, mips64el, i386 with and without PAE) ours in
# tests/kunit/ are passed with --qemu_config.
# The same suite also runs inside every booted test kernel (make check, kunit:nonlinear_file_pte).
. "$(dirname "$0")/lib.sh"
arch_setup
KERNEL=patched
kernel_source

case "$ARCH" in
x86_64|arm64) target=(--arch="$ARCH") ;;
i386) target=(--qemu_config="$TOP/tests/kunit/i386_pae.py") ;;
i386-nopae) target=(--qemu_config="$TOP/tests/kunit/i386_nopae.py") ;;
*) target=(--qemu_config="$TOP/tests/kunit/$ARCH.py") ;;
esac
[ -n "$CROSS_COMPILE" ] && target+=(--cross_compile="$CROSS_COMPILE")
cc="${CROSS_COMPILE}gcc"
command -v ccache >/dev/null && cc="ccache $cc"

out=$BUILD/kunit/$ARCH
res=$BUILD/results/kunit-$ARCH-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out" "$res"
log "kunit.py run for $ARCH in $out (log: $res/kunit.log)"
t0=$(date +%s)
set +e
# shellcheck disable=SC2086
(cd "$SRC" && python3 tools/testing/kunit/kunit.py run "${target[@]}" \
	--kunitconfig=mm/tests/.kunitconfig --build_dir="$out" --jobs="$(nproc)" \
	--timeout="${TIMEOUT:-900}" --make_options="CC=$cc" --kconfig_add=CONFIG_PRINTK_TIME=y \
	${KUNIT_ARGS:-}) 2>&1 | tee "$res/kunit.log"
rc=${PIPESTATUS[0]}
set -e
# kunit.py keeps the whole kernel log of the run in the build directory.
cp "$out/test.log" "$res/console.log" 2>/dev/null || : > "$res/console.log"
if ! grep -q '^ok [0-9]* nonlinear_file_pte' "$res/console.log" &&
   ! grep -qE '\] ok [0-9]+ nonlinear_file_pte' "$res/console.log"; then
	echo "kunit: the suite nonlinear_file_pte did not pass on $ARCH (see $res/kunit.log)"
	rc=1
fi
if ! bash "$TOP/scripts/splat-check.sh" "$res/console.log"; then
	echo "kunit: the kernel log has a splat (see $res/console.log)"
	rc=1
fi
echo "kunit $ARCH: $([ $rc = 0 ] && echo ok || echo FAILED) in $(( $(date +%s) - t0 )) s"
exit $rc
