#!/usr/bin/env bash
# Writes every command's and page's output, on small inputs, into DIR, so that a change
# that should not alter what a user gets (a move, a refactor) can be checked with
#   tools/golden-outputs.sh /tmp/before   # on the old commit
#   tools/golden-outputs.sh /tmp/after    # on the new one
#   diff -r /tmp/before /tmp/after
# Wall-clock fields (perf) and the page's commit line are blanked; command paths are
# written as the command's base name, so moving a command does not show as a change.
# Each command's path is looked up by base name (the first match in the layout's folders).
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: tools/golden-outputs.sh DIR}
mkdir -p "$out"
where() { for d in scenarios commands notebooks; do [ -f "$d/$1.ts" ] && { echo "$d/$1.ts"; return; }; done; echo "missing/$1.ts"; }
norm() {
  # every moved path spelled as its base name; wall clock blanked; the commit line blanked
  sed -E \
    -e 's#(scenarios|commands|notebooks|models|logs|cli|experiments/[a-z]+|experiments|runner)/([a-z-]+)\.ts#\2.ts#g' \
    -e 's#"(wallSeconds|eventsPerSecond)": ?[0-9.e+-]+#"\1":0#g' \
    -e 's#(Git commit</dt><dd>)[0-9a-f]{7,40}#\1COMMIT#g' \
    -e 's#(commit )[0-9a-f]{7,40}( by)#\1COMMIT\2#g' \
    -e 's#events in [0-9.]+ s#events in T s#g' \
    -e 's#\([0-9.]+ M events/s#(R M events/s#g' \
    -e "s#$out/#OUT/#g"
}
run() { # name, command (a base name, or a path), args…
  local name=$1 cmd=$2; [ -f "$cmd" ] || cmd=$(where "$2"); shift 2
  npx tsx "$cmd" "$@" >"$out/$name.stdout" 2>"$out/$name.stderr"; echo "exit $?" >>"$out/$name.stderr"
  for f in "$out/$name.stdout" "$out/$name.stderr"; do norm <"$f" >"$f.n" && mv "$f.n" "$f"; done
}
page() { # name, notebook, args… (writes $out/$name.html)
  local name=$1 nb=notebooks/$2.ts; shift 2; run "$name" "$nb" "$@" --out "$out/$name.html"
  [ -f "$out/$name.html" ] && { norm <"$out/$name.html" >"$out/$name.html.n"; mv "$out/$name.html.n" "$out/$name.html"; }
}
small="--set accounts=20 --set replications=3 --set cycles=3"
for c in capacity recruiting sales-prospecting job-seeker plan-comparison guide-vs-linkedin team replay calibrate make-sample-log merge worker sensitivity; do run "help-$c" $c --help; done
for n in capacity-by-plan recruiting-team message-levers job-seeker team replay sensitivity explorer; do run "help-nb-$n" "notebooks/$n.ts" --help; done
run capacity-json capacity --json $small
run capacity-text capacity $small
run capacity-bad capacity --set replyRate=1.5
for s in recruiting sales-prospecting job-seeker guide-vs-linkedin; do run "$s-json" $s --json $small; run "$s-text" $s $small; done
run plan-comparison-json plan-comparison --json --set accounts=10 --set replications=2 --set cycles=2
run team-json team --json --set seats=2 --set months=3 --set replications=3
run team-text team --set seats=2 --set months=3 --set replications=3 --set plan=all --set target=10
run team-fu team --json --set seats=2 --set months=3 --set replications=3 --set plan=sales-navigator --set followUps.count=1
run team-bad team --set respnseRate=0.15
run replay-text replay --log data/sample-send-log.csv
run replay-json replay --log data/sample-send-log.csv --json
run calibrate-json calibrate --log data/sample-send-log.csv --json --draws 2 --workers 1
run sensitivity-ishigami sensitivity --model ishigami --json --set n=64 --set trajectories=4
page nb-capacity-by-plan capacity-by-plan --set accounts=10 --set replications=2
page nb-recruiting-team recruiting-team --set replications=2
page nb-message-levers message-levers --set replications=2
page nb-job-seeker job-seeker --set replications=2
page nb-team team --set seats=2 --set months=2 --set replications=2
page nb-replay replay --log data/sample-send-log.csv --set draws=2 --workers 1
page nb-explorer explorer
echo "written: $out"
