#!/usr/bin/env python3
"""Validate a blind eval set against the guide's Markdown-stripped text."""
import json, re, sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
GUIDE = HERE / "dental-hygienist-guide.md"
DATA = HERE / "all.jsonl"

def inline(s):
    s = re.sub(r"\[\^[^\]]+\]", "", s)                    # footnote refs
    s = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", s)        # links/images -> text
    s = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", s)          # reference links -> text
    s = re.sub(r"</?(?:details|summary)>", " ", s)          # <details>/<summary> tags
    s = s.replace("`", "")                                  # inline code
    s = s.replace("**", "").replace("__", "")               # strong
    s = re.sub(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])", r"\1", s)  # *em*
    s = re.sub(r"(?<!\w)_(\S(?:.*?\S)?)_(?!\w)", r"\1", s)          # _em_
    return re.sub(r"[ \t]+", " ", s).strip()

def strip_markdown(md):
    body, headings = [], []
    md = re.sub(r"<!--.*?-->", "", md, flags=re.S)          # HTML comments
    lines = md.splitlines()
    if lines and lines[0].strip() == "---":                 # YAML front matter
        for j in range(1, len(lines)):
            if lines[j].strip() in ("---", "..."):
                lines = lines[j + 1:]
                break
    for i, line in enumerate(lines):
        raw = line.rstrip()
        if re.fullmatch(r"\s{0,3}(=+|-+)\s*", raw) and i > 0 and lines[i - 1].strip() \
                and not re.match(r"^\s*([-+*>|]|\d+[.)]\s)", lines[i - 1]):
            continue                                        # Setext underline
        nxt = lines[i + 1].rstrip() if i + 1 < len(lines) else ""
        if raw.strip() and re.fullmatch(r"\s{0,3}(=+|-+)\s*", nxt) \
                and not re.match(r"^\s*([-+*>|]|\d+[.)]\s)", raw):
            h = inline(raw)                                 # Setext heading text
            headings.append(h)
            body.append(h)
            continue
        if re.fullmatch(r"\s*(-{3,}|\*{3,}|_{3,})\s*", raw):
            continue                                        # horizontal rule
        if re.fullmatch(r"\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*", raw):
            continue                                        # table delimiter row
        m = re.match(r"^(#{1,6})\s+(.*?)(\s+#+)?\s*$", raw)
        if m:
            h = inline(m.group(2))
            headings.append(h)
            body.append(h)
            continue
        if re.match(r"^\s{0,3}\[[^\]^][^\]]*\]:\s+\S", raw):
            continue                                        # reference-link definitions
        s = re.sub(r"^\[\^[^\]]+\]:\s*", "", raw)           # footnote definitions
        s = re.sub(r"^\s*(?:>\s?)+", "", s)                 # block quotes (nested too)
        s = re.sub(r"^\s*[-+*]\s+\[[ xX]\]\s+", "", s)      # task list items
        s = re.sub(r"^\s*(?:[-+*]|\d+[.)])\s+", "", s)      # list markers
        if s.strip().startswith("|"):
            cells = [c.strip() for c in s.strip().strip("|").split("|")]
            s = " | ".join(cells)
        body.append(inline(s))
    return "\n".join(body), headings

def main():
    text, headings = strip_markdown(GUIDE.read_text(encoding="utf-8"))
    lower_heads = [h.lower() for h in headings]
    errors, ids, counts = [], set(), Counter()

    def check_facts(rid, facts):
        if not isinstance(facts, list) or not (1 <= len(facts) <= 3):
            errors.append(f"{rid}: facts must be a list of 1-3 groups")
            return
        for g in facts:
            if not isinstance(g, list) or not g:
                errors.append(f"{rid}: bad fact group {g!r}")
                continue
            for alt in g:
                if not isinstance(alt, str) or alt not in text:
                    errors.append(f"{rid}: fact not in stripped guide: {alt!r}")

    lines = DATA.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            errors.append(f"line {n}: blank line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: JSON error {e}")
            continue
        rid = row.get("id")
        if rid in ids:
            errors.append(f"line {n}: duplicate id {rid}")
        ids.add(rid)
        if "turns" in row:
            if set(row) != {"id", "turns"} or not re.fullmatch(r"dh-v\d\d", rid or ""):
                errors.append(f"{rid}: bad conversation keys/id")
            if len(row["turns"]) != 3:
                errors.append(f"{rid}: needs 3 turns")
            for i, t in enumerate(row["turns"], 1):
                if set(t) != {"question", "facts"} or not t["question"].strip():
                    errors.append(f"{rid} turn {i}: bad keys")
                check_facts(f"{rid}.t{i}", t.get("facts"))
            counts["conversation"] += 1
        elif row.get("out_of_scope"):
            if set(row) != {"id", "question", "out_of_scope", "style"} or row["style"] not in ("near", "far"):
                errors.append(f"{rid}: bad out-of-scope row")
            if not re.fullmatch(r"dh-o\d\d", rid or ""):
                errors.append(f"{rid}: bad id")
            counts["oos-" + row.get("style", "?")] += 1
        else:
            if set(row) != {"id", "question", "sections", "facts", "style"}:
                errors.append(f"{rid}: bad keys {sorted(row)}")
                continue
            st = row["style"]
            pref = {"plain": "dh-p", "colloquial": "dh-c", "scenario": "dh-s"}.get(st)
            if not pref or not re.fullmatch(pref + r"\d\d", rid):
                errors.append(f"{rid}: bad style/id combination")
            if not row["sections"]:
                errors.append(f"{rid}: no sections")
            for sec in row["sections"]:
                if not any(sec.lower() in h for h in lower_heads):
                    errors.append(f"{rid}: section not a heading substring: {sec!r}")
            check_facts(rid, row["facts"])
            counts[st] += 1

    want = {"plain": 28, "colloquial": 28, "scenario": 28,
            "oos-near": 9, "oos-far": 9, "conversation": 6}
    for k, v in want.items():
        if counts[k] != v:
            errors.append(f"count {k}: {counts[k]} != {v}")
    if len(lines) != 108:
        errors.append(f"row count {len(lines)} != 108")

    print(f"guide lines: {len(GUIDE.read_text(encoding='utf-8').splitlines())}; headings: {len(headings)}")
    print(f"rows: {len(lines)}")
    for k in want:
        print(f"  {k}: {counts[k]}")
    if errors:
        print(f"ERRORS ({len(errors)}):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK: 0 errors")

if __name__ == "__main__":
    if "--dump" in sys.argv:
        t, h = strip_markdown(GUIDE.read_text(encoding="utf-8"))
        print(t); print("\n=== HEADINGS ==="); print("\n".join(h))
    else:
        main()
