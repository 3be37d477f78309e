#!/usr/bin/env bash
# make mbox: the series as mails ready to send, from the branch (applied if needed):
# git format-patch --cover-letter --base, with the cover letter's subject and text taken
# from patches/cover-letter (first line: subject; then the text). Writes
# build/mbox/NNNN-*.patch and build/mbox/series.mbox (all of them in one file).
. "$(dirname "$0")/lib.sh"
bash "$TOP/scripts/pq.sh" ensure
tree=$BUILD/src/linux
out=$BUILD/mbox
cover=$TOP/patches/cover-letter
[ -f "$cover" ] || die "no $cover"
rm -rf "$out"; mkdir -p "$out"
# The cover letter is from the series' author, not from whoever runs this.
name=$(git -C "$tree" log -1 --format=%an base..HEAD)
email=$(git -C "$tree" log -1 --format=%ae base..HEAD)
git -C "$tree" -c user.name="$name" -c user.email="$email" format-patch -q --cover-letter --base=base --thread --zero-commit \
	-o "$out" base..HEAD
c=$(ls "$out"/0000-cover-letter.patch)
subject=$(head -n1 "$cover")
python3 - "$c" "$cover" "$subject" <<'PY'
import sys
path, cover, subject = sys.argv[1:]
text = open(path).read()
blurb = open(cover).read().split('\n', 1)[1].lstrip('\n')
text = text.replace('*** SUBJECT HERE ***', subject).replace('*** BLURB HERE ***', blurb.rstrip('\n'))
open(path, 'w').write(text)
PY
cat "$out"/*.patch > "$out/series.mbox"
log "$(ls "$out"/*.patch | wc -l) mails (cover letter included) in ${out#"$TOP"/}/, one file: series.mbox"
log "the base is Debian's linux-source import ($(git -C "$tree" rev-parse --short base)); for upstream, rebase onto v6.12.y"
