#!/usr/bin/env bash
# Build one kernel flavour out of tree: ARCH, KERNEL=patched|stock, DEBUG=0|1.
# Config = tinyconfig + configs/common.config + configs/$ARCH.config
#          [+ configs/nonlinear.config for patched] [+ configs/debug.config for DEBUG=1]
#          [+ configs/<x>.config for each x of EXTRA_CONFIG].
# Prints the path of the bootable image on stdout's last line.
. "$(dirname "$0")/lib.sh"
arch_setup
kernel_flavour

# make series-check builds each prefix of the series from its own tree and object
# directories (BUILD_SRC, BUILD_OBJ), with the option on and off (NONLINEAR=1|0).
if [ -n "${BUILD_SRC:-}" ]; then SRC=$BUILD_SRC; else kernel_source; fi
OBJ=${BUILD_OBJ:-$OBJ}

frags=("$TOP/configs/common.config" "$TOP/configs/$ARCH.config")
[ "$KERNEL" = patched ] && [ "${NONLINEAR:-1}" = 1 ] && frags+=("$TOP/configs/nonlinear.config")
[ "$DEBUG" = 1 ] && frags+=("$TOP/configs/debug.config")
for x in ${EXTRA_CONFIG:-}; do frags+=("$TOP/configs/$x.config"); done

CC_WRAP="gcc"
command -v ccache >/dev/null && CC_WRAP="ccache ${CROSS_COMPILE}gcc"
MAKE=(make -C "$SRC" O="$OBJ" ARCH="$KARCH" CROSS_COMPILE="$CROSS_COMPILE" CC="$CC_WRAP"
      HOSTCC="ccache gcc" LOCALVERSION= KBUILD_BUILD_USER=nonlinear KBUILD_BUILD_HOST=qemu
      KBUILD_BUILD_TIMESTAMP="2000-01-01" -j"$(nproc)")
mkdir -p "$OBJ"

# Regenerate the config only when a fragment changed (a new config rebuilds a lot), or
# a Kconfig file of the tree: a symbol the tree gains (make series-check steps through
# the patches) must get the fragments' value, not the default that the build's
# syncconfig would give it.
cfg_hash=$( { cat "${frags[@]}"
	find "$SRC" -path "$SRC/.git" -prune -o -name 'Kconfig*' -type f -print0 |
		LC_ALL=C sort -z | xargs -0 cat; } | sha256sum | cut -c1-16)
if [ ! -f "$OBJ/.config" ] || [ "$(cat "$OBJ/.config-fragments" 2>/dev/null)" != "$cfg_hash" ]; then
	log "configuring $FLAVOUR: tinyconfig + ${frags[*]##*/}"
	"${MAKE[@]}" -s tinyconfig >/dev/null
	KCONFIG_CONFIG="$OBJ/.config" "$SRC/scripts/kconfig/merge_config.sh" -m -O "$OBJ" \
		"$OBJ/.config" "${frags[@]}" >/dev/null
	"${MAKE[@]}" -s olddefconfig >/dev/null
	echo "$cfg_hash" > "$OBJ/.config-fragments"
	# Report every fragment line that did not survive olddefconfig. A later fragment
	# overrides an earlier one (an arch fragment may turn off what common.config asks for
	# where the arch has no such thing), as in merge_config.sh.
	bad=0
	declare -A want=() from=()
	for f in "${frags[@]}"; do
		while IFS= read -r line; do
			case "$line" in
			CONFIG_*=*) sym=${line%%=*} ;;
			"# CONFIG_"*" is not set") sym=${line#\# }; sym=${sym%% *} ;;
			*) continue ;;
			esac
			want[$sym]=$line; from[$sym]=${f##*/}
		done < "$f"
	done
	for sym in "${!want[@]}"; do
		w=${want[$sym]}
		have=$(grep -E "^($sym=|# $sym is not set)" "$OBJ/.config" || true)
		[ -z "$have" ] && [ "${w#\# }" != "$w" ] && continue	# "not set" and absent: fine
		if [ "$have" != "$w" ]; then
			printf 'config: %s: %s did not stick (have: %s)\n' "${from[$sym]}" "$w" "${have:-absent}" >&2
			bad=1
		fi
	done
	[ $bad = 0 ] || warn "some config fragment lines did not stick (see above)"
fi

log "building $FLAVOUR in $OBJ from $SRC"
"${MAKE[@]}" -s "${KIMAGE##*/}" >&2
echo "$OBJ/$KIMAGE"
