#!/usr/bin/env python3
"""Verify a `rollout audit export` file with nothing but Python's standard library.

Usage: python3 verify_export.py EXPORT.jsonl [--expect-head HASH]

Checks, as docs/audit.md describes:
  * every plan line's document hashes (SHA-256 of its UTF-8 text) to its version;
  * entries are numbered 1, 2, 3, ... without gaps;
  * each entry's previous_hash is the hash of the entry before (64 zeros for the first);
  * each entry's hash is SHA-256 of its canonical encoding: the entry object without
    "type" and "hash", serialised with sorted keys, no whitespace, UTF-8 unescaped;
  * each entry names a plan version present in the file;
  * the head line matches the last entry, and --expect-head (if given) is its prefix.
Prints the entry count and head hash; exits 0 when verified, 1 otherwise.
"""
import hashlib
import json
import sys


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def fail(message):
    print("VERIFICATION FAILED: " + message)
    sys.exit(1)


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--expect-head"):
        print(__doc__.strip().splitlines()[2])
        return 2
    expect_head = argv[3].lower() if len(argv) == 4 else None
    plans, previous, count, head_line = set(), "0" * 64, 0, None
    with open(argv[1], encoding="utf-8") as export:
        for number, text in enumerate(export, start=1):
            if not text.strip():
                continue
            line = json.loads(text)
            kind = line.get("type")
            if kind == "plan":
                if hashlib.sha256(line["document"].encode("utf-8")).hexdigest() != line["version"]:
                    fail("line %d: plan document does not hash to its version" % number)
                plans.add(line["version"])
            elif kind == "entry":
                entry = {key: value for key, value in line.items() if key not in ("type", "hash")}
                if entry["seq"] != count + 1:
                    fail("entry #%d follows #%d: entries are missing or out of order" % (entry["seq"], count))
                if entry["previous_hash"] != previous:
                    fail("entry #%d: previous_hash does not match the hash of entry #%d" % (entry["seq"], count))
                digest = hashlib.sha256(canonical(entry)).hexdigest()
                if digest != line["hash"]:
                    fail("entry #%d: its hash does not match its content" % entry["seq"])
                if entry["plan_version"] not in plans:
                    fail("entry #%d: unknown plan version" % entry["seq"])
                previous, count = digest, entry["seq"]
            elif kind == "head":
                head_line = line
            else:
                fail("line %d: unknown line type %r" % (number, kind))
    if head_line is None:
        fail("no head line: the export was cut short")
    if head_line["count"] != count or head_line["hash"] != previous:
        fail("the head line does not match the last entry")
    if expect_head and not previous.startswith(expect_head):
        fail("head %s is not the expected %s: the history was rewritten or truncated" % (previous, expect_head))
    print("verified %d entries" % count)
    print("head %s" % previous)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
