#!/usr/bin/env python3
"""Validate eval/privacy/holdout.jsonl: every line parses, ids are unique, kinds are
known, every span text occurs in its message, and every occurrence of a span text
is labelled (one span entry per occurrence). Prints counts per kind.
Usage: python3 eval/privacy/validate-holdout.py [path]"""
import json, sys, collections, re, pathlib
KINDS = ["name","address","zip","date","age_over_89","phone","fax","email","ssn","mrn",
         "health_plan_id","account","certificate_license","vehicle","device","url","ip","other_id"]
path = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).with_name("holdout.jsonl"))
if not path.exists():
    # holdout.jsonl is absent between a blind set's retirement and the next one's arrival.
    sys.exit(f"{path}: no such file (the held-out set is added by the coordinator; pass a tune-N.jsonl path)")
errors, warnings = [], []
span_counts, msg_counts = collections.Counter(), collections.Counter()
ids, n, clean = set(), 0, 0
for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip(): continue
    try: r = json.loads(line)
    except Exception as e: errors.append(f"line {ln}: bad JSON: {e}"); continue
    n += 1
    rid = r.get("id")
    if not isinstance(rid, str) or rid in ids: errors.append(f"line {ln}: missing/duplicate id {rid!r}")
    ids.add(rid)
    text, spans = r.get("text"), r.get("spans")
    if not isinstance(text, str) or not isinstance(spans, list):
        errors.append(f"{rid}: text/spans missing"); continue
    extra = set(r) - {"id", "text", "spans", "note"}
    if extra: errors.append(f"{rid}: unexpected keys {extra}")
    if not spans: clean += 1
    kinds_here = set()
    per_text = collections.Counter()
    for s in spans:
        k, t = s.get("kind"), s.get("text")
        if k not in KINDS: errors.append(f"{rid}: unknown kind {k!r}")
        if not t or t not in text: errors.append(f"{rid}: span {t!r} not in text")
        if t != t.strip(): errors.append(f"{rid}: span {t!r} has surrounding whitespace")
        span_counts[k] += 1; kinds_here.add(k); per_text[t] += 1
    for t, c in per_text.items():
        occ = text.count(t)
        # occurrences of t that lie inside a longer labelled span are not separate mentions
        inside = sum(o.count(t) * per_text[o] for o in per_text if o != t and t in o)
        if occ - inside != c:
            errors.append(f"{rid}: {t!r} occurs {occ}x ({inside} inside longer spans) but labelled {c}x")
    for k in kinds_here: msg_counts[k] += 1
print(f"{path}: {n} messages, {n - clean} with spans, {clean} with no spans")
print(f"{'kind':22} {'messages':>8} {'spans':>6}")
for k in KINDS: print(f"{k:22} {msg_counts[k]:>8} {span_counts[k]:>6}")
print(f"{'total':22} {'':>8} {sum(span_counts.values()):>6}")
for w in warnings: print("WARN", w)
for e in errors: print("ERROR", e)
sys.exit(1 if errors else 0)
