#!/usr/bin/env bash
# make bench: gongkai measured side by side with the alternatives, in one run.
#   1. a corpus from the renderer (gongkai generate): DOCS documents of sample
#      size in the three layouts in turn, and two huge TAB documents of
#      HUGE_ROWS rows each, the second the first with 10% of its amounts changed
#   2. gongkai convert (batch --jobs 1 and 2): documents/s, cells/s, peak RSS
#      (with 3 and 4, REPEATS rounds in turn, best time of each)
#   3. the Python route: XlsxWriter from the model JSON (given for free)
#   4. the C floor: libxlsxwriter replaying exactly gongkai's calls
#   5. diff throughput on the huge documents, beside datacompy on the same rows,
#      and the diff alone on models already in memory (gongkai-bench)
#   6. one huge document converted whole: time and peak RSS
#   7. the real PDFs of ../shared/corpus/real, when present: pages per second
# Results: Benchmarks/results.md (and on stdout).
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${DOCS:-2000}
HUGE_ROWS=${HUGE_ROWS:-1000000}
REPEATS=${REPEATS:-3}; export REPEATS
WORK=${WORK:-.build-bench}; export WORK
BIN=.build/release/gongkai
rm -rf "$WORK"; mkdir -p "$WORK"/{corpus,json,out1,out2,py,calls,floor,huge}
log() { printf '%s\n' "$*" >&2; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
timed() { # timed NAME CMD... → prints "seconds peak_kb"
  local t0=$(date +%s.%N)
  local rc=0
  /usr/bin/time -f '%M' -o "$WORK/$1.rss" "${@:2}" > "$WORK/$1.out" 2> "$WORK/$1.err" || rc=$?
  # 1 is an answer (diff: differences; batch: some failed), not a crash.
  [ "$rc" -le 1 ] || { log "$1 failed (exit $rc): see $WORK/$1.err"; exit 1; }
  local t1=$(date +%s.%N)
  echo "$(python3 -c "print($t1-$t0)") $(tail -1 "$WORK/$1.rss")"
}

log "building (release)…"
swift build -c release --product gongkai >/dev/null
swift build -c release --product gongkai-bench >/dev/null
gcc -O2 -o "$WORK/floor.bin" Benchmarks/floor.c $(pkg-config --cflags --libs xlsxwriter)

# The real PDFs beside the clone, when present: pages per second, best of REPEATS.
PDFS=../shared/corpus/real
if ls "$PDFS"/*.pdf >/dev/null 2>&1; then
  log "real PDFs: reading each $REPEATS times…"
  .build/release/gongkai-bench pdf "$REPEATS" "$PDFS"/*.pdf > "$WORK/pdf.txt"
else
  log "real PDFs: $PDFS is absent; pages per second not measured"
  : > "$WORK/pdf.txt"
fi

log "corpus: $DOCS documents…"
$BIN generate --count "$DOCS" --seed 1 --layout mixed -o "$WORK/corpus" >/dev/null
for f in "$WORK"/corpus/*.txt; do $BIN parse "$f" > "$WORK/json/$(basename "${f%.txt}").json" 2>/dev/null; done
CELLS=$($BIN convert "$WORK/corpus/$(ls "$WORK/corpus" | head -1)" -o "$WORK/calls" --record-calls "$WORK/calls" >/dev/null 2>&1; \
        grep -cE '^(S|N|F|B)	' "$WORK"/calls/*.calls)
rm -f "$WORK"/calls/*

$BIN convert "$WORK"/json/*.json -o "$WORK/calls" --record-calls "$WORK/calls" >/dev/null 2>&1 || true
# The four routes in turn, REPEATS rounds, best time of each (peak RSS: the
# largest): a shared host's speed drifts by up to half between runs, and
# taking turns lets every route meet the same drift.
T1=; T2=; TP=; TF=; R1=0; R2=0; RP=0; RF=0
better() { python3 -c "import sys; print(sys.argv[2] if sys.argv[1] == '' or float(sys.argv[2]) < float(sys.argv[1]) else sys.argv[1])" "$1" "$2"; }
for round in $(seq "$REPEATS"); do
  log "round $round of $REPEATS…"
  read t r < <(timed jobs1 $BIN batch "$WORK/corpus" -o "$WORK/out1" --jobs 1); T1=$(better "$T1" "$t"); R1=$(( r > R1 ? r : R1 ))
  read t r < <(timed jobs2 $BIN batch "$WORK/corpus" -o "$WORK/out2" --jobs 2); T2=$(better "$T2" "$t"); R2=$(( r > R2 ? r : R2 ))
  read t r < <(timed python python3 Benchmarks/python_route.py "$WORK/py" "$WORK"/json/*.json); TP=$(better "$TP" "$t"); RP=$(( r > RP ? r : RP ))
  read t r < <(timed floor "$WORK/floor.bin" "$WORK/floor" "$WORK"/calls/*.calls); TF=$(better "$TF" "$t"); RF=$(( r > RF ? r : RF ))
done

log "huge documents: $HUGE_ROWS rows…"
$BIN generate --count 2 --rows "$HUGE_ROWS" --seed 7 --vary 0.1 --layout tab -o "$WORK/huge" >/dev/null
A=$(ls "$WORK"/huge/*.txt | head -1); B=$(ls "$WORK"/huge/*.txt | tail -1)
read TD RD < <(timed diff $BIN diff "$A" "$B" --format csv)
# One huge document converted whole (parse + check + workbook): time and peak memory.
TABLINES=$(grep -c $'\t' "$A")
read TH RH < <(timed hugeconvert $BIN convert "$A" -o "$WORK/huge-out")
python3 Benchmarks/diff_csv.py "$A" "$B" "$WORK/huge" >/dev/null 2>&1 || true
read TC RC < <(timed datacompy python3 Benchmarks/datacompy_route.py "$WORK/huge/a.csv" "$WORK/huge/b.csv")
# The diff alone: two generated years of HUGE_ROWS rows, aligned and diffed in memory, best of 3.
read MROWS MSECS MRATE MCHANGES < <(.build/release/gongkai-bench diff "$HUGE_ROWS" 3)

python3 - "$DOCS" "$CELLS" "$T1" "$R1" "$T2" "$R2" "$TP" "$RP" "$TF" "$RF" "$TD" "$RD" "$TC" "$RC" "$HUGE_ROWS" \
  "$MROWS" "$MSECS" "$MRATE" "$MCHANGES" "$TABLINES" "$TH" "$RH" <<'PY' | tee Benchmarks/results.md
import sys, platform, os
(docs, cells, t1, r1, t2, r2, tp, rp, tf, rf, td, rd, tc, rc, rows, mrows, msecs, mrate, mchanges, tablines, th, rh) = sys.argv[1:]
docs, cells, rows = int(docs), int(cells), int(rows)
t1, t2, tp, tf, td, tc = map(float, (t1, t2, tp, tf, td, tc))
mb = lambda kb: f"{int(kb) / 1024:.0f} MB"
print(f"Machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, Linux {platform.release()}")
print()
print(f"Best of {os.environ.get('REPEATS', '3')} rounds, the four routes taking turns.")
print()
print("| route | what it does | time | documents/s | cells/s | peak RSS | vs gongkai --jobs 1 |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for name, what, t, r in [
    ("gongkai batch --jobs 1", "parse text + model + check + write", t1, r1),
    ("gongkai batch --jobs 2", "the same on 2 workers", t2, r2),
    ("Python + XlsxWriter", "model JSON (given) → workbook", tp, rp),
    ("C floor (libxlsxwriter)", "replays gongkai's recorded calls", tf, rf),
]:
    print(f"| {name} | {what} | {t:.2f} s | {docs / t:.0f} | {docs * cells / t:,.0f} | {mb(r)} | {t1 / t:.2f}× |")
print()
print(f"Diff of two documents of {rows:,} rows (parse both + align + diff + CSV): gongkai {td:.2f} s, peak {mb(rd)}; "
      f"datacompy on the same rows as CSV: {tc:.2f} s, peak {mb(rc)}.")
print()
print(f"Conversion of one of them ({int(tablines):,} table lines, one workbook): {float(th):.2f} s, peak {mb(rh)} "
      f"(goal for a table of 1,000,000 rows: under 200 MB).")
print()
pdf = [l.split() for l in open(os.path.join(os.environ.get("WORK", ".build-bench"), "pdf.txt")) if l.strip()]
if pdf:
    pages = sum(int(p) for _, p, _ in pdf); secs = sum(float(s) for _, _, s in pdf)
    slowest = max(pdf, key=lambda r: float(r[2]))
    print(f"Real PDFs ({len(pdf)} files, {pages} pages, read to the model one at a time on one core): "
          f"{secs:.2f} s, {pages / secs:.0f} pages/s; slowest {slowest[0]} ({slowest[1]} pages) {float(slowest[2]):.3f} s "
          f"(goal: a 30-page PDF in well under a second).")
    print()
print(f"The diff alone, on models in memory (gongkai-bench): {int(mrows):,} rows aligned and compared in "
      f"{float(msecs):.3f} s, {int(mrate):,} rows/s ({int(mchanges):,} changes; goal 2,000,000 rows/s).")
PY
