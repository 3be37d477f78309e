#!/usr/bin/env bash
# make run: build and boot the patched kernel (ARCH, default x86_64) and run the demo.
. "$(dirname "$0")/lib.sh"
arch_setup
kernel_flavour

out=$BUILD/demo/$ARCH
mkdir -p "$out"
if [ ! -x "$out/rfp-demo" ] || [ "$TOP/demo/rfp-demo.c" -nt "$out/rfp-demo" ]; then
	"${CROSS_COMPILE}gcc" -O2 -Wall -static -o "$out/rfp-demo" "$TOP/demo/rfp-demo.c"
fi
log "this builds the $FLAVOUR kernel if needed (about 10 minutes the first time), boots it"
log "under QEMU and runs demo/rfp-demo.c in it"
bash "$TOP/scripts/vm-run.sh" "$out/rfp-demo ${PAGES:-10000}"
