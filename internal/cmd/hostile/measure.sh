#!/bin/sh
# measure.sh BIN DIR: time and peak memory of each issue-15 case, one line
# each: case, exit status, wall seconds, CPU seconds (user + system: on a
# loaded machine the wall time waits for a processor), peak RSS in MB,
# first line of stderr or the first finding. Every run is capped at 60 s and 4 GB of address space.
# Make DIR with: go run ./internal/cmd/hostile DIR
bin=$1; dir=$2
cd "$dir" || exit 1
rm -f fifo; mkfifo fifo
printf 'names-files: [/dev/zero]\n' > zero-names.yaml
printf 'rules:\n  date-missing: off\n' > small.yaml
printf 'The council met on Tuesday.\n' > small.txt
run() {
	name=$1; shift
	( ulimit -v 4000000; timeout 60 /usr/bin/time -v -o time.out "$bin" "$@" > out.txt 2> err.txt < /dev/null )
	code=$?
	secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' time.out)
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' time.out)
	cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' time.out)
	msg=$(grep -m1 -v '^ *$' err.txt | cut -c1-150)
	[ -n "$msg" ] || msg=$(grep -m1 -E ':[0-9]+:[0-9]+:' out.txt | cut -c1-150)
	printf '%-22s exit=%-3s %8s s %6s cpu-s %6s MB  %s\n' "$name" "$code" "$secs" "$cpu" "$(( ${rss:-0} / 1024 ))" "$msg"
}
run yaml-bomb lint yaml-bomb.md
run yaml-bomb-config lint --config yaml-bomb.copydesk.yaml small.txt
run toml-nest lint toml-nest.md
run gb18030 lint gb18030.txt
run utf32 lint utf32.txt
run cr-only lint cr-only.md
run dev-zero lint /dev/zero
run config-dev-zero lint --config /dev/zero small.txt
run names-dev-zero lint --config zero-names.yaml small.txt
run fifo lint fifo small.txt
run config-fifo lint --config fifo small.txt
for f in line-1mb line-10mb line-50mb; do
	run "$f-text" lint --config small.yaml $f.txt
	run "$f-json" lint --config small.yaml --format json $f.txt
done
run line-1mb-many-text lint --config small.yaml line-1mb-many.txt
run line-1mb-many-json lint --config small.yaml --format json line-1mb-many.txt
run table-512k lint --config small.yaml table-512k.md
cp gb18030.txt gb-fix.txt
run gb18030-fix fix --unsafe gb-fix.txt
cmp -s gb18030.txt gb-fix.txt && echo "gb18030-fix: file unchanged" || echo "gb18030-fix: file rewritten ($(head -c 60 gb-fix.txt | od -c | head -2 | tr -s ' ' | tr '\n' ' '))"
rm -f fifo gb-fix.txt
