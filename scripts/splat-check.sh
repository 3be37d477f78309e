#!/usr/bin/env bash
# Fail (exit 1) if a guest console log shows a kernel splat, printing each one with context.
# Kernel lines carry a printk timestamp ("[   12.345678] "), which keeps user output that
# happens to contain the same words from matching.
set -u
log=${1:?usage: splat-check.sh console.log}
pat='\[ *[0-9]+\.[0-9]+\] .*(Kernel panic|kernel BUG at|BUG: |Oops|WARNING: |cut here|Bad page|Bad rss-counter|KASAN: |UBSAN: |general protection fault|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|list_add corruption|list_del corruption|page_table_check|Unable to handle kernel|INFO: task .* blocked)'
# Platform messages that say WARNING without being a kernel warning: pseries under QEMU
# has an empty NVRAM ("WARNING: nvram corruption detected: 0-length partition").
benign='WARNING: nvram corruption detected: 0-length partition'
hits=$(grep -naE "$pat" "$log" | grep -vF "$benign" || true)
[ -z "$hits" ] && exit 0
echo "=== kernel splat in $log ===" >&2
first=$(head -n1 <<<"$hits" | cut -d: -f1)
sed -n "$((first > 5 ? first - 5 : 1)),$((first + 40))p" "$log" >&2
echo "=== $(wc -l <<<"$hits") splat line(s) in all ===" >&2
exit 1
